package org.pmlp.rtl;

/**
 * Delays of the emitted gate kinds (NOT, AND, OR, XOR, XOR3, MAJ), in milliseconds. The
 * heap compressor orders bits by arrival under {@link #POLICY}; timing estimates use a model
 * calibrated against OpenSTA on synthesized netlists.
 */
public record GateDelays(double not, double and, double or, double xor, double xor3, double maj) {
    /**
     * Typical delays of the public EGFET 1.0 V cells (INV 0.75, AND2 2.0, OR2 2.1, XOR2 5.1 ms;
     * a three-input XOR as two XOR2, a majority as two levels of two-input gates). Only the
     * ratios matter to the compressor; it is fixed so that one circuit always gets one netlist.
     */
    public static final GateDelays POLICY = new GateDelays(0.75, 2.0, 2.1, 5.1, 10.2, 4.1);

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
