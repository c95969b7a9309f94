package org.pmlp.approx;

import org.pmlp.model.Activation;
import org.pmlp.model.Mlp;

/**
 * Sizes a configuration is checked against, and which hidden layers are threshold neurons
 * ({@link Activation#STEP}: their activation window is the 1-bit window [0:0], fixed).
 */
public record ModelShape(int features, int[] layerSizes, int classes, boolean[] thresholdLayers) {
    /** A shape whose hidden layers are all ReLU. */
    public ModelShape(int features, int[] layerSizes, int classes) {
        this(features, layerSizes, classes, new boolean[Math.max(0, layerSizes.length - 1)]);
    }

    public static ModelShape of(Mlp m) {
        int[] sizes = new int[m.layers().size()];
        boolean[] threshold = new boolean[Math.max(0, sizes.length - 1)];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = m.layer(l).outputs();
            if (l < threshold.length) {
                threshold[l] = m.layer(l).activation() == Activation.STEP;
            }
        }
        return new ModelShape(m.inputs(), sizes, m.classes().size(), threshold);
    }

    public int layers() {
        return layerSizes.length;
    }

    /** Inputs of layer l. */
    public int fanIn(int l) {
        return l == 0 ? features : layerSizes[l - 1];
    }

    /** Whether hidden layer l is made of threshold neurons. */
    public boolean threshold(int l) {
        return l < thresholdLayers.length && thresholdLayers[l];
    }
}
