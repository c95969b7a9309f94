package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;

class LibertyFamilyTest {
    @TempDir
    Path tmp;

    private static String lib(String name, String voltageLines) {
        return "library (" + name + ") {\n  leakage_power_unit : \"1nW\";\n" + voltageLines
                + "  cell (INVX1) {\n    area : 1;\n    pin (A) { direction : input; }\n"
                + "    pin (Y) { direction : output; function : \"!A\"; }\n  }\n}\n";
    }

    @Test
    void voltagesComeFromTheFilesAndThenTheirNames() throws IOException {
        Files.writeString(tmp.resolve("a.lib"), lib("a", "  nom_voltage : 1.2;\n"));
        Files.writeString(tmp.resolve("b.lib"), lib("b", "  operating_conditions (TT) {\n    voltage : 0.6;\n  }\n"));
        Files.writeString(tmp.resolve("cells_0p8V.lib"), lib("c", ""));
        Files.writeString(tmp.resolve("notes.txt"), "not a library");
        LibertyFamily f = LibertyFamily.read(tmp);
        assertEquals(3, f.members().size());
        assertEquals(0.6, f.members().get(0).volts(), 1e-12);
        assertEquals(0.8, f.members().get(1).volts(), 1e-12);
        assertEquals(1.2, f.members().get(2).volts(), 1e-12);
        assertEquals("a.lib", f.at(1.2).file().getFileName().toString());
        assertEquals("0.6, 0.8, 1.2 V", f.voltages());
    }

    @Test
    void aMissingVoltageNamesThoseFound() throws IOException {
        Files.writeString(tmp.resolve("a.lib"), lib("a", "  nom_voltage : 1;\n"));
        Files.writeString(tmp.resolve("b.lib"), lib("b", "  nom_voltage : 0.6;\n"));
        UserError e = assertThrows(UserError.class, () -> LibertyFamily.read(tmp).at(0.7));
        assertTrue(e.getMessage().contains("voltages found: 0.6, 1.0 V"), e.getMessage());
    }

    @Test
    void twoFilesOfOneVoltageOrNoneAreUserErrors() throws IOException {
        assertThrows(UserError.class, () -> LibertyFamily.read(tmp));
        Files.writeString(tmp.resolve("a.lib"), lib("a", "  nom_voltage : 1;\n"));
        Files.writeString(tmp.resolve("b.lib"), lib("b", "  nom_voltage : 1.0;\n"));
        assertThrows(UserError.class, () -> LibertyFamily.read(tmp));
    }

    @Test
    void aLibraryWithNoVoltageAnywhereIsAUserError() throws IOException {
        Files.writeString(tmp.resolve("plain.lib"), lib("p", ""));
        assertThrows(UserError.class, () -> LibertyFamily.read(tmp));
    }
}
