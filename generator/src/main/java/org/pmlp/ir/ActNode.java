package org.pmlp.ir;

/**
 * A neuron's activation: a window of sum bits {@code [msb:lsb]}. ReLU clamps negative sums to 0
 * and saturates sums above the window to all ones; IDENTITY passes {@code sum >> lsb} (arithmetic).
 */
public final class ActNode extends Node {
    public enum Kind { RELU, IDENTITY }

    private final int layer;
    private final int neuron;
    private Kind kind;
    private int msb;
    private int lsb;

    ActNode(int layer, int neuron, Kind kind, int msb, int lsb) {
        super("a" + layer + "_" + neuron);
        this.layer = layer;
        this.neuron = neuron;
        this.kind = kind;
        this.msb = msb;
        this.lsb = lsb;
    }

    public int layer() {
        return layer;
    }

    public int neuron() {
        return neuron;
    }

    public Kind kind() {
        return kind;
    }

    public int msb() {
        return msb;
    }

    public int lsb() {
        return lsb;
    }

    /** Bits of the window, {@code msb - lsb + 1}. */
    public int windowBits() {
        return msb - lsb + 1;
    }

    public void setWindow(Kind kind, int msb, int lsb) {
        if (msb < lsb || lsb < 0) {
            throw new IllegalArgumentException("window [" + msb + ":" + lsb + "] of " + name());
        }
        this.kind = kind;
        this.msb = msb;
        this.lsb = lsb;
    }
}
