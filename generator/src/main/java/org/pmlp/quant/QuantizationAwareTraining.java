package org.pmlp.quant;

import org.pmlp.data.Dataset;
import org.pmlp.model.Mlp;
import org.pmlp.model.Trainer;
import org.pmlp.model.TrainingOptions;
import org.pmlp.model.WeightProjection;

/**
 * Hardware-aware retraining: fine-tunes a float model for a few epochs while its forward pass
 * sees the quantized inputs and the weights as the chosen formats (and pruning) will round them,
 * with straight-through gradients to the float weights, so accuracy recovers under the format.
 */
public final class QuantizationAwareTraining {
    private QuantizationAwareTraining() {
    }

    /**
     * @param prune per layer, the share of smallest-magnitude weights held at zero (may be null)
     */
    public static Mlp retrain(Mlp model, WeightFormat[] formats, double[] prune, Dataset train, QuantSpec spec,
                              int epochs, long seed) {
        return retrain(model, formats, prune, null, train, spec, epochs, seed);
    }

    /**
     * @param keepInputs which input features the circuit reads (null: all); the weights of the
     *     others are held at zero, so the network learns to do without them
     */
    public static Mlp retrain(Mlp model, WeightFormat[] formats, double[] prune, boolean[] keepInputs, Dataset train,
                              QuantSpec spec, int epochs, long seed) {
        int[] hidden = new int[model.layers().size() - 1];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = model.layer(l).outputs();
        }
        TrainingOptions opts = TrainingOptions.defaults(hidden, seed).fineTune(epochs);
        InputQuantizer iq = spec.inputQuantizer();
        WeightProjection projection = (layer, w, b, wOut, bOut) -> {
            WeightGrid grid = formats[layer].fit(w, b);
            boolean[][] pruned = prune == null ? null : Pruning.removed(w, prune[layer]);
            for (int j = 0; j < w.length; j++) {
                for (int i = 0; i < w[j].length; i++) {
                    boolean dropped = layer == 0 && keepInputs != null && !keepInputs[i];
                    wOut[j][i] = dropped || pruned != null && pruned[j][i] ? 0 : grid.value(grid.round(w[j][i]));
                }
                bOut[j] = grid.value(grid.roundBias(b[j]));
            }
        };
        double[][] scaled = new double[train.rows()][];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = model.scaler().apply(train.row(i));
        }
        Trainer trainer = new Trainer(opts, projection, iq::dequantize);
        Trainer.Result r = trainer.fineTune(model.layers(), scaled, train.y(), model.classes().size());
        return model.withLayers(r.layers());
    }
}
