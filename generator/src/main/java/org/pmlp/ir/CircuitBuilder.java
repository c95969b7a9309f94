package org.pmlp.ir;

import org.pmlp.model.DenseLayer;
import org.pmlp.model.Mlp;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.WeightGrid;

/**
 * Builds the exact bespoke circuit of a float MLP: fixed-point weights of the spec's width with
 * per-layer fractional bits, full-width activations (windows are chosen by a later pass from the
 * activation range), identity output and the exact argmax.
 */
public final class CircuitBuilder {
    /** Placeholder window wide enough for any sum until a pass chooses the real one. */
    static final int FULL_MSB = 62;

    private CircuitBuilder() {
    }

    public static Circuit build(Mlp model, QuantSpec spec) {
        Circuit c = new Circuit(model.inputs(), spec.inputBits(), model.classes());
        FixedFormat format = new FixedFormat(spec.weightBits());
        for (int l = 0; l < model.layers().size(); l++) {
            DenseLayer layer = model.layer(l);
            WeightGrid grid = format.fit(layer.weights(), layer.biases());
            long[][] w = new long[layer.outputs()][layer.inputs()];
            long[] b = new long[layer.outputs()];
            for (int j = 0; j < layer.outputs(); j++) {
                for (int i = 0; i < layer.inputs(); i++) {
                    w[j][i] = grid.round(layer.weights()[j][i]);
                }
                b[j] = grid.roundBias(layer.biases()[j]);
            }
            boolean last = l == model.layers().size() - 1;
            c.addLayer(grid.fracBits(), w, layer.weights(), b, layer.biases(),
                    last ? ActNode.Kind.IDENTITY : ActNode.Kind.RELU, FULL_MSB, 0);
        }
        c.addArgmax();
        return c;
    }
}
