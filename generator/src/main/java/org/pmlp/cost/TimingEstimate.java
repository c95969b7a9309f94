package org.pmlp.cost;

import org.pmlp.ir.Circuit;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.VerilogEmitter;

/**
 * A fast estimate of a design's worst path on the public EGFET 1.0 V library, without
 * synthesis: static timing over the gates the emitter writes (the same gates, built by the same
 * code), each gate kind with its delay as synthesis maps it, scaled and offset by a fit against
 * OpenSTA on synthesized netlists (see README: "Timing estimate"). For the search: a design
 * whose estimate exceeds the clock period is not worth synthesizing.
 */
public final class TimingEstimate {
    /** Per-gate delays in ms (NOT, AND, OR, XOR, XOR3, MAJ) before the fit's scale. */
    static final GateDelays GATES = GateDelays.POLICY;
    /** OpenSTA ms per ms of emitted-gate path: ABC's mapping shortens paths a little. */
    static final double SCALE = 0.81;
    /**
     * ms of the registered design's path outside the logic: OpenSTA times the library's DFFX1
     * (a latch group) as transparent, so the input and output flip-flops add their D-to-Q
     * delays (about 8.5 and 12.8 ms on exact cardio).
     */
    static final double REGISTERS_MS = 21.3;

    private TimingEstimate() {
    }

    /** Worst path through the combinational logic, register to register, in ms. */
    public static double logicMs(Circuit circuit, HeapStyle style) {
        return SCALE * VerilogEmitter.criticalPath(circuit, style, GATES);
    }

    /** Worst path of the design as emitted (inputs and outputs registered), in ms, as OpenSTA reports it. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style) {
        return logicMs(circuit, style) + REGISTERS_MS;
    }
}
