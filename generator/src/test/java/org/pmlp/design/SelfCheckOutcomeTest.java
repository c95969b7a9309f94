package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelfCheckOutcomeTest {
    @Test
    void closingLineAndVerdictCountReferenceMismatches() {
        SelfCheck.Outcome ok = new SelfCheck.Outcome(40, 12345, 0, 0, 40, List.of(), 0);
        assertEquals("40 designs, 12345 vectors, 0 mismatches, 0 reference mismatches, 40 netlists proved", ok.summary());
        assertTrue(ok.passed());
        assertFalse(new SelfCheck.Outcome(2, 10, 0, 1, 0, List.of(), 0).passed(), "a reference mismatch fails the check");
        assertFalse(new SelfCheck.Outcome(2, 10, 1, 0, 0, List.of(), 0).passed());
        assertFalse(new SelfCheck.Outcome(2, 10, 0, 0, 2, List.of(), 1).passed(), "a design job that failed fails it");
    }
}
