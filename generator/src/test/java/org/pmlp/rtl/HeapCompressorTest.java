package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
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
        final BitColumns cols;
        long constant;

        Heap(int width) {
            cols = new BitColumns(width);
        }

        void input(int col) {
            int s = g.input();
            bits.add(new int[] {s, col});
            cols.add(col, s);
        }

        void one(int col) {
            constant += 1L << col;
            cols.add(col, Gates.ONE);
        }

        int[] compress() {
            return HeapCompressor.compress(cols, g);
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

    /**
     * The int compressor makes the very gates the generic one it replaced made, in the same order
     * (so the emitted Verilog and every census are unchanged): random heaps of inputs, their
     * complements, gates of them (bits that arrive at many different times), repeated and
     * complementary bits, and constant ones in front of or among the bits.
     */
    @Test
    void sameGatesAsTheReferenceCompressor() {
        SplittableRandom r = new SplittableRandom(11);
        int hybrids = 0;
        for (int t = 0; t < 400; t++) {
            long seed = r.nextLong();
            int w = 1 + r.nextInt(24);
            int n = r.nextInt(4 * w + 40);
            Gates a = new Gates();
            Gates b = new Gates();
            int[][] heap = randomHeap(a, new SplittableRandom(seed), w, n);
            int[][] heapB = randomHeap(b, new SplittableRandom(seed), w, n);
            BitColumns cols = new BitColumns(w);
            List<ArrayDeque<Integer>> ref = new ArrayList<>();
            for (int c = 0; c < w; c++) {
                ref.add(new ArrayDeque<>());
            }
            for (int i = 0; i < heap.length; i++) {
                int c = heap[i][1];
                if (heap[i][2] != 0) {
                    cols.addFirst(c, heap[i][0]);
                    ref.get(c).addFirst(heapB[i][0]);
                } else {
                    cols.add(c, heap[i][0]);
                    ref.get(c).add(heapB[i][0]);
                }
            }
            int[] got = HeapCompressor.compress(cols, a);
            int[] want = ReferenceHeapCompressor.compress(ref, new ReferenceHeapCompressor.GateCells(b))
                    .stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(want, got, "heap " + t);
            assertEquals(all(b), all(a), "gates made for heap " + t);
            assertEquals(b.criticalPath(want, GateDelays.POLICY), a.criticalPath(got, GateDelays.POLICY));
            StringBuilder live = new StringBuilder();
            b.print(live, b.live(want), "");
            hybrids += live.indexOf(" | ") >= 0 ? 1 : 0;
        }
        assertTrue(hybrids > 20, "prefix networks (OR gates) in " + hybrids + " of 400 heaps");
    }

    /** {signal, column, in front?} of a random heap over fresh gates (the same seed makes the same gates). */
    private static int[][] randomHeap(Gates g, SplittableRandom r, int w, int n) {
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < 6 + r.nextInt(10); i++) {
            made.add(g.input());
        }
        for (int i = 0; i < r.nextInt(30); i++) {
            int x = made.get(r.nextInt(made.size()));
            int y = made.get(r.nextInt(made.size()));
            int z = made.get(r.nextInt(made.size()));
            switch (r.nextInt(5)) {
                case 0 -> made.add(g.not(x));
                case 1 -> made.add(g.and(x, y));
                case 2 -> made.add(g.xor(x, y));
                case 3 -> made.add(Gates.sum(g.fullAdder(x, y, z)));
                default -> made.add(Gates.carry(g.fullAdder(x, y, z)));
            }
        }
        int[][] heap = new int[n][];
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            int s = kind == 0 ? Gates.ONE : kind == 1 ? g.not(made.get(r.nextInt(made.size()))) : made.get(r.nextInt(made.size()));
            heap[i] = new int[] {s, r.nextInt(w), kind == 0 && r.nextBoolean() ? 1 : 0};
        }
        return heap;
    }

    /** Every gate made so far, printed. */
    private static String all(Gates g) {
        boolean[] every = g.live(new int[0]);
        Arrays.fill(every, true);
        StringBuilder sb = new StringBuilder();
        g.print(sb, every, "");
        return sb.toString();
    }
}
