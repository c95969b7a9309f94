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
 * order the bits were added, so the result is deterministic. Arrivals are sums of the delays in
 * doubles, added along each path in its order, so two paths of the same total delay can differ
 * in the last bit (of the 174 totals paths of two to six gates reach, 121 come out as more than
 * one double), and then the smaller double goes first: a tie only when the doubles are equal.
 * Carries out of the top column are dropped (the sum is modulo 2^W). The emitter drives this on
 * gate signals (the alternative it tries and drops leaves dead gates, which are neither printed
 * nor counted), and the cost model counts the live gates the emitter builds, so both follow this
 * one policy. It works on the gates' int signals directly, in arrays an instance keeps between
 * heaps (the search compresses every neuron's heap of every candidate; a generic version with
 * boxed signals and a binary heap per column spent most of its time there, and a sorted bucket
 * queue per column a fifth of the census).
 */
final class HeapCompressor {
    /*
     * A column's queue is two sorted runs. The bits that meet in it first (the carries from the
     * column below, then the column's own bits) are stably sorted by arrival into run A; the sums
     * its full adders put back go to run B. Polling takes the earlier head, A's on a tie (all of
     * A was queued before any of B). This is exactly a priority queue on (arrival, order added):
     * B is kept stably sorted by inserting from its tail, which is an append but for the rare
     * sum that folds to an early signal, since the polled arrivals never decrease and a new sum
     * arrives after its inputs. Carries into the next column are collected the same way.
     */
    private int[] a = new int[64];
    private double[] aAt = new double[64];
    private int aHead;
    private int aEnd;
    private int[] b = new int[64];
    private double[] bAt = new double[64];
    private int bHead;
    private int bEnd;
    private int[] own = new int[64];
    private double[] ownAt = new double[64];
    private int[] carryIn = new int[64];
    private double[] carryInAt = new double[64];
    private int carriesIn;
    private int[] carryOut = new int[64];
    private double[] carryOutAt = new double[64];
    private int carriesOut;
    /** Per column after the reduction: how many bits are left (0-2), and which. */
    private int[] left = new int[64];
    private int[] row0 = new int[64];
    private int[] row1 = new int[64];
    /** The prefix network's generate and propagate signals, and the propagates before it (hybrid). */
    private int[] gen = new int[64];
    private int[] p = new int[64];
    private int[] p0 = new int[64];
    /** The final adder's results: the ripple's sums and carries, and the hybrid's sums. */
    private int[] ripple = new int[64];
    private int[] carries = new int[64];
    private int[] hybrid = new int[64];

    /** @return one bit per column, the sum modulo 2^width (a compressor used once) */
    static int[] compress(BitColumns columns, Gates g) {
        return new HeapCompressor().reduce(columns, g, new int[columns.width()]);
    }

    /**
     * One bit per column, the sum modulo 2^width, into {@code out} (as long as the columns are
     * wide), which is returned; the working arrays are kept for the next heap.
     */
    int[] reduce(BitColumns columns, Gates g, int[] out) {
        int w = columns.width();
        if (ripple.length < w + 1) {
            ripple = new int[2 * (w + 1)];
            carries = new int[2 * (w + 1)];
            hybrid = new int[2 * (w + 1)];
        }
        reduceToTwo(columns, g);
        ripple(w, g, ripple, carries);
        int[] sum = ripple;
        int k = prefixStart(w, carries, g);
        if (k > 0) {
            // The ripple built is left as dead gates if the hybrid wins (gates are hash-consed:
            // the hybrid's ripple over [0, k) is the same gates, so it is taken as built).
            hybrid(w, k, g, ripple, carries[k], hybrid);
            if (latest(hybrid, w, g) < latest(ripple, w, g)) {
                sum = hybrid;
            }
        }
        System.arraycopy(sum, 0, out, 0, w);
        return out;
    }

    private int poll() {
        if (aHead < aEnd && (bHead == bEnd || aAt[aHead] <= bAt[bHead])) {
            return a[aHead++];
        }
        return b[bHead++];
    }

    /**
     * Puts signal s arriving at t into the run [lo, end) sorted by arrival, after those arriving
     * no later (stable); the run grows by one. Mostly an append.
     */
    private static void insert(int[] run, double[] at, int lo, int end, int s, double t) {
        int j = end;
        while (j > lo && at[j - 1] > t) {
            run[j] = run[j - 1];
            at[j] = at[j - 1];
            j--;
        }
        run[j] = s;
        at[j] = t;
    }

    /** Three-greedy reduction to at most two bits per column, earliest first in each. */
    private void reduceToTwo(BitColumns columns, Gates g) {
        int w = columns.width();
        if (left.length < w) {
            left = new int[2 * w];
            row0 = new int[2 * w];
            row1 = new int[2 * w];
        }
        carriesIn = 0;
        for (int c = 0; c < w; c++) {
            int n = columns.size(c);
            int m = carriesIn + n;
            if (a.length < m) {
                int cap = 2 * m;
                a = new int[cap];
                aAt = new double[cap];
                b = new int[cap];
                bAt = new double[cap];
                own = new int[cap];
                ownAt = new double[cap];
                carryOut = Arrays.copyOf(carryOut, cap);
                carryOutAt = Arrays.copyOf(carryOutAt, cap);
            }
            // the column's own bits, stably sorted by arrival (few distinct arrivals, mostly in order)
            for (int i = 0; i < n; i++) {
                int s = columns.get(c, i);
                insert(own, ownAt, 0, i, s, g.arrival(s));
            }
            // run A: the carries merged with the own bits, the carries first on a tie
            int ci = 0;
            int oi = 0;
            for (int k = 0; k < m; k++) {
                if (oi == n || ci < carriesIn && carryInAt[ci] <= ownAt[oi]) {
                    a[k] = carryIn[ci];
                    aAt[k] = carryInAt[ci++];
                } else {
                    a[k] = own[oi];
                    aAt[k] = ownAt[oi++];
                }
            }
            aHead = 0;
            aEnd = m;
            bHead = 0;
            bEnd = 0;
            carriesOut = 0;
            while (aEnd - aHead + bEnd - bHead >= 3) {
                int x = poll();
                int y = poll();
                int z = poll();
                long fa = g.fullAdder(x, y, z);
                int sum = Gates.sum(fa);
                int carry = Gates.carry(fa);
                insert(b, bAt, bHead, bEnd++, sum, g.arrival(sum));
                insert(carryOut, carryOutAt, 0, carriesOut++, carry, g.arrival(carry));
            }
            int rest = aEnd - aHead + bEnd - bHead;
            left[c] = rest;
            row0[c] = rest > 0 ? poll() : -1;
            row1[c] = rest > 1 ? poll() : -1;
            int[] ti = carryIn;
            carryIn = carryOut;
            carryOut = ti;
            double[] td = carryInAt;
            carryInAt = carryOutAt;
            carryOutAt = td;
            carriesIn = carriesOut;
            if (carryOut.length < carryIn.length) {
                carryOut = Arrays.copyOf(carryOut, carryIn.length);
                carryOutAt = Arrays.copyOf(carryOutAt, carryIn.length);
            }
        }
    }

    /**
     * Ripple-carry addition of the two rows over columns [0, end), sums into {@code out}, the
     * carry into each column [0, end] into {@code carries} (-1 where there is none yet).
     */
    private void ripple(int end, Gates g, int[] out, int[] carries) {
        int carry = -1;
        for (int c = 0; c < end; c++) {
            carries[c] = carry;
            int rl = left[c];
            int n = rl + (carry >= 0 ? 1 : 0);
            int b0 = rl > 0 ? row0[c] : carry;
            int b1 = rl > 1 ? row1[c] : carry;
            if (n == 3) {
                long fa = g.fullAdder(b0, b1, carry);
                out[c] = Gates.sum(fa);
                carry = Gates.carry(fa);
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
    private int prefixStart(int w, int[] carries, Gates g) {
        for (int c = 1; c < w; c++) {
            int carry = carries[c];
            if (carry < 0) {
                continue;
            }
            double own = 0;
            if (left[c] > 0) {
                own = Math.max(own, g.arrival(row0[c]));
            }
            if (left[c] > 1) {
                own = Math.max(own, g.arrival(row1[c]));
            }
            if (g.arrival(carry) > own) {
                return w - c >= 3 ? c : 0;
            }
        }
        return 0;
    }

    /** Ripple over columns [0, k) (given), Sklansky prefix carries over [k, W), into {@code out}. */
    private void hybrid(int w, int k, Gates g, int[] ripple, int carryIn, int[] out) {
        System.arraycopy(ripple, 0, out, 0, k);
        int m = w - k + 1;
        if (gen.length < m) {
            gen = new int[2 * m];
            p = new int[2 * m];
            p0 = new int[2 * m];
        }
        // element 0 is the carry into column k; element e >= 1 is column k + e - 1
        gen[0] = carryIn < 0 ? Gates.ZERO : carryIn;
        p[0] = Gates.ZERO;
        for (int c = k; c < w; c++) {
            int e = c - k + 1;
            if (left[c] == 2) {
                p[e] = g.xor(row0[c], row1[c]);
                gen[e] = g.and(row0[c], row1[c]);
            } else {
                p[e] = left[c] == 0 ? Gates.ZERO : row0[c];
                gen[e] = Gates.ZERO;
            }
        }
        System.arraycopy(p, 0, p0, 0, m);
        // Sklansky levels, in place: an element updated at level d combines with one whose bit d
        // is clear, which that level does not update
        for (int d = 1; d < m; d <<= 1) {
            for (int e = 0; e < m; e++) {
                if ((e & d) != 0) {
                    int lo = (e & ~(2 * d - 1)) + d - 1;
                    gen[e] = g.or(gen[e], g.and(p[e], gen[lo]));
                    p[e] = g.and(p[e], p[lo]);
                }
            }
        }
        for (int e = 1; e < m; e++) {
            out[k + e - 1] = g.xor(p0[e], gen[e - 1]);
        }
    }

    /** The latest arrival of the first {@code n} bits. */
    private static double latest(int[] bits, int n, Gates g) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t = Math.max(t, g.arrival(bits[i]));
        }
        return t;
    }
}
