package org.pmlp.approx;

import org.pmlp.quant.QuantSpec;

/**
 * A genome seen by name, with what decoding needs besides the genes: the shape and formats, the
 * calibrated msb of each hidden layer's windows, and the input features the genome's feature
 * budget keeps.
 */
public interface Genes {
    ModelShape shape();

    QuantSpec spec();

    /** The block of genes with this name. */
    int[] get(String block);

    /** Per hidden layer, the calibrated msb of its windows (from the exact design of the same formats). */
    int[] hiddenMsb();

    /** The input features the feature budget keeps. */
    boolean[] keptFeatures();
}
