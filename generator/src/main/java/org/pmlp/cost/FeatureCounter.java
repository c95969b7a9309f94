package org.pmlp.cost;

import org.pmlp.ir.Circuit;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;
import org.pmlp.rtl.VerilogEmitter;

/**
 * Counts {@link CostFeatures} of a width-inferred circuit: the live gates of the netlist the
 * emitter builds for it ({@link VerilogEmitter#census}: the same gates, structurally hashed and
 * constant-folded, that the Verilog prints), and the flip-flops of the chosen registers.
 */
public final class FeatureCounter {
    private FeatureCounter() {
    }

    /** With registered inputs and outputs ({@link Registers#BOTH}, the default). */
    public static CostFeatures count(Circuit c, HeapStyle style) {
        return count(c, style, Registers.BOTH);
    }

    /**
     * The features of the design as emitted with {@code registers}: the gates do not depend on
     * the registers; the flip-flops are the live input bits (when inputs are registered) plus
     * the class output bits (when the output is).
     */
    public static CostFeatures count(Circuit c, HeapStyle style, Registers registers) {
        VerilogEmitter.GateCensus g = VerilogEmitter.census(c, style);
        int ff = (registers.inputs() ? g.inputBits() : 0) + (registers.outputs() ? g.outputBits() : 0);
        return new CostFeatures(g.gates(), ff);
    }
}
