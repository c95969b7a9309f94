package org.pmlp.eda.liberty;

import java.nio.file.Path;
import org.pmlp.testutil.Shared;

/**
 * The reference EGFET library in {@code ../shared} (not part of the repository); tests that
 * need it are skipped, saying so, when it is absent.
 */
public final class SharedPdk {
    private static CellLibrary egfet;

    private SharedPdk() {
    }

    /** The 1.0 V EGFET liberty file, or a skipped test. */
    public static Path egfet10VFile() {
        return Shared.require("pdk/egfet/PPDK_Standard_Library_1.0V_25C_TYP_X1.lib");
    }

    /** The parsed 1.0 V library (read once per test run), or a skipped test. */
    public static synchronized CellLibrary egfet10V() {
        if (egfet == null) {
            egfet = CellLibrary.read(egfet10VFile());
        }
        return egfet;
    }
}
