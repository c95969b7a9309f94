package org.pmlp.eda.liberty;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the reference libraries in the sibling {@code shared/} folder (not part of the
 * repository) by walking up from the working directory; tests that need them are skipped
 * when it is absent.
 */
public final class SharedPdk {
    private static CellLibrary egfet;

    private SharedPdk() {
    }

    /** The 1.0 V EGFET liberty file, or a skipped test. */
    public static Path egfet10VFile() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path lib = d.resolve("shared/pdk/egfet/PPDK_Standard_Library_1.0V_25C_TYP_X1.lib");
            if (Files.isRegularFile(lib)) {
                return lib;
            }
        }
        Assumptions.assumeTrue(false, "../shared not found: skipped");
        throw new AssertionError("unreachable");
    }

    /** The parsed 1.0 V library (read once per test run), or a skipped test. */
    public static synchronized CellLibrary egfet10V() {
        if (egfet == null) {
            egfet = CellLibrary.read(egfet10VFile());
        }
        return egfet;
    }
}
