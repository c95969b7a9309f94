package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.eda.Tools;
import org.pmlp.util.Prerequisites;

/**
 * Where the end-to-end tests find things: the repository, the shared reference data, the tools.
 * A missing one skips the test, saying so, or fails it under CI: {@link Prerequisites} decides,
 * as it does for the generator's unit tests.
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
            missing("../shared/" + relative + " not found (reference data beside the repository)");
        }
        return p;
    }

    /** Requires the external tools. */
    static void requireTools() {
        for (Tools.Tool t : Tools.REQUIRED) {
            if (Tools.which(t.command()) == null) {
                missing(t.command() + " is not installed (apt-get install -y " + t.debianPackage() + ")");
            }
        }
    }

    /** Skips the calling test, saying why, or fails it under CI. */
    static void missing(String what) {
        String msg = Prerequisites.message(what);
        if (Prerequisites.mustFail()) {
            fail(msg);
        }
        System.err.println(msg);
        assumeTrue(false, msg);
    }
}
