package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The timing-driven compressor: exact sums, and a depth that does not ripple through the heap. */
class HeapCompressorTest {
    /** A heap of input bits (and constant ones) at random columns, with its gates. */
    private static final class Heap {
        final Gates g = new Gates();
        final List<int[]> bits = new ArrayList<>(); // {signal, column}
        final List<ArrayDeque<Integer>> cols = new ArrayList<>();
        long constant;

        Heap(int width) {
            for (int c = 0; c < width; c++) {
                cols.add(new ArrayDeque<>());
            }
        }

        void input(int col) {
            int s = g.input();
            bits.add(new int[] {s, col});
            cols.get(col).add(s);
        }

        void one(int col) {
            constant += 1L << col;
            cols.get(col).add(Gates.ONE);
        }

        int[] compress() {
            List<Integer> out = HeapCompressor.compress(cols, new VerilogEmitter.GateCells(g));
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Test
    void sumsAreExactModuloTheWidth() {
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < 300; t++) {
            int w = 1 + r.nextInt(20);
            Heap h = new Heap(w);
            int n = r.nextInt(60);
            for (int i = 0; i < n; i++) {
                if (r.nextInt(6) == 0) {
                    h.one(r.nextInt(w));
                } else {
                    h.input(r.nextInt(w));
                }
            }
            int[] out = h.compress();
            assertEquals(w, out.length);
            for (int v = 0; v < 20; v++) {
                long[] values = r.longs(h.bits.size(), 0, 2).toArray();
                long expected = h.constant;
                java.util.Map<Integer, Boolean> in = new java.util.HashMap<>();
                for (int i = 0; i < values.length; i++) {
                    in.put(h.bits.get(i)[0], values[i] != 0);
                    expected += values[i] << h.bits.get(i)[1];
                }
                boolean[] val = h.g.simulate(s -> in.get(s));
                long got = 0;
                for (int c = 0; c < w; c++) {
                    got |= (val[out[c]] ? 1L : 0L) << c;
                }
                assertEquals(expected & ((1L << w) - 1), got, "trial " + t + " vector " + v);
            }
        }
    }

    /**
     * Sixteen 16-bit operands into a 20-bit sum: the greedy tree is about six full adders deep and
     * the final carries take a prefix network, under 100 ms of the compressor's own delays. An
     * arrival-blind column-by-column compressor ripples its carries through every column's
     * chain of adders (well over 150 ms here).
     */
    @Test
    void depthIsLogarithmicNotARipple() {
        Heap h = new Heap(20);
        for (int row = 0; row < 16; row++) {
            for (int b = 0; b < 16; b++) {
                h.input(b);
            }
        }
        int[] out = h.compress();
        double worst = h.g.criticalPath(out, GateDelays.POLICY);
        assertTrue(worst < 100, "critical path " + worst);
        assertTrue(worst > 6 * GateDelays.POLICY.xor3(), "a 16-row heap cannot be shallower than six adders: " + worst);
    }
}
