package org.pmlp.cost;

import org.pmlp.ir.Circuit;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.HeapStyle;
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
     * the largest plus the median relative error) against OpenSTA's worst path on 22 synthesized
     * designs: 11 random realistic ones (from seeds 1-20 of {@code TimingEstimateCheck}) and 11
     * exact literature designs (7 before and 4 after the timing-driven heaps).
     * The offset holds the input and output flip-flops, which OpenSTA times as transparent
     * (the library's DFFX1 is a latch group): about 8.5 and 12.8 ms on exact cardio.
     */
    static final GateDelays GATES = new GateDelays(0.409, 0.738, 1.192, 2.727, 4.544, 4.388);
    static final double OFFSET_MS = 12.98;

    private TimingEstimate() {
    }

    /**
     * Worst path of the design as emitted (inputs and outputs registered), in ms at the public
     * 1.0 V library, as OpenSTA reports it on the synthesized netlist with a virtual clock.
     */
    public static double criticalPathMs(Circuit circuit, HeapStyle style) {
        return VerilogEmitter.criticalPath(circuit, style, GATES) + OFFSET_MS;
    }
}
