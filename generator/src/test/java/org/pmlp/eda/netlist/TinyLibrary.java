package org.pmlp.eda.netlist;

import org.pmlp.eda.liberty.CellLibrary;

/** A small inline Liberty library for netlist tests; Yosys can map onto it too (ABC wants one pin per pin group). */
final class TinyLibrary {
    static final String TEXT = """
            library (tiny) {
              delay_model : table_lookup;
              time_unit : "1ns";
              voltage_unit : "1V";
              leakage_power_unit : "1nW";
              capacitive_load_unit (1, pf);
              nom_voltage : 2;
              cell (INV) {
                area : 1;
                cell_leakage_power : 10;
                leakage_power () { value : 4; when : "A"; }
                leakage_power () { value : 20; when : "!A"; }
                pin (A) { direction : input; capacitance : 3; }
                pin (Y) {
                  direction : output;
                  function : "!A";
                  internal_power () {
                    related_pin : "A";
                    rise_power (scalar) { values ("2"); }
                    fall_power (scalar) { values ("4"); }
                  }
                }
              }
              cell (NAND2) {
                area : 2;
                cell_leakage_power : 20;
                pin (A1) {
                  direction : input;
                  capacitance : 1;
                  internal_power () {
                    when : "!A2";
                    rise_power (scalar) { values ("6"); }
                    fall_power (scalar) { values ("8"); }
                  }
                }
                pin (A2) { direction : input; capacitance : 1; }
                pin (Y) { direction : output; function : "(!A1) + (!A2)"; }
              }
              cell (NOR2) {
                area : 3;
                cell_leakage_power : 30;
                pin (A1) { direction : input; capacitance : 1; }
                pin (A2) { direction : input; capacitance : 1; }
                pin (Y) { direction : output; function : "!(A1 + A2)"; }
              }
              cell (XOR2) {
                area : 4;
                cell_leakage_power : 40;
                pin (A1) { direction : input; capacitance : 1; }
                pin (A2) { direction : input; capacitance : 1; }
                pin (Y) { direction : output; function : "A1 ^ A2"; }
              }
              cell (DFF) {
                area : 8;
                cell_leakage_power : 50;
                leakage_power () { value : 100; when : "CP * Q"; }
                leakage_power () { value : 60; when : "!CP"; }
                pin (CP) {
                  direction : input;
                  clock : true;
                  capacitance : 5;
                  internal_power () {
                    rise_power (scalar) { values ("10"); }
                    fall_power (scalar) { values ("30"); }
                  }
                }
                pin (D) { direction : input; capacitance : 1; }
                pin (Q) { direction : output; function : "IQ"; }
                pin (QN) { direction : output; function : "IQN"; }
                ff (IQ, IQN) { next_state : "D"; clocked_on : "CP"; }
              }
              cell (DFFR) {
                area : 9;
                dont_use : true;
                pin (CP) { direction : input; clock : true; }
                pin (D) { direction : input; }
                pin (RN) { direction : input; }
                pin (SN) { direction : input; }
                pin (Q) { direction : output; function : "IQ"; }
                ff (IQ, IQN) { next_state : "D"; clocked_on : "CP"; clear : "!RN"; preset : "!SN"; }
              }
              cell (LATCH) {
                area : 5;
                dont_use : true;
                pin (G) { direction : input; }
                pin (D) { direction : input; }
                pin (Q) { direction : output; function : "IQ"; }
                latch (IQ, IQN) { data_in : "D"; enable : "G"; }
              }
              cell (TBUF) {
                area : 2;
                dont_use : true;
                pin (I) { direction : input; }
                pin (OE) { direction : input; }
                pin (Y) { direction : output; function : "I"; three_state : "!OE"; }
              }
            }
            """;

    private static CellLibrary library;

    private TinyLibrary() {
    }

    static synchronized CellLibrary get() {
        if (library == null) {
            library = CellLibrary.parse(TEXT, "tiny.lib");
        }
        return library;
    }
}
