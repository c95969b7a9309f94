package org.pmlp.ir;

/**
 * A quantized input feature, {@code bits} wide, registered at the circuit's boundary. Only the
 * bits in {@link #mask()} are registered and used (the input bit-width knob: the top n bits).
 */
public final class InputNode extends Node {
    private final int feature;
    private final int bits;
    private long mask;

    InputNode(int feature, int bits) {
        super("x" + feature);
        this.feature = feature;
        this.bits = bits;
        this.mask = (1L << bits) - 1;
    }

    public int feature() {
        return feature;
    }

    /** Width of the quantized feature at the port. */
    public int bits() {
        return bits;
    }

    public long mask() {
        return mask;
    }

    public void setMask(long mask) {
        this.mask = mask & ((1L << bits) - 1);
    }
}
