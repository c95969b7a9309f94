package org.pmlp.model;

/**
 * Maps a layer's float weights to the values the hardware will use, for quantization-aware
 * training: the forward and backward passes see the projected values, the updates go to the
 * float weights (straight-through estimator).
 */
public interface WeightProjection {
    /** Writes the projected weights and biases of {@code layer} into {@code wOut}, {@code bOut}. */
    void project(int layer, double[][] w, double[] b, double[][] wOut, double[] bOut);

    /** No projection: plain float training. */
    WeightProjection NONE = (layer, w, b, wOut, bOut) -> {
        for (int j = 0; j < w.length; j++) {
            System.arraycopy(w[j], 0, wOut[j], 0, w[j].length);
        }
        System.arraycopy(b, 0, bOut, 0, b.length);
    };
}
