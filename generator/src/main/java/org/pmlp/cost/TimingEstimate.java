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
 * "Timing estimate"). For the search: a design whose estimate exceeds the clock period is
 * infeasible ({@code explore.Objectives}).
 */
public final class TimingEstimate {
    /**
     * Per-gate delays in ms (NOT, AND, OR, XOR, XOR3, MAJ), a fixed offset and an offset for a
     * registered output, fitted ({@code TimingEstimateFit}: the largest plus the mean relative
     * error) against the sign-off (OpenSTA through flows/sta.tcl, public 1.0 V library) on 29
     * non-constant designs of {@code TimingEstimateAccuracyTest}: random realistic designs with
     * every register choice and exact designs of the literature's shapes, combinational and
     * registered. Median error 9.6%, largest 17.1%: synthesis (ABC) restructures the gates, and the
     * same logic synthesized with and without registers differs by up to 8% in OpenSTA's path.
     * A registered input adds nothing measurable (its clock-to-output replaces the input's arrival).
     */
    static final GateDelays GATES = new GateDelays(0.417, 0.798, 0.367, 2.037, 5.109, 4.598);
    static final double OFFSET_MS = 4.97;
    static final double OUTPUT_REGISTER_MS = -0.99;

    private TimingEstimate() {
    }

    /** Worst path of the design with registered inputs and outputs, in ms at the public 1.0 V library. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style) {
        return criticalPathMs(circuit, style, Registers.BOTH);
    }

    /** Worst path of the design built with {@code registers}, as the sign-off times it. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style, Registers registers) {
        return VerilogEmitter.criticalPath(circuit, style, GATES) + OFFSET_MS
                + (registers.outputs() ? OUTPUT_REGISTER_MS : 0);
    }
}
