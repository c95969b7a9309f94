package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

class CellLibraryTest {

    static final String MINI = """
            library (mini) {
              leakage_power_unit : "10uW";
              capacitive_load_unit (1, ff);
              time_unit : "1ms";
              voltage_unit : "1V";
              voltage_map (VDD, 1.2);
              voltage_map (VSS, 0);
              default_cell_leakage_power : 7;
              cell (NAND2) {
                area : 4;
                cell_leakage_power : 3;
                leakage_power () { value : 1; when : "A * B"; related_pg_pin : VDD; }
                leakage_power () { value : 0.5; when : "A * B"; related_pg_pin : VSS; }
                leakage_power () { value : 5; when : "!A"; related_pg_pin : VDD; }
                leakage_power () { value : 2.5; related_pg_pin : VDD; }
                pin (A, B) {
                  direction : input;
                  capacitance : 2;
                  internal_power () { when : "!Y"; power (t) { values ("8"); } }
                }
                pin (Y) {
                  direction : output;
                  function : "(A * B)'";
                  internal_power () {
                    related_pin : "A";
                    related_pg_pin : VDD;
                    rise_power (t) { values ("1, 3", "5, 7"); }
                    fall_power (t) { values ("2, 2"); }
                  }
                  internal_power () {
                    related_pin : "A";
                    related_pg_pin : VSS;
                    rise_power (t) { values ("1"); }
                    fall_power (t) { values ("-1"); }
                  }
                  internal_power () {
                    related_pin : "B";
                    power (t) { values ("10"); }
                  }
                }
              }
              cell (DFF) {
                area : 10;
                pin (CK) { direction : input; clock : true; capacitance : 1; }
                pin (D) { direction : input; }
                pin (Q) { direction : output; function : "IQ"; }
                ff (IQ, IQN) { next_state : "D"; clocked_on : "CK"; clear : "0"; }
              }
              cell (LAT) {
                dont_use : true;
                pin (G) { direction : input; }
                pin (D) { direction : input; }
                pin (Q) { direction : output; function : "IQ"; }
                latch (IQ) { data_in : "D"; enable : "G"; }
              }
              cell (TBUF) {
                pin (I, OE) { direction : input; }
                pin (Y) { direction : output; function : "I"; three_state : "!OE"; }
              }
            }
            """;

    @Test
    void readsUnitsAndCells() {
        CellLibrary lib = CellLibrary.parse(MINI, "mini.lib");
        assertEquals("mini", lib.name());
        LibraryUnits u = lib.units();
        assertEquals(10e-6, u.leakageWatts(), 1e-18);
        assertEquals(1e-15, u.capacitanceFarads(), 1e-27);
        assertEquals(1e-3, u.timeSeconds(), 1e-15);
        assertEquals(1.2, u.supplyVolts(), 1e-12);
        assertEquals(1e-15, u.internalEnergyJoules(), 1e-27);
        assertEquals(List.of("NAND2", "DFF", "LAT", "TBUF"), lib.cells().stream().map(Cell::name).toList());

        Cell nand = lib.cell("NAND2").orElseThrow();
        assertEquals(4, nand.area());
        assertEquals(3, nand.cellLeakagePower());
        assertEquals(2.5, nand.defaultLeakage());
        assertEquals(2, nand.leakageStates().size());
        assertEquals(1.5, nand.leakageStates().get(0).value(), 1e-12); // summed over VDD and VSS
        assertEquals(5, nand.leakageStates().get(1).value());
        assertEquals(List.of("A", "B", "Y"), nand.variables());
        assertEquals(2, nand.pin("B").orElseThrow().capacitance());
        // Y: related A = (mean(1,3,5,7)=4 + mean(2,2)=2)/2 = 3 on VDD plus (1 + -1)/2 = 0 on VSS; related B = 10
        List<InternalPower> y = nand.pin("Y").orElseThrow().internalPower();
        assertEquals(1, y.size());
        assertNull(y.get(0).when());
        assertEquals((3.0 + 10.0) / 2, y.get(0).energy(), 1e-12);
        assertEquals(List.of(new InternalPower(BoolExpr.parse("!Y", "t:1"), 8.0)), nand.pin("B").orElseThrow().internalPower());
        assertFalse(nand.isFlipFlop());
        assertFalse(nand.hasThreeStateOutput());

        Cell dff = lib.cell("DFF").orElseThrow();
        assertTrue(dff.isFlipFlop());
        assertEquals(List.of("CK", "D", "Q", "IQ", "IQN"), dff.variables());
        Sequential ff = dff.sequential().orElseThrow();
        assertEquals(new BoolExpr.Var("CK"), ff.clock());
        assertEquals(new BoolExpr.Var("D"), ff.data());
        assertEquals(new BoolExpr.Const(false), ff.clear());
        assertNull(ff.preset());
        assertTrue(dff.pin("CK").orElseThrow().clock());
        assertEquals(7, dff.defaultLeakage()); // library default_cell_leakage_power

        Cell lat = lib.cell("LAT").orElseThrow();
        assertTrue(lat.isLatch());
        assertTrue(lat.dontUse());
        assertEquals("", lat.sequential().orElseThrow().inverted());
        assertTrue(lib.cell("TBUF").orElseThrow().hasThreeStateOutput());
        assertTrue(lib.cell("NOPE").isEmpty());
    }

    @Test
    void rejectsUnknownNamesAndBadUnits() {
        UserError e = assertThrows(UserError.class, () -> CellLibrary.parse("""
                library (x) {
                  cell (INV) {
                    pin (A) { direction : input; }
                    pin (Y) { direction : output; function : "!B"; }
                  }
                }
                """, "x.lib"));
        assertEquals("x.lib:2: expected pin or state names of cell INV [A, Y] in its expressions, got 'B'",
                e.getMessage());

        e = assertThrows(UserError.class, () -> CellLibrary.parse(
                "library (x) {\n leakage_power_unit : \"1 nJ\";\n}\n", "u.lib"));
        assertEquals("u.lib:2: expected leakage_power_unit like \"1nW\", got \"1 nJ\"", e.getMessage());

        e = assertThrows(UserError.class, () -> CellLibrary.parse(
                "library (x) {\n cell (A) {\n  area : big;\n }\n}\n", "a.lib"));
        assertEquals("a.lib:3: expected a number for area, got 'big'", e.getMessage());

        e = assertThrows(UserError.class, () -> CellLibrary.parse(
                "library (x) {\n cell (A) {\n  pin (Y) { direction : output; function : \"A +\"; }\n }\n}\n", "f.lib"));
        assertTrue(e.getMessage().startsWith("f.lib:3: expected a pin name"), e.getMessage());

        e = assertThrows(UserError.class, () -> CellLibrary.parse(
                "library (x) {\n cell (F) {\n  pin (D) { direction : input; }\n  ff (IQ, IQN) { next_state : \"D\"; }\n }\n}\n",
                "ff.lib"));
        assertEquals("ff.lib:4: expected 'next_state' and 'clocked_on' in ff of cell F, got no clocked_on", e.getMessage());
    }
}
