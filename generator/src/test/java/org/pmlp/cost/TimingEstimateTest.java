package org.pmlp.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;

class TimingEstimateTest {
    private static double estimate(long seed) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.REALISTIC);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        return TimingEstimate.criticalPathMs(d.circuit(), s.style());
    }

    /**
     * Pins two of the calibration designs to the figures they had when the delays were fitted
     * (registered; OpenSTA: 130.7 and, with registered inputs only, 153.7 ms): a change to the emitted
     * gates or the delays shows here, and the estimate must then be measured again with
     * TimingEstimateAccuracyTest (see README).
     */
    @Test
    void calibrationDesignsKeepTheirEstimates() {
        assertEquals(147.09, estimate(1), 0.01);
        assertEquals(159.59, estimate(2), 0.01);
    }

    @Test
    void estimatesAreDeterministicAndAboveTheRegisters() {
        for (long seed = 3; seed <= 8; seed++) {
            double e = estimate(seed);
            assertEquals(e, estimate(seed));
            assertTrue(e > 10 && e < 400, "seed " + seed + ": " + e);
        }
    }
}
