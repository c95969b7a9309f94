package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;

/**
 * The emitter speculates only as many argmax levels as the timing target needs: the first of
 * 0, 2, 3 and 4 speculated levels whose estimated path fits {@link VerilogEmitter#ARGMAX_TARGET_MS}
 * (else all four), and what it builds is what the cost model and the search's estimate see.
 */
class ArgmaxSpeculationTest {
    private static final int[] DEPTHS = {0, 2, 3, ArgmaxGates.MAX_SPECULATED_LEVELS};

    private static CompiledDesign exact(long seed, int features, int hidden, int classes) {
        RandomDesigns.Sample s = RandomDesigns.exactOfShape(seed, features, hidden, classes);
        return DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
    }

    /** The depth the rule gives, from the estimate of each depth built on its own. */
    private static int expected(CompiledDesign d) {
        for (int s : DEPTHS) {
            if (VerilogEmitter.speculationEstimate(d.circuit(), HeapStyle.TWOS_COMPLEMENT, s)
                    <= VerilogEmitter.ARGMAX_TARGET_MS) {
                return s;
            }
        }
        return ArgmaxGates.MAX_SPECULATED_LEVELS;
    }

    @Test
    void theFirstDepthThatFitsIsChosen() {
        int[][] shapes = {{1, 4, 2, 13}, {2, 120, 5, 13}, {4, 2, 1, 9}, {5, 60, 4, 10}, {6, 30, 3, 16}};
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int[] sh : shapes) {
            CompiledDesign d = exact(sh[0], sh[1], sh[2], sh[3]);
            int s = VerilogEmitter.speculatedLevels(d.circuit(), HeapStyle.TWOS_COMPLEMENT);
            assertEquals(expected(d), s, java.util.Arrays.toString(sh));
            seen.add(s);
        }
        assertTrue(seen.size() >= 2, "the shapes should need different depths: " + seen);
    }

    @Test
    void speculationIsFasterAndLarger() {
        CompiledDesign d = exact(2, 120, 5, 13);
        double none = VerilogEmitter.speculationEstimate(d.circuit(), HeapStyle.TWOS_COMPLEMENT, 0);
        double all = VerilogEmitter.speculationEstimate(d.circuit(), HeapStyle.TWOS_COMPLEMENT, 4);
        assertTrue(all < none - 10, "four speculated levels " + all + " ms, none " + none + " ms");
    }

    @Test
    void fewerThanFourLevelsAreNeverSpeculated() {
        CompiledDesign d = exact(3, 120, 5, 8);
        assertEquals(0, VerilogEmitter.speculatedLevels(d.circuit(), HeapStyle.TWOS_COMPLEMENT));
    }
}
