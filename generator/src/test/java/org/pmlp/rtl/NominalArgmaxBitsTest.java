package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Lowering;
import org.pmlp.ir.Program;
import org.pmlp.ir.WidthInference;

/**
 * {@code argmax.bits} counts against the outputs' nominal width, not the inferred one: tighter
 * inference must not change which bits a comparator looks at. Output a = 7x (x a 4-bit input) is
 * [0, 105], 7 bits unsigned, but nominally [-15, 120]: with b = 0 the nominal width is 8 (signed).
 * One top bit of 8 is {@code v >> 7}, always 0 here, so b (entering first) always wins; had the
 * bit been counted against the inferred 7 bits ({@code v >> 6}), a would win from x = 10 on.
 */
class NominalArgmaxBitsTest {
    @Test
    void comparatorBitsDoNotMoveWithInferredWidths() {
        Circuit c = new Circuit(1, 4, List.of("a", "b"));
        c.addLayer(0, new long[][] {{7}, {0}}, new double[][] {{7}, {0}}, new long[] {0, 0}, new double[] {0, 0},
                ActNode.Kind.IDENTITY, 62, 0);
        c.addArgmax();
        c.argmax().setOrder(new int[] {1, 0});
        c.argmax().setCompareBits(new int[] {1});
        WidthInference.run(c);
        assertEquals(7, WidthInference.argmaxValueWidth(c));
        assertEquals(8, WidthInference.argmaxNominalWidth(c));
        Program p = Lowering.lower(c);
        int[][] q = new int[16][1];
        for (int x = 0; x < 16; x++) {
            q[x][0] = x;
        }
        int[] gates = VerilogEmitter.emulate(c, HeapStyle.TWOS_COMPLEMENT, q);
        int[] split = VerilogEmitter.emulate(c, HeapStyle.SPLIT, q);
        for (int x = 0; x < 16; x++) {
            assertEquals(1, p.classify(q[x], p.scratch()), "golden, x = " + x);
            assertEquals(1, gates[x], "gates, x = " + x);
            assertEquals(1, split[x], "split-heap gates, x = " + x);
        }
        // Two top bits of 8 (v >> 6) do see a from 7x >= 64 on, in the golden model and the gates.
        c.argmax().setCompareBits(new int[] {2});
        WidthInference.run(c);
        p = Lowering.lower(c);
        gates = VerilogEmitter.emulate(c, HeapStyle.TWOS_COMPLEMENT, q);
        for (int x = 0; x < 16; x++) {
            int expect = 7 * x >= 64 ? 0 : 1;
            assertEquals(expect, p.classify(q[x], p.scratch()), "golden, x = " + x);
            assertEquals(expect, gates[x], "gates, x = " + x);
        }
    }
}
