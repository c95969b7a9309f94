package org.pmlp.ir;

/**
 * One neuron's sum, a bit heap: the bias plus the partial products of its connections
 * ({@link Circuit#partialProducts}). Heap columns below {@link #truncation()} are dropped and
 * {@link #compensation()} is added in their place.
 */
public final class SumNode extends Node {
    private final int layer;
    private final int neuron;
    private final double realBias;
    private int fracBits;
    private long bias;
    private int truncation;
    private long compensation;

    SumNode(int layer, int neuron, double realBias, int fracBits, long bias) {
        super("s" + layer + "_" + neuron);
        this.layer = layer;
        this.neuron = neuron;
        this.realBias = realBias;
        this.fracBits = fracBits;
        this.bias = bias;
    }

    public int layer() {
        return layer;
    }

    public int neuron() {
        return neuron;
    }

    public double realBias() {
        return realBias;
    }

    /** Fractional bits of the layer's weight grid: weights and bias mean {@code q * 2^-fracBits}. */
    public int fracBits() {
        return fracBits;
    }

    /** The bias on the weight grid. */
    public long bias() {
        return bias;
    }

    /** Sets the layer grid and the bias on it (weight formats re-grid a layer). */
    public void setGrid(int fracBits, long bias) {
        this.fracBits = fracBits;
        this.bias = bias;
    }

    /** Heap columns below this are dropped (0: exact). */
    public int truncation() {
        return truncation;
    }

    public long compensation() {
        return compensation;
    }

    public void setTruncation(int columns, long compensation) {
        this.truncation = columns;
        this.compensation = compensation;
    }
}
