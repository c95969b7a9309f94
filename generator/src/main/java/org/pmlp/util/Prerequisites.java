package org.pmlp.util;

import java.util.Map;

/**
 * The one rule for tests whose prerequisites are missing (the reference data in
 * {@code ../shared}, an external tool): they are skipped, saying so, except under CI (the
 * environment sets {@code CI}, or {@code PMLP_REQUIRE_TOOLS}), where a missing prerequisite
 * fails them, so a CI run cannot pass by skipping. Both test modules ask here.
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /** Whether a missing prerequisite fails the tests in this environment. */
    public static boolean mustFail() {
        return mustFail(System.getenv());
    }

    /** {@code CI} counts as set unless empty, "false" or "0" (as some runners export it). */
    public static boolean mustFail(Map<String, String> env) {
        String ci = env.get("CI");
        boolean underCi = ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
        return underCi || env.containsKey("PMLP_REQUIRE_TOOLS");
    }

    /** The line a test prints, or fails with, for a missing prerequisite. */
    public static String message(String missing) {
        return mustFail() ? missing + " (CI is set: a missing prerequisite fails the tests instead of skipping them)"
                : "SKIPPED: " + missing;
    }
}
