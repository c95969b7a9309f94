package org.pmlp.rtl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap compressor as it was written before it was specialised to int signals (generic
 * signals, a binary heap per column, both final adders built in full): the reference the
 * specialised {@link HeapCompressor} must match gate for gate (HeapCompressorTest).
 *
 * Original description:
 *
 * Reduces a bit heap to one bit per column, timing-driven. First a "three-greedy" reduction:
 * columns are taken from the least significant, and within a column a full adder always takes
 * the three earliest-arriving bits (its sum goes back into the column, its carry up one column)
 * until at most two bits are left; late bits, such as carries from the column below, meet an
 * already reduced column, so the depth grows with the log of the heap's height. Then a final
 * adder sums the two rows: a ripple-carry adder, or, when it finishes earlier, a hybrid that
 * ripples only over the low columns (whose carry arrives no later than the column's own bits)
 * and adds the rest with a Sklansky parallel-prefix carry network. Every full adder removes one
 * bit, so the adder count follows the heap's bit count, and the prefix network spans only the
 * late columns, so area stays close to an arrival-blind compressor's. Ties in arrival keep the
 * order the bits were added, so the result is deterministic. Carries out of the top column are
 * dropped (the sum is modulo 2^W). The emitter drives this on gate signals (the alternative it
 * tries and drops leaves dead gates, which are neither printed nor counted), and the cost model
 * counts the live gates the emitter builds, so both follow this one policy.
 */
final class ReferenceHeapCompressor {
    /** Full and half adders as gates (the emitter's cells before the compressor took gates directly). */
    static final class GateCells implements Cells<Integer> {
        private final Gates g;

        GateCells(Gates g) {
            this.g = g;
        }

        @Override
        public Integer carryNode(Integer gen, Integer prop, Integer genLow) {
            return g.or(gen, g.and(prop, genLow));
        }

        @Override
        public Integer and(Integer x, Integer y) {
            return g.and(x, y);
        }

        @Override
        public Integer xor(Integer x, Integer y) {
            return g.xor(x, y);
        }

        @Override
        public List<Integer> fullAdder(Integer x, Integer y, Integer z) {
            long fa = g.fullAdder(x, y, z);
            return List.of(Gates.sum(fa), Gates.carry(fa));
        }

        @Override
        public List<Integer> halfAdder(Integer x, Integer y) {
            return List.of(g.xor(x, y), g.and(x, y));
        }

        @Override
        public double arrival(Integer x) {
            return g.arrival(x);
        }

        @Override
        public Integer zero() {
            return Gates.ZERO;
        }
    }

    private ReferenceHeapCompressor() {
    }

    /** What the adders make of their operands, and when a bit arrives. */
    public interface Cells<T> {
        /** Returns {sum, carry}. */
        List<T> fullAdder(T x, T y, T z);

        /** Returns {sum, carry}. */
        List<T> halfAdder(T x, T y);

        /** One node of a prefix carry network: {@code g | (p & gLow)}. */
        T carryNode(T g, T p, T gLow);

        T and(T x, T y);

        T xor(T x, T y);

        T zero();

        /** Arrival time of a bit (any consistent unit; constants and inputs arrive first). */
        double arrival(T x);
    }

    /**
     * The bits of a column, earliest arrival first, ties by the order they were added: a binary
     * heap on parallel arrays (the compressor's inner loop; a PriorityQueue of records spent most
     * of the cost model's time allocating and comparing). The order is total, so bits come out as
     * from any priority queue.
     */
    private static final class BitQueue<T> {
        private Object[] value = new Object[16];
        private double[] arrival = new double[16];
        private long[] order = new long[16];
        private int size;

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            java.util.Arrays.fill(value, 0, size, null);
            size = 0;
        }

        private boolean less(int i, int j) {
            int c = Double.compare(arrival[i], arrival[j]);
            return c != 0 ? c < 0 : order[i] < order[j];
        }

        private void swap(int i, int j) {
            Object v = value[i];
            value[i] = value[j];
            value[j] = v;
            double a = arrival[i];
            arrival[i] = arrival[j];
            arrival[j] = a;
            long o = order[i];
            order[i] = order[j];
            order[j] = o;
        }

        void add(T v, double at, long ord) {
            if (size == value.length) {
                value = java.util.Arrays.copyOf(value, 2 * size);
                arrival = java.util.Arrays.copyOf(arrival, 2 * size);
                order = java.util.Arrays.copyOf(order, 2 * size);
            }
            int i = size++;
            value[i] = v;
            arrival[i] = at;
            order[i] = ord;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!less(i, parent)) {
                    break;
                }
                swap(i, parent);
                i = parent;
            }
        }

        @SuppressWarnings("unchecked")
        T poll() {
            T top = (T) value[0];
            size--;
            if (size > 0) {
                value[0] = value[size];
                arrival[0] = arrival[size];
                order[0] = order[size];
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    if (l >= size) {
                        break;
                    }
                    int m = l + 1 < size && less(l + 1, l) ? l + 1 : l;
                    if (!less(m, i)) {
                        break;
                    }
                    swap(i, m);
                    i = m;
                }
            }
            value[size] = null;
            return top;
        }
    }

    /** @param columns bits of each column (column 0 first); consumed */
    public static <T> List<T> compress(List<ArrayDeque<T>> columns, Cells<T> cells) {
        List<List<T>> rows = reduceToTwo(columns, cells);
        // Both candidates are built; the one not taken is left as dead gates (cells are
        // hash-consed, so building the chosen one again would give the very same gates).
        List<T> ripple = new ArrayList<>();
        List<T> carries = ripple(rows, rows.size(), cells, ripple);
        int k = prefixStart(rows, carries, cells);
        if (k > 0) {
            List<T> h = hybrid(rows, k, cells);
            if (latest(h, cells) < latest(ripple, cells)) {
                return h;
            }
        }
        return ripple;
    }

    /** Three-greedy reduction to at most two bits per column, earliest first in each. */
    private static <T> List<List<T>> reduceToTwo(List<ArrayDeque<T>> columns, Cells<T> cells) {
        List<List<T>> rows = new ArrayList<>(columns.size());
        long order = 0;
        BitQueue<T> up = new BitQueue<>();
        BitQueue<T> spare = new BitQueue<>();
        for (ArrayDeque<T> bitsIn : columns) {
            BitQueue<T> bits = up;
            for (T t : bitsIn) {
                bits.add(t, cells.arrival(t), order++);
            }
            bitsIn.clear();
            up = spare;
            while (bits.size() >= 3) {
                T x = bits.poll();
                T y = bits.poll();
                List<T> sc = cells.fullAdder(x, y, bits.poll());
                bits.add(sc.get(0), cells.arrival(sc.get(0)), order++);
                up.add(sc.get(1), cells.arrival(sc.get(1)), order++);
            }
            List<T> left = new ArrayList<>(2);
            while (!bits.isEmpty()) {
                left.add(bits.poll());
            }
            bits.clear();
            spare = bits;
            rows.add(left);
        }
        return rows;
    }

    /**
     * Ripple-carry addition of the two rows over columns [0, end), sums into {@code out}.
     * @return the carry into each column [0, end] (null where there is none yet)
     */
    private static <T> List<T> ripple(List<List<T>> rows, int end, Cells<T> cells, List<T> out) {
        List<T> carries = new ArrayList<>();
        T carry = null;
        for (int c = 0; c < end; c++) {
            carries.add(carry);
            List<T> bits = new ArrayList<>(rows.get(c));
            if (carry != null) {
                bits.add(carry);
            }
            if (bits.size() == 3) {
                List<T> sc = cells.fullAdder(bits.get(0), bits.get(1), bits.get(2));
                out.add(sc.get(0));
                carry = sc.get(1);
            } else if (bits.size() == 2) {
                List<T> sc = cells.halfAdder(bits.get(0), bits.get(1));
                out.add(sc.get(0));
                carry = sc.get(1);
            } else {
                out.add(bits.isEmpty() ? cells.zero() : bits.get(0));
                carry = null;
            }
        }
        carries.add(carry);
        return carries;
    }

    /**
     * The first column from which the ripple carry arrives after the column's own bits, so that
     * the carry chain, not the heap, sets the pace; 0 when a prefix network would span fewer than
     * three columns.
     */
    private static <T> int prefixStart(List<List<T>> rows, List<T> carries, Cells<T> cells) {
        for (int c = 1; c < rows.size(); c++) {
            T carry = carries.get(c);
            if (carry == null) {
                continue;
            }
            double own = 0;
            for (T t : rows.get(c)) {
                own = Math.max(own, cells.arrival(t));
            }
            if (cells.arrival(carry) > own) {
                return rows.size() - c >= 3 ? c : 0;
            }
        }
        return 0;
    }

    /** Ripple over columns [0, k), Sklansky prefix carries over [k, W). */
    private static <T> List<T> hybrid(List<List<T>> rows, int k, Cells<T> cells) {
        List<T> out = new ArrayList<>();
        List<T> carries = ripple(rows, k, cells, out);
        int m = rows.size() - k + 1;
        List<T> g = new ArrayList<>(m);
        List<T> p = new ArrayList<>(m);
        // element 0 is the carry into column k; element e >= 1 is column k + e - 1
        T cin = carries.get(k);
        g.add(cin == null ? cells.zero() : cin);
        p.add(cells.zero());
        for (int c = k; c < rows.size(); c++) {
            List<T> bits = rows.get(c);
            if (bits.size() == 2) {
                List<T> sc = cells.halfAdder(bits.get(0), bits.get(1));
                p.add(sc.get(0));
                g.add(sc.get(1));
            } else {
                p.add(bits.isEmpty() ? cells.zero() : bits.get(0));
                g.add(cells.zero());
            }
        }
        List<T> pi = new ArrayList<>(p);
        for (int d = 1; d < m; d <<= 1) {
            List<T> ng = new ArrayList<>(g);
            List<T> np = new ArrayList<>(p);
            for (int e = 0; e < m; e++) {
                if ((e & d) != 0) {
                    int lo = (e & ~(2 * d - 1)) + d - 1;
                    ng.set(e, cells.carryNode(g.get(e), p.get(e), g.get(lo)));
                    np.set(e, cells.and(p.get(e), p.get(lo)));
                }
            }
            g = ng;
            p = np;
        }
        for (int e = 1; e < m; e++) {
            out.add(cells.xor(pi.get(e), g.get(e - 1)));
        }
        return out;
    }

    private static <T> double latest(List<T> bits, Cells<T> cells) {
        double t = 0;
        for (T b : bits) {
            t = Math.max(t, cells.arrival(b));
        }
        return t;
    }
}
