package org.pmlp.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference data beside the repository ({@code ../shared}: benchmark datasets and
 * the public EGFET libraries). Tests that need it call {@link #require}, which skips them with
 * a plain message when it is absent; the unit tests pass without it.
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
            System.err.println("SKIPPED: ../shared/" + relative + " not found (reference data beside the repository)");
        }
        assumeTrue(present, "../shared/" + relative + " not found: skipped (it holds the reference datasets and libraries)");
        return root.resolve(relative);
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
