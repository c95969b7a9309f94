package org.pmlp.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.pmlp.eda.Tools;

/**
 * External tools a test needs. Absent ones skip the test with a plain SKIPPED line, except
 * under CI (environment variable CI set), where a missing tool fails the test.
 */
public final class RequiredTools {
    private RequiredTools() {
    }

    public static void require(String... commands) {
        for (String c : commands) {
            if (Tools.which(c) == null) {
                String msg = c + " not on PATH";
                if (System.getenv("CI") != null) {
                    fail(msg + " (CI is set: tests that need it must run)");
                }
                System.err.println("SKIPPED: " + msg);
                assumeTrue(false, msg + ": skipped");
            }
        }
    }
}
