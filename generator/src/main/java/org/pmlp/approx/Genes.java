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

    /**
     * The levels of a k-bit feature learned from the training data by the method, or null when
     * the search has no training data (the feature then keeps its top bits).
     */
    default org.pmlp.quant.InputLevels learnedLevels(org.pmlp.quant.LevelLearning.Method method, int feature, int k) {
        return null;
    }
}
