package org.pmlp.approx;

import org.pmlp.model.Mlp;

/** Sizes a configuration is checked against. */
public record ModelShape(int features, int[] layerSizes, int classes) {
    public static ModelShape of(Mlp m) {
        int[] sizes = new int[m.layers().size()];
        for (int l = 0; l < sizes.length; l++) {
            sizes[l] = m.layer(l).outputs();
        }
        return new ModelShape(m.inputs(), sizes, m.classes().size());
    }

    public int layers() {
        return layerSizes.length;
    }

    /** Inputs of layer l. */
    public int fanIn(int l) {
        return l == 0 ? features : layerSizes[l - 1];
    }
}
