package org.pmlp.quant;

/**
 * The integer values a layer's weights may take once its format is fitted to the layer: real
 * weight {@code w} becomes the integer {@code round(w)}, meaning {@code round(w) * 2^-fracBits}.
 */
public interface WeightGrid {
    int fracBits();

    /** The representable integer nearest to {@code w * 2^fracBits}. */
    long round(double w);

    /** The bias's integer on this layer's grid (same fractional bits). */
    long roundBias(double b);

    /** The real value of an integer on this grid. */
    default double value(long q) {
        return Math.scalb((double) q, -fracBits());
    }
}
