package org.pmlp.ir;

/**
 * The edge from a value to a neuron's sum: it adds {@code weight * (source & mask)} (on the
 * neuron's grid, aligned by the source's exponent) to the neuron's bit heap. The real weight is
 * kept so that weight-format transformations can re-round it.
 */
public final class Connection implements Edge {
    private final int port;
    private final double real;
    private long weight;
    private long mask;

    Connection(int port, double real, long weight, long mask) {
        this.port = port;
        this.real = real;
        this.weight = weight;
        this.mask = mask;
    }

    /** Index of the source among the neuron's inputs (feature or hidden neuron index). */
    @Override
    public int port() {
        return port;
    }

    /** The trained float weight. */
    public double real() {
        return real;
    }

    /** The hard-wired integer weight on the layer's grid. */
    public long weight() {
        return weight;
    }

    public void setWeight(long weight) {
        this.weight = weight;
    }

    /** Bits of the source value that enter the product (the per-connection bit mask knob). */
    public long mask() {
        return mask;
    }

    public void setMask(long mask) {
        this.mask = mask;
    }

    @Override
    public String toString() {
        return "conn" + port + "(w=" + weight + ", mask=" + Long.toHexString(mask) + ")";
    }
}
