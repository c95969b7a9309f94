package org.pmlp.rtl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces a bit heap to one bit per column, column by column from the least significant:
 * while a column holds three or more bits a full adder takes three (its sum stays, its carry
 * moves up), two remaining bits go through a half adder, one bit is the result. Every full
 * adder removes one bit, so the adder count follows the heap's bit count; that makes the count
 * a faithful area proxy. Carries out of the top column are dropped (the sum is modulo 2^W). The
 * same policy drives the emitter (on signals) and the cost model (on counts), through
 * {@link Cells}.
 */
public final class HeapCompressor {
    private HeapCompressor() {
    }

    /** What a full and a half adder make of their operands. */
    public interface Cells<T> {
        /** Returns {sum, carry}. */
        List<T> fullAdder(T x, T y, T z);

        /** Returns {sum, carry}. */
        List<T> halfAdder(T x, T y);

        T zero();
    }

    /** @param columns bits of each column (column 0 first); consumed */
    public static <T> List<T> compress(List<ArrayDeque<T>> columns, Cells<T> cells) {
        List<T> result = new ArrayList<>(columns.size());
        for (int col = 0; col < columns.size(); col++) {
            ArrayDeque<T> bits = columns.get(col);
            ArrayDeque<T> up = col + 1 < columns.size() ? columns.get(col + 1) : null;
            while (bits.size() >= 3) {
                List<T> sc = cells.fullAdder(bits.poll(), bits.poll(), bits.poll());
                bits.add(sc.get(0));
                if (up != null) {
                    up.add(sc.get(1));
                }
            }
            if (bits.size() == 2) {
                List<T> sc = cells.halfAdder(bits.poll(), bits.poll());
                bits.add(sc.get(0));
                if (up != null) {
                    up.add(sc.get(1));
                }
            }
            result.add(bits.isEmpty() ? cells.zero() : bits.poll());
        }
        return result;
    }
}
