package org.pmlp.testutil;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.util.Prerequisites;

/** Under CI a missing prerequisite fails the tests; elsewhere it skips them. */
class PrerequisitesTest {
    @Test
    void ciDecides() {
        assertFalse(Prerequisites.mustFail(Map.of()));
        assertTrue(Prerequisites.mustFail(Map.of("CI", "true")));
        assertTrue(Prerequisites.mustFail(Map.of("CI", "1")));
        assertTrue(Prerequisites.mustFail(Map.of("PMLP_REQUIRE_TOOLS", "")));
        assertFalse(Prerequisites.mustFail(Map.of("CI", "false")));
        assertFalse(Prerequisites.mustFail(Map.of("CI", "")));
    }
}
