package org.pmlp.cost;

import org.pmlp.ir.Circuit;
import org.pmlp.rtl.GateDelays;
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
        return count(c, style, registers, null, null);
    }

    /**
     * As above; with {@code delays}, the same build of the emitter's gates is also timed (the
     * search needs both) and its longest path is left in {@code pathOut[0]}.
     */
    public static CostFeatures count(Circuit c, HeapStyle style, Registers registers, GateDelays delays,
                                     double[] pathOut) {
        VerilogEmitter.GateCensus g = VerilogEmitter.census(c, style, delays, pathOut);
        int ff = (registers.inputs() ? g.inputBits() : 0) + (registers.outputs() ? g.outputBits() : 0);
        return new CostFeatures(g.gates(), ff);
    }
}
