package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;

/**
 * The emitter speculates only as many argmax levels as the timing target needs: none where the
 * sequential tournament already fits {@link VerilogEmitter#ARGMAX_TARGET_MS}, some where it does
 * not, and what it builds is what the cost model and the search's estimate see.
 */
class ArgmaxSpeculationTest {
    private static CompiledDesign exact(long seed, int features, int hidden, int classes) {
        RandomDesigns.Sample s = RandomDesigns.exactOfShape(seed, features, hidden, classes);
        return DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
    }

    /** The combinational estimate under the delays the emitter chooses by. */
    private static double estimate(CompiledDesign d) {
        return VerilogEmitter.criticalPath(d.circuit(), HeapStyle.TWOS_COMPLEMENT, GateDelays.SPECULATION)
                + GateDelays.SPECULATION_OFFSET_MS;
    }

    @Test
    void aFastDesignIsNotSpeculated() {
        CompiledDesign d = exact(1, 4, 2, 13);
        assertEquals(0, VerilogEmitter.speculatedLevels(d.circuit(), HeapStyle.TWOS_COMPLEMENT));
        assertTrue(estimate(d) <= VerilogEmitter.ARGMAX_TARGET_MS, "estimate " + estimate(d));
    }

    @Test
    void aSlowDesignIsSpeculatedUntilItFits() {
        CompiledDesign d = exact(2, 120, 5, 13);
        int s = VerilogEmitter.speculatedLevels(d.circuit(), HeapStyle.TWOS_COMPLEMENT);
        assertTrue(s > 0, "a 120-5-13 design's sequential argmax should not fit " + VerilogEmitter.ARGMAX_TARGET_MS
                + " ms");
        assertTrue(s == ArgmaxGates.MAX_SPECULATED_LEVELS || estimate(d) <= VerilogEmitter.ARGMAX_TARGET_MS,
                s + " levels, estimate " + estimate(d));
    }

    @Test
    void fewerThanFourLevelsAreNeverSpeculated() {
        CompiledDesign d = exact(3, 120, 5, 8);
        assertEquals(0, VerilogEmitter.speculatedLevels(d.circuit(), HeapStyle.TWOS_COMPLEMENT));
    }
}
