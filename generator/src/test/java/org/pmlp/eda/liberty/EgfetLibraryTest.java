package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the real EGFET 1.0 V library from ../shared (skipped when absent). */
class EgfetLibraryTest {

    @Test
    void unitsAndCellList() {
        CellLibrary lib = SharedPdk.egfet10V();
        assertEquals("PPDK_Standard_Library_1.0V_25C_TYP_X1", lib.name());
        assertEquals(1e-9, lib.units().leakageWatts(), 1e-21);
        assertEquals(1e-12, lib.units().capacitanceFarads(), 1e-24);
        assertEquals(1e-9, lib.units().timeSeconds(), 1e-21);
        assertEquals(1.0, lib.units().supplyVolts(), 1e-12);
        assertEquals(List.of("DFFNRX1", "DFFX1", "INVX1", "LATCHX1", "NAND2X1", "NOR2X1", "TSBUF", "AND2X1",
                "OR2X1", "XNOR2X1", "XOR2X1"), lib.cells().stream().map(Cell::name).toList());
    }

    @Test
    void combinationalCells() {
        CellLibrary lib = SharedPdk.egfet10V();
        Cell inv = lib.cell("INVX1").orElseThrow();
        assertEquals(228420, inv.area());
        assertEquals(9887.47, inv.cellLeakagePower(), 1e-9);
        assertEquals(9887.47, inv.defaultLeakage(), 1e-9);
        assertEquals(2, inv.leakageStates().size());
        assertEquals(19283.8, inv.leakageStates().get(0).value(), 1e-9); // "(A * !Y)", VSS adds 0
        assertEquals(12912.5, inv.pin("A").orElseThrow().capacitance(), 1e-9);
        List<InternalPower> y = inv.pin("Y").orElseThrow().internalPower();
        assertEquals(1, y.size());
        assertTrue(y.get(0).energy() > 0);

        Cell nand = lib.cell("NAND2X1").orElseThrow();
        assertEquals(247860, nand.area());
        BoolExpr f = nand.pin("Y").orElseThrow().function();
        assertEquals(BoolExpr.parse("(!A1) + (!A2)", "t:1"), f);
        assertFalse(f.eval(Map.of("A1", true, "A2", true)));
        assertTrue(f.eval(Map.of("A1", true, "A2", false)));

        // NOR2 input A1: hidden power only while the output holds
        List<InternalPower> a1 = lib.cell("NOR2X1").orElseThrow().pin("A1").orElseThrow().internalPower();
        assertEquals(BoolExpr.parse("(A2 * !Y)", "t:1"), a1.get(0).when());

        Cell tsbuf = lib.cell("TSBUF").orElseThrow();
        assertTrue(tsbuf.hasThreeStateOutput());
        assertEquals(6, tsbuf.leakageStates().size()); // "!I !OE !Y": juxtaposition means and
    }

    @Test
    void sequentialCells() {
        CellLibrary lib = SharedPdk.egfet10V();
        Cell dffnr = lib.cell("DFFNRX1").orElseThrow();
        assertTrue(dffnr.isFlipFlop());
        Sequential ff = dffnr.sequential().orElseThrow();
        assertEquals("IQ", ff.state());
        assertEquals("IQ_bar", ff.inverted());
        assertEquals(new BoolExpr.Var("CP"), ff.clock());
        assertEquals(new BoolExpr.Var("D"), ff.data());
        assertEquals(new BoolExpr.Not(new BoolExpr.Var("RST_N")), ff.clear());
        assertEquals(2776032, dffnr.area());

        // The file describes DFFX1 with a latch group (data_in D, enable CP), not an ff group,
        // so Yosys dfflibmap maps every flip-flop to DFFNRX1.
        Cell dff = lib.cell("DFFX1").orElseThrow();
        assertTrue(dff.isLatch());
        assertEquals(new BoolExpr.Var("CP"), dff.sequential().orElseThrow().clock());
        assertEquals(new BoolExpr.Var("D"), dff.sequential().orElseThrow().data());
        assertEquals(1413984, dff.area());
        assertTrue(dff.pin("CP").orElseThrow().clock());
        assertEquals(69243.8, dff.defaultLeakage(), 1e-9);
        assertEquals(2, dff.pin("CP").orElseThrow().internalPower().size()); // when D == Q, i.e. Q holds
    }
}
