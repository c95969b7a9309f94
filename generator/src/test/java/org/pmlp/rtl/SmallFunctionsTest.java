package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;

/** Re-synthesis of designs that read at most six input bits: same function, never more gates. */
class SmallFunctionsTest {
    @Test
    void isopCoversExactlyTheFunction() {
        SplittableRandom r = new SplittableRandom(1);
        for (int t = 0; t < 2000; t++) {
            int k = 1 + r.nextInt(SmallFunctions.MAX_INPUTS);
            long f = SmallFunctions.replicate(r.nextLong(), k);
            long covered = 0;
            for (int c : SmallFunctions.isop(f, k)) {
                long cube = -1L;
                for (int v = 0; v < k; v++) {
                    if ((c >> v & 1) != 0) {
                        cube &= Gates.VARIABLE[v];
                    }
                    if ((c >> (SmallFunctions.MAX_INPUTS + v) & 1) != 0) {
                        cube &= ~Gates.VARIABLE[v];
                    }
                }
                assertEquals(0, cube & ~f, "a cube outside the function");
                covered |= cube;
            }
            assertEquals(f, covered, "k " + k);
        }
    }

    @Test
    void randomNetlistsKeepTheirFunctionAndDoNotGrow() {
        SplittableRandom r = new SplittableRandom(2);
        int shrunk = 0;
        for (int t = 0; t < 500; t++) {
            Gates g = new Gates();
            int k = 1 + r.nextInt(SmallFunctions.MAX_INPUTS);
            int[] in = new int[k];
            for (int i = 0; i < k; i++) {
                in[i] = g.input();
            }
            int[] pool = new int[40];
            System.arraycopy(in, 0, pool, 0, k);
            int n = k;
            for (int i = 0; i < 30; i++) {
                int a = pool[r.nextInt(n)];
                int b = pool[r.nextInt(n)];
                int c = pool[r.nextInt(n)];
                pool[n++] = switch (r.nextInt(6)) {
                    case 0 -> g.not(a);
                    case 1 -> g.and(a, b);
                    case 2 -> g.or(a, b);
                    case 3 -> g.xor(a, b);
                    case 4 -> g.xor3(a, b, c);
                    default -> g.maj(a, b, c);
                };
            }
            int[] outputs = {pool[n - 1], pool[n - 2]};
            long[] want = tables(g, in, outputs);
            int[] after = SmallFunctions.resynthesize(g, outputs);
            assertArrayEquals(want, tables(g, in, after), "trial " + t);
            assertTrue(SmallFunctions.size(g, after) <= SmallFunctions.size(g, outputs), "trial " + t);
            if (after != outputs) {
                shrunk++;
            }
        }
        assertTrue(shrunk > 50, "re-synthesis chosen for " + shrunk + " of 500 random netlists");
    }

    @Test
    void redundantLogicCollapses() {
        Gates g = new Gates();
        int a = g.input();
        int b = g.input();
        int c = g.input();
        // (a | b) & (a | ~b) is a; the majority written as three ANDs and two ORs factors to four gates
        int[] out = {g.and(g.or(a, b), g.or(a, g.not(b))), g.or(g.and(a, b), g.or(g.and(a, c), g.and(b, c)))};
        int[] after = SmallFunctions.resynthesize(g, out);
        assertEquals(a, after[0]);
        assertEquals(4, gates(g, after));
    }

    /** Designs on one or two features of a few bits: the emitted netlist still equals the golden model. */
    @Test
    void tinyDesignsMatchTheGoldenModel() {
        int tiny = 0;
        int smaller = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed);
            int features = s.model().inputs();
            int[] bits = new int[features];
            SplittableRandom r = new SplittableRandom(seed);
            bits[r.nextInt(features)] = 1 + r.nextInt(4);
            bits[r.nextInt(features)] = r.nextInt(3);
            CompiledDesign d;
            try {
                d = DesignFlow.compileRetrained(s.model(), s.config().with(new InputBitsPass(bits)), s.calibration());
            } catch (IllegalArgumentException e) {
                continue; // a sampled knob that needs more input bits
            }
            int[][] q = EmitterEquivalenceTest.vectors(d, seed);
            int[] golden = d.program().classifyAll(q);
            for (HeapStyle style : HeapStyle.values()) {
                assertArrayEquals(golden, VerilogEmitter.emulate(d.circuit(), style, q), "seed " + seed + " " + style);
                double with = VerilogEmitter.gateSize(d.circuit(), style, true);
                double without = VerilogEmitter.gateSize(d.circuit(), style, false);
                assertTrue(with <= without, "seed " + seed + " " + style);
                if (with < without) {
                    smaller++;
                }
            }
            tiny++;
        }
        assertTrue(tiny > 200, tiny + " tiny designs compiled");
        assertTrue(smaller > 20, "re-synthesis made " + smaller + " netlists smaller");
    }

    private static int gates(Gates g, int[] outputs) {
        int[] counts = new int[Gates.KINDS.length];
        g.census(outputs, null, null, counts);
        return java.util.Arrays.stream(counts).sum();
    }

    /** Each output's truth table over the given inputs, by simulating the whole netlist per row. */
    private static long[] tables(Gates g, int[] in, int[] outputs) {
        long[] t = new long[outputs.length];
        for (int row = 0; row < 1 << in.length; row++) {
            final int x = row;
            boolean[] v = g.simulate(s -> {
                for (int i = 0; i < in.length; i++) {
                    if (in[i] == s) {
                        return (x >> i & 1) != 0;
                    }
                }
                return false;
            });
            for (int j = 0; j < outputs.length; j++) {
                if (v[outputs[j]]) {
                    t[j] |= 1L << row;
                }
            }
        }
        return t;
    }
}
