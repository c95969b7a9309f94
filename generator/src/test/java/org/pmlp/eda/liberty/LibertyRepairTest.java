package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.pmlp.testutil.Shared;

class LibertyRepairTest {
    private static final String MISLABELLED = String.join("\n",
            "library (t) {",
            "  cell (DFF) {",
            "    area : 10;",
            "    pin (Q) { direction : output; function : \"IQ\";",
            "      timing () { related_pin : \"CP\"; timing_type : rising_edge; } }",
            "    pin (CP) { direction : input; clock : true; }",
            "    pin (D) { direction : input; }",
            "    latch (IQ,IQN) {",
            "      data_in : \"D\";",
            "      enable : \"CP\";",
            "    }",
            "  }",
            "  cell (LAT) {",
            "    area : 5;",
            "    pin (Q) { direction : output; function : \"IQ\"; }",
            "    pin (G) { direction : input; }",
            "    pin (D) { direction : input; }",
            "    latch (IQ,IQN) { data_in : \"D\"; enable : \"G\"; }",
            "  }",
            "}");

    @Test
    void edgeTimedLatchBecomesFlipFlopAndRealLatchStays() {
        LibertyRepair.Result r = LibertyRepair.repair(MISLABELLED, "t.lib");
        assertEquals(1, r.notes().size(), r.notes().toString());
        CellLibrary lib = CellLibrary.parse(r.text(), "t.lib");
        assertTrue(lib.cell("DFF").orElseThrow().sequential().orElseThrow().isFlipFlop());
        assertFalse(lib.cell("LAT").orElseThrow().sequential().orElseThrow().isFlipFlop());
        assertEquals(10, lib.cell("DFF").orElseThrow().area(), 0);
    }

    @Test
    void cleanLibraryIsUntouched() throws IOException {
        String own = Files.readString(Shared.repo().resolve("pdk/egfet_1v0.lib"));
        LibertyRepair.Result r = LibertyRepair.repair(own, "egfet_1v0.lib");
        assertFalse(r.changed());
        assertEquals(own, r.text());
    }

    @Test
    void publicEgfetDffIsRepaired() throws IOException {
        String text = Files.readString(Shared.require("pdk/egfet/PPDK_Standard_Library_1.0V_25C_TYP_X1.lib"));
        LibertyRepair.Result r = LibertyRepair.repair(text, "egfet");
        assertEquals(1, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("DFFX1:"), r.notes().get(0));
        CellLibrary lib = CellLibrary.parse(r.text(), "egfet");
        assertTrue(lib.cell("DFFX1").orElseThrow().sequential().orElseThrow().isFlipFlop());
        assertEquals(CellLibrary.parse(text, "egfet").cell("DFFX1").orElseThrow().area(),
                lib.cell("DFFX1").orElseThrow().area(), 0);
    }
}
