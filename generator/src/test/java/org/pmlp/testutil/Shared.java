package org.pmlp.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.eda.Tools;
import org.pmlp.util.Prerequisites;

/**
 * The shared reference data beside the repository ({@code ../shared}: benchmark datasets and
 * the public EGFET libraries) and the external tools. Tests that need them call {@link #require}
 * or {@link #requireTool}; when one is missing they are skipped with a plain message, or fail
 * under CI ({@link Prerequisites} decides, for this module and the end-to-end tests alike).
 */
public final class Shared {
    private Shared() {
    }

    /** {@code ../shared} relative to the repository root, or null. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("generator"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? shared : null;
            }
        }
        return null;
    }

    /** The path under ../shared, skipping the calling test when it is not there. */
    public static Path require(String relative) {
        Path root = root();
        boolean present = root != null && Files.exists(root.resolve(relative));
        if (!present) {
            missing("../shared/" + relative + " not found (reference data beside the repository)");
        }
        return root.resolve(relative);
    }

    /** Requires an external tool on the PATH. */
    public static void requireTool(String command) {
        if (Tools.which(command) == null) {
            missing(command + " is not on the PATH");
        }
    }

    /** Skips the calling test, saying why, or fails it under CI. */
    public static void missing(String what) {
        String msg = Prerequisites.message(what);
        if (Prerequisites.mustFail()) {
            fail(msg);
        }
        System.err.println(msg);
        assumeTrue(false, msg);
    }

    /** The repository root (for files the project ships, like examples/). */
    public static Path repo() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("generator"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
    }
}
