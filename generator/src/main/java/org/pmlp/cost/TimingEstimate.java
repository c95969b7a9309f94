package org.pmlp.cost;

import org.pmlp.ir.Circuit;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;
import org.pmlp.rtl.VerilogEmitter;

/**
 * A fast estimate of a design's worst path on the public EGFET 1.0 V library, without
 * synthesis: static timing over the gates the emitter writes (the same gates, built by the same
 * code), each gate kind with a delay fitted against OpenSTA on synthesized netlists (README:
 * "Timing estimate"). For the search: a design whose estimate exceeds the clock period is not
 * worth synthesizing.
 */
public final class TimingEstimate {
    /**
     * Per-gate delays in ms (NOT, AND, OR, XOR, XOR3, MAJ) and a fixed offset, fitted (minimum of
     * the largest plus the median relative error) against OpenSTA's worst path on 37 synthesized
     * non-constant designs: 23 random realistic ones (seeds 1-26 of {@code TimingEstimateCheck};
     * one emitted constant, synthesis found two more constant) and 14 exact literature designs
     * (7 before and 7 after the timing-driven heaps). Median error 5.4%, largest 14.4%; a first fit on 22 of them scored
     * the other 15 at median 7.6%, largest 19.2%. The offset holds the input and output
     * flip-flops, which OpenSTA times as transparent (the library's DFFX1 is a latch group):
     * about 8.5 and 12.8 ms on exact cardio; it must be refitted for unregistered designs.
     */
    static final GateDelays GATES = new GateDelays(0.395, 0.801, 1.034, 2.300, 5.139, 4.597);
    static final double OFFSET_MS = 10.95;

    private TimingEstimate() {
    }

    /**
     * Worst path of the design as emitted (inputs and outputs registered), in ms at the public
     * 1.0 V library, as OpenSTA reports it on the synthesized netlist with a virtual clock.
     */
    public static double criticalPathMs(Circuit circuit, HeapStyle style) {
        return criticalPathMs(circuit, style, Registers.BOTH);
    }

    /** Worst path of the design built with {@code registers}, as the sign-off times it. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style, Registers registers) {
        return VerilogEmitter.criticalPath(circuit, style, GATES) + OFFSET_MS;
    }
}
