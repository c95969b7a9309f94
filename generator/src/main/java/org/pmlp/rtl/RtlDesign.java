package org.pmlp.rtl;

/**
 * Emitted Verilog with what the harness and reports need to know about it.
 *
 * @param gates live gates in the emitted netlist (before synthesis)
 * @param outputBits width of the class output {@code y}
 */
public record RtlDesign(String verilog, PortMap ports, int outputBits, int gates) {
}
