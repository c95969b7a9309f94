package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.Window;
import org.pmlp.ir.Node;
import org.pmlp.ir.WidthInference;

/** The wide profile reaches the region (deep, 16-bit weights, full width) and stays within the limit. */
class WideProfileTest {
    @Test
    void wideDesignsAreDeepFullWidthAndNearTheLimit() {
        int deepest = 0;
        int widest = 0;
        int widestWeights = 0;
        int nearLimit = 0;
        for (long seed = 1; seed <= 40; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.WIDE);
            assertEquals(8, s.config().spec().inputBits());
            assertEquals(0, s.config().spec().actBits());
            ActivationPass act = s.config().pass(ActivationPass.NAME);
            for (Window[] layer : act.hidden()) {
                for (Window w : layer) {
                    assertEquals(0, w.bits(), "full-width hidden windows");
                }
            }
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            int w = 0;
            for (Node n : d.circuit().topologicalOrder()) {
                w = Math.max(w, n.width());
            }
            assertTrue(w <= WidthInference.MAX_BITS);
            widest = Math.max(widest, w);
            nearLimit += w >= WidthInference.MAX_BITS - 8 ? 1 : 0;
            deepest = Math.max(deepest, s.model().layers().size() - 1);
            widestWeights = Math.max(widestWeights, s.config().spec().weightBits());
        }
        System.out.println("wide profile: deepest " + deepest + ", widest sum " + widest + ", weights " + widestWeights
                + ", " + nearLimit + " near the limit");
        assertEquals(4, deepest, "4 hidden layers");
        assertEquals(16, widestWeights, "16-bit weights");
        assertTrue(widest >= WidthInference.MAX_BITS - 2, "widest sum " + widest);
        assertTrue(nearLimit >= 5, nearLimit + " designs within 8 bits of the limit");
    }
}
