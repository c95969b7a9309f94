package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.eda.Tools;

/**
 * Where the end-to-end tests find things: the repository, the shared reference data, the tools.
 * Under CI (environment CI or PMLP_REQUIRE_TOOLS set) a missing tool fails the test instead of
 * skipping it.
 */
final class Env {
    private Env() {
    }

    static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("generator"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }

    /** A path under ../shared; the test is skipped, saying so, when it is absent. */
    static Path shared(String relative) {
        Path p = repo().resolveSibling("shared").resolve(relative);
        if (!Files.exists(p)) {
            System.err.println("SKIPPED: ../shared/" + relative + " not found (reference data beside the repository)");
        }
        assumeTrue(Files.exists(p), "../shared/" + relative + " not found: skipped");
        return p;
    }

    static boolean underCi() {
        return System.getenv("CI") != null || System.getenv("PMLP_REQUIRE_TOOLS") != null;
    }

    /** Requires the external tools: fails under CI, skips (saying why) elsewhere. */
    static void requireTools() {
        for (Tools.Tool t : Tools.REQUIRED) {
            if (Tools.which(t.command()) == null) {
                String msg = t.command() + " is not installed (apt-get install -y " + t.debianPackage() + ")";
                if (underCi()) {
                    fail(msg + ": end-to-end tests need it under CI");
                }
                System.err.println("SKIPPED: " + msg);
                assumeTrue(false, msg + ": end-to-end test skipped");
            }
        }
    }
}
