package org.pmlp.rtl;

/**
 * Delays of the emitted gate kinds (NOT, AND, OR, XOR, XOR3, MAJ), in milliseconds, and a delay
 * per gate input a signal drives beyond the first ({@code perLoad}: the EGFET library has no buffer,
 * so a wide fanout, such as a comparator's select driving a value multiplexer, slows its driver). The
 * heap compressor orders bits by arrival under {@link #POLICY}; timing estimates use a model
 * calibrated against OpenSTA on synthesized netlists.
 */
public record GateDelays(double not, double and, double or, double xor, double xor3, double maj, double perLoad) {
    /** Delays that do not depend on the load a gate drives. */
    public GateDelays(double not, double and, double or, double xor, double xor3, double maj) {
        this(not, and, or, xor, xor3, maj, 0);
    }

    /**
     * Delays of the gates as synthesis maps them onto the public EGFET 1.0 V cells, read off
     * OpenSTA paths of pmlp's netlists: ABC builds most XORs and majorities from NAND2 and INV
     * (about 1.1-1.7 ms a stage) rather than the slow XOR2 cell (5.3 ms), so a majority is about
     * two NAND stages and an XOR about three. Only the ratios matter to the compressor; the
     * figures are fixed so that one circuit always gets one netlist.
     */
    public static final GateDelays POLICY = new GateDelays(1.0, 2.2, 2.4, 4.0, 8.0, 2.6);

    /**
     * Delays under which the emitter times its argmax alternatives ({@link VerilogEmitter}): the
     * timing estimate's fitted figures as of its fit on the structurally hashed gates
     * ({@code cost.TimingEstimate}), frozen here so that a later refit of the estimate does not
     * change which structure a circuit gets: one circuit always gives one netlist.
     */
    public static final GateDelays SPECULATION = new GateDelays(0.336, 0.168, 2.266, 0.116, 1.214, 5.026, 0.165);

    /** The offset in ms that turns a gate path under {@link #SPECULATION} into a combinational path estimate. */
    public static final double SPECULATION_OFFSET_MS = -10.44;

    /** Delay of the i-th gate kind in the order NOT, AND, OR, XOR, XOR3, MAJ. */
    double of(int kind) {
        switch (kind) {
            case 0:
                return not;
            case 1:
                return and;
            case 2:
                return or;
            case 3:
                return xor;
            case 4:
                return xor3;
            case 5:
                return maj;
            default:
                throw new IllegalArgumentException("gate kind " + kind);
        }
    }
}
