package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.Lowering;
import org.pmlp.ir.Program;
import org.pmlp.ir.WidthInference;
import org.pmlp.quant.InputLevels;

/**
 * The comparator gates of an input with learned levels compute, for every one of the 16 codes,
 * the value the golden model and the levels' own definition give, under any mask; and a single
 * threshold costs a constant comparator (a handful of gates), not a lookup table.
 */
class InputLevelGatesTest {
    private static Circuit oneInput() {
        Circuit c = new Circuit(1, 4, List.of("a", "b"));
        c.addLayer(0, new long[][] {{3}, {-2}}, new double[][] {{3}, {-2}}, new long[] {0, 5}, new double[] {0, 5},
                ActNode.Kind.IDENTITY, 62, 0);
        c.addArgmax();
        return c;
    }

    @Test
    void gatesComputeTheLevelsOfEveryCode() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 400; trial++) {
            int m = r.nextInt(16);
            TreeSet<Integer> t = new TreeSet<>();
            while (t.size() < m) {
                t.add(1 + r.nextInt(15));
            }
            int[] codes = new int[m + 1];
            for (int j = 0; j <= m; j++) {
                codes[j] = r.nextInt(16);
            }
            InputLevels levels = new InputLevels(t.stream().mapToInt(Integer::intValue).toArray(), codes);
            long mask = trial % 3 == 0 ? r.nextInt(16) : 15;
            Circuit c = oneInput();
            InputNode in = c.inputs().get(0);
            in.setMask(mask);
            in.setTable(levels.table(4));
            WidthInference.run(c);
            long[] byGates = VerilogEmitter.inputValuesByGates(c, in, new int[1]);
            Program p = Lowering.lower(c);
            Program.Scratch s = p.scratch();
            long[] expected = new long[16];
            long[] golden = new long[16];
            for (int x = 0; x < 16; x++) {
                int level = 0;
                while (level < m && x >= levels.thresholds()[level]) {
                    level++;
                }
                expected[x] = codes[level] & mask;
                p.classify(new int[] {x}, s);
                golden[x] = s.values()[p.slotOf(in)];
            }
            assertArrayEquals(expected, byGates, levels + " mask " + mask + ": gates");
            assertArrayEquals(expected, golden, levels + " mask " + mask + ": golden model");
            for (int x = 0; x < 16; x++) {
                assertTrue(expected[x] <= in.hi(), "width inference bounds the value");
            }
        }
    }

    @Test
    void oneThresholdIsAConstantComparator() {
        for (int threshold = 1; threshold < 16; threshold++) {
            Circuit c = oneInput();
            InputNode in = c.inputs().get(0);
            in.setTable(new InputLevels(new int[] {threshold}, new int[] {0, 8}).table(4));
            WidthInference.run(c);
            int[] gates = new int[1];
            long[] v = VerilogEmitter.inputValuesByGates(c, in, gates);
            for (int x = 0; x < 16; x++) {
                assertEquals(x >= threshold ? 8 : 0, v[x], "x=" + x + " t=" + threshold);
            }
            // x >= t on 4 bits: at most one AND or OR per bit below the top.
            assertTrue(gates[0] <= 3, "x >= " + threshold + " took " + gates[0] + " gates");
        }
    }
}
