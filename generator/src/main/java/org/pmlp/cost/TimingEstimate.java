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
     * Per-gate delays in ms (NOT, AND, OR, XOR, XOR3, MAJ), a delay per load a signal drives
     * beyond its first, a fixed offset, offsets for a registered input and output and a factor for
     * split heaps, fitted ({@code TimingEstimateFit}, 40000 steps from the previous fit, loss
     * three times the largest plus the mean relative error) against the sign-off (OpenSTA through flows/sta.tcl, public 1.0 V
     * library) on the 32 designs of {@code TimingEstimateAccuracyTest} with a path of at least
     * 20 ms: random realistic designs with every register choice and exact designs of the
     * literature's shapes, combinational and registered. Median error 4.2%, largest 6.9%: all 32
     * within 10% (the fit's own data, refitted on the gates of the argmax's shallowest comparator
     * trees, its timed speculation and the per-connection widths: README "Timing estimate"); out of the fit, the large exact literature designs
     * are within 10% too (README). The emitter's own choice of argmax structure times its
     * alternatives under frozen delays ({@code GateDelays.SPECULATION}), so a refit never changes
     * a netlist. The figures are those of
     * gates as ABC rebuilds them, not of the cells (hence the odd ones: an XOR cheaper than an
     * OR): ABC maps majorities to NAND/NOR chains and merges
     * XORs into them, and the same logic synthesized with and without registers differs by up to
     * 9% in OpenSTA's path (before structural hashing, exact 21-3-3: 144.9 ms combinational,
     * 157.7 ms registered; after it 148.3 and 151.4 ms), which bounds what any per-gate model of
     * the emitted netlist can reach.
     */
    static final GateDelays GATES = new GateDelays(0.623, 0.050, 1.567, 0.103, 1.016, 5.416, 0.114);
    static final double OFFSET_MS = -3.93;
    static final double INPUT_REGISTER_MS = 4.93;
    static final double OUTPUT_REGISTER_MS = 0.55;
    /** Scale of a {@link HeapStyle#SPLIT} design's gate path. */
    static final double SPLIT_FACTOR = 0.880;

    private TimingEstimate() {
    }

    /** Worst path of the design with registered inputs and outputs, in ms at the public 1.0 V library. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style) {
        return criticalPathMs(circuit, style, Registers.BOTH);
    }

    /** Worst path of the design built with {@code registers}, as the sign-off times it. */
    public static double criticalPathMs(Circuit circuit, HeapStyle style, Registers registers) {
        return fromGatePath(VerilogEmitter.criticalPath(circuit, style, GATES), style, registers);
    }

    /** The gate delays of the estimate (for timing the gates in the same pass as the cost census). */
    public static GateDelays gates() {
        return GATES;
    }

    /** The estimate from the emitted gates' longest path under {@link #gates()}, for a design of that heap style. */
    public static double fromGatePath(double gatePathMs, HeapStyle style, Registers registers) {
        return gatePathMs * (style == HeapStyle.SPLIT ? SPLIT_FACTOR : 1) + OFFSET_MS
                + (registers.inputs() ? INPUT_REGISTER_MS : 0) + (registers.outputs() ? OUTPUT_REGISTER_MS : 0);
    }
}
