package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;
import org.pmlp.design.TestVectors;

/**
 * The emitted gate netlist, evaluated gate by gate, must agree with the golden model on every
 * vector, for random models under random configurations of every knob and both heap styles.
 * (The Verilator co-simulation of the same property runs in the end-to-end tests.)
 */
class EmitterEquivalenceTest {
    @Test
    void emittedNetlistMatchesGoldenModelOnRandomDesigns() {
        for (long seed = 1; seed <= 300; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed);
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            int[][] q = vectors(d, seed);
            int[] golden = d.program().classifyAll(q);
            for (HeapStyle style : HeapStyle.values()) {
                int[] rtl = VerilogEmitter.emulate(d.circuit(), style, q);
                assertArrayEquals(golden, rtl, "seed " + seed + " " + style + " config "
                        + d.config().toJson().toString());
            }
        }
    }

    /** Ten and thirteen classes (pendigits, arrhythmia): tournaments whose last levels are speculative. */
    @Test
    void speculativeArgmaxMatchesGoldenModel() {
        int[][] shapes = {{16, 5, 10}, {30, 5, 13}, {12, 3, 9}, {8, 2, 16}};
        for (int i = 0; i < shapes.length; i++) {
            int[] sh = shapes[i];
            RandomDesigns.Sample s = RandomDesigns.exactOfShape(200 + i, sh[0], sh[1], sh[2]);
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            int[][] q = vectors(d, i);
            int[] golden = d.program().classifyAll(q);
            java.util.Set<Integer> classes = new java.util.HashSet<>();
            for (int c : golden) {
                classes.add(c);
            }
            for (HeapStyle style : HeapStyle.values()) {
                assertArrayEquals(golden, VerilogEmitter.emulate(d.circuit(), style, q), "shape " + java.util.Arrays.toString(sh));
            }
            org.junit.jupiter.api.Assertions.assertTrue(classes.size() > 2, "several classes win: " + classes);
        }
    }

    static int[][] vectors(CompiledDesign d, long seed) {
        List<int[]> out = new ArrayList<>(TestVectorsAccess.corners(d));
        SplittableRandom r = new SplittableRandom(seed);
        int n = d.circuit().inputs().size();
        int max = (1 << d.circuit().inputBits()) - 1;
        for (int k = 0; k < 200; k++) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? 0 : max) : r.nextInt(max + 1);
            }
            out.add(v);
        }
        return out.toArray(new int[0][]);
    }

    /** Corner vectors as the design writer adds them. */
    static final class TestVectorsAccess {
        static List<int[]> corners(CompiledDesign d) {
            TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 0, 1);
            List<int[]> out = new ArrayList<>();
            for (int[] q : v.q()) {
                out.add(q);
            }
            return out;
        }
    }
}
