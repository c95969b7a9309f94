package org.pmlp.rtl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Reduces a bit heap to one bit per column, timing-driven ("three-greedy"): columns are taken
 * from the least significant, and within a column a full adder always takes the three
 * earliest-arriving bits (its sum goes back into the column, its carry up one column); two
 * remaining bits go through a half adder, one bit is the result. Late bits, such as the carries
 * from the column below, therefore meet an already reduced column and cross one adder there:
 * the heap's depth grows with the log of its height, and the final carry ripple passes one
 * adder per column, not a chain of them. Every full adder still removes one bit, so the adder
 * count follows the heap's bit count (the same area as an arrival-blind order). Ties in arrival
 * keep the order the bits were added, so the result is deterministic. Carries out of the top
 * column are dropped (the sum is modulo 2^W). The emitter drives this on gate signals, and the
 * cost model counts what the emitter builds, so both follow this one policy.
 */
public final class HeapCompressor {
    private HeapCompressor() {
    }

    /** What a full and a half adder make of their operands, and when a bit arrives. */
    public interface Cells<T> {
        /** Returns {sum, carry}. */
        List<T> fullAdder(T x, T y, T z);

        /** Returns {sum, carry}. */
        List<T> halfAdder(T x, T y);

        T zero();

        /** Arrival time of a bit (any consistent unit; constants and inputs arrive first). */
        double arrival(T x);
    }

    private record Bit<T>(T value, double arrival, long order) implements Comparable<Bit<T>> {
        @Override
        public int compareTo(Bit<T> o) {
            int c = Double.compare(arrival, o.arrival);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    /** @param columns bits of each column (column 0 first); consumed */
    public static <T> List<T> compress(List<ArrayDeque<T>> columns, Cells<T> cells) {
        List<T> result = new ArrayList<>(columns.size());
        long order = 0;
        PriorityQueue<Bit<T>> up = new PriorityQueue<>();
        for (ArrayDeque<T> bitsIn : columns) {
            PriorityQueue<Bit<T>> bits = up;
            for (T t : bitsIn) {
                bits.add(new Bit<>(t, cells.arrival(t), order++));
            }
            bitsIn.clear();
            up = new PriorityQueue<>();
            while (bits.size() >= 2) {
                List<T> sc = bits.size() >= 3
                        ? cells.fullAdder(bits.poll().value(), bits.poll().value(), bits.poll().value())
                        : cells.halfAdder(bits.poll().value(), bits.poll().value());
                bits.add(new Bit<>(sc.get(0), cells.arrival(sc.get(0)), order++));
                up.add(new Bit<>(sc.get(1), cells.arrival(sc.get(1)), order++));
            }
            result.add(bits.isEmpty() ? cells.zero() : bits.poll().value());
        }
        return result;
    }
}
