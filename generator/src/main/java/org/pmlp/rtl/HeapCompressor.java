package org.pmlp.rtl;

import java.util.Arrays;

/**
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
 * counts the live gates the emitter builds, so both follow this one policy. It works on the
 * gates' int signals directly (the search compresses every neuron's heap of every candidate; a
 * generic version with boxed signals and a binary heap per column spent most of its time there).
 */
final class HeapCompressor {
    private HeapCompressor() {
    }

    /**
     * The bits of a column, earliest arrival first, ties by the order they were added: buckets of
     * equal arrival in increasing order, each first-in first-out. A column holds few distinct
     * arrivals and new bits mostly arrive last, so adding is usually an append, and the order is
     * exactly that of a priority queue on (arrival, order added).
     */
    private static final class ColumnQueue {
        private double[] key = new double[8];
        private int[] first = new int[8];
        private int[] last = new int[8];
        /** Buckets in use: [lo, hi), none of them empty. */
        private int lo;
        private int hi;
        private int[] value = new int[32];
        private int[] next = new int[32];
        private int nodes;
        private int size;

        int size() {
            return size;
        }

        void clear() {
            lo = 0;
            hi = 0;
            nodes = 0;
            size = 0;
        }

        void add(int v, double at) {
            if (nodes == value.length) {
                value = Arrays.copyOf(value, 2 * nodes);
                next = Arrays.copyOf(next, 2 * nodes);
            }
            int n = nodes++;
            value[n] = v;
            next[n] = -1;
            size++;
            // p: the first bucket arriving after the bit (arrivals are finite and non-negative, no
            // NaN or -0.0, so plain comparisons order them). A bit mostly arrives last (an append)
            // or, when a column's own bits meet the carries already queued from below, first:
            // the search is binary, as a column can queue dozens of distinct carry arrivals.
            int p;
            if (hi == lo || key[hi - 1] <= at) {
                p = hi;
            } else {
                int a = lo;
                int b = hi - 1; // key[b] > at
                while (a < b) {
                    int mid = (a + b) >>> 1;
                    if (key[mid] > at) {
                        b = mid;
                    } else {
                        a = mid + 1;
                    }
                }
                p = a;
            }
            if (p > lo && key[p - 1] == at) {
                next[last[p - 1]] = n;
                last[p - 1] = n;
                return;
            }
            if (lo > 0 && p - lo < hi - p) {
                // room below: shift the fewer buckets
                System.arraycopy(key, lo, key, lo - 1, p - lo);
                System.arraycopy(first, lo, first, lo - 1, p - lo);
                System.arraycopy(last, lo, last, lo - 1, p - lo);
                lo--;
                p--;
            } else {
                if (hi == key.length) {
                    key = Arrays.copyOf(key, 2 * hi);
                    first = Arrays.copyOf(first, 2 * hi);
                    last = Arrays.copyOf(last, 2 * hi);
                }
                System.arraycopy(key, p, key, p + 1, hi - p);
                System.arraycopy(first, p, first, p + 1, hi - p);
                System.arraycopy(last, p, last, p + 1, hi - p);
                hi++;
            }
            key[p] = at;
            first[p] = n;
            last[p] = n;
        }

        int poll() {
            int n = first[lo];
            first[lo] = next[n];
            if (first[lo] < 0 && ++lo == hi) {
                lo = 0;
                hi = 0;
            }
            size--;
            return value[n];
        }
    }

    /** @return one bit per column, the sum modulo 2^width */
    static int[] compress(BitColumns columns, Gates g) {
        int[][] rows = reduceToTwo(columns, g);
        int w = rows.length;
        int[] ripple = new int[w];
        int[] carries = new int[w + 1];
        ripple(rows, w, g, ripple, carries);
        int k = prefixStart(rows, carries, g);
        if (k > 0) {
            // The ripple built is left as dead gates if the hybrid wins (gates are hash-consed:
            // the hybrid's ripple over [0, k) is the same gates, so it is taken as built).
            int[] h = hybrid(rows, k, g, ripple, carries[k]);
            if (latest(h, g) < latest(ripple, g)) {
                return h;
            }
        }
        return ripple;
    }

    /** Three-greedy reduction to at most two bits per column, earliest first in each. */
    private static int[][] reduceToTwo(BitColumns columns, Gates g) {
        int w = columns.width();
        int[][] rows = new int[w][];
        ColumnQueue bits = new ColumnQueue();
        ColumnQueue up = new ColumnQueue();
        for (int c = 0; c < w; c++) {
            ColumnQueue q = up;
            for (int i = 0; i < columns.size(c); i++) {
                int s = columns.get(c, i);
                q.add(s, g.arrival(s));
            }
            up = bits;
            while (q.size() >= 3) {
                int x = q.poll();
                int y = q.poll();
                int z = q.poll();
                int sum = g.xor3(x, y, z);
                int carry = g.maj(x, y, z);
                q.add(sum, g.arrival(sum));
                up.add(carry, g.arrival(carry));
            }
            int[] left = new int[q.size()];
            for (int i = 0; i < left.length; i++) {
                left[i] = q.poll();
            }
            q.clear();
            bits = q;
            rows[c] = left;
        }
        return rows;
    }

    /**
     * Ripple-carry addition of the two rows over columns [0, end), sums into {@code out}, the
     * carry into each column [0, end] into {@code carries} (-1 where there is none yet).
     */
    private static void ripple(int[][] rows, int end, Gates g, int[] out, int[] carries) {
        int carry = -1;
        for (int c = 0; c < end; c++) {
            carries[c] = carry;
            int[] r = rows[c];
            int n = r.length + (carry >= 0 ? 1 : 0);
            int b0 = r.length > 0 ? r[0] : carry;
            int b1 = r.length > 1 ? r[1] : carry;
            if (n == 3) {
                out[c] = g.xor3(b0, b1, carry);
                carry = g.maj(b0, b1, carry);
            } else if (n == 2) {
                out[c] = g.xor(b0, b1);
                carry = g.and(b0, b1);
            } else {
                out[c] = n == 0 ? Gates.ZERO : b0;
                carry = -1;
            }
        }
        carries[end] = carry;
    }

    /**
     * The first column from which the ripple carry arrives after the column's own bits, so that
     * the carry chain, not the heap, sets the pace; 0 when a prefix network would span fewer than
     * three columns.
     */
    private static int prefixStart(int[][] rows, int[] carries, Gates g) {
        for (int c = 1; c < rows.length; c++) {
            int carry = carries[c];
            if (carry < 0) {
                continue;
            }
            double own = 0;
            for (int t : rows[c]) {
                own = Math.max(own, g.arrival(t));
            }
            if (g.arrival(carry) > own) {
                return rows.length - c >= 3 ? c : 0;
            }
        }
        return 0;
    }

    /** Ripple over columns [0, k) (given), Sklansky prefix carries over [k, W). */
    private static int[] hybrid(int[][] rows, int k, Gates g, int[] ripple, int carryIn) {
        int w = rows.length;
        int[] out = Arrays.copyOf(ripple, w);
        int m = w - k + 1;
        int[] gen = new int[m];
        int[] p = new int[m];
        // element 0 is the carry into column k; element e >= 1 is column k + e - 1
        gen[0] = carryIn < 0 ? Gates.ZERO : carryIn;
        p[0] = Gates.ZERO;
        for (int c = k; c < w; c++) {
            int[] bits = rows[c];
            int e = c - k + 1;
            if (bits.length == 2) {
                p[e] = g.xor(bits[0], bits[1]);
                gen[e] = g.and(bits[0], bits[1]);
            } else {
                p[e] = bits.length == 0 ? Gates.ZERO : bits[0];
                gen[e] = Gates.ZERO;
            }
        }
        int[] pi = p.clone();
        for (int d = 1; d < m; d <<= 1) {
            int[] ng = gen.clone();
            int[] np = p.clone();
            for (int e = 0; e < m; e++) {
                if ((e & d) != 0) {
                    int lo = (e & ~(2 * d - 1)) + d - 1;
                    ng[e] = g.or(gen[e], g.and(p[e], gen[lo]));
                    np[e] = g.and(p[e], p[lo]);
                }
            }
            gen = ng;
            p = np;
        }
        for (int e = 1; e < m; e++) {
            out[k + e - 1] = g.xor(pi[e], gen[e - 1]);
        }
        return out;
    }

    private static double latest(int[] bits, Gates g) {
        double t = 0;
        for (int b : bits) {
            t = Math.max(t, g.arrival(b));
        }
        return t;
    }
}
