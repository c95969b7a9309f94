package org.pmlp.model.imports;

import java.util.List;
import java.util.Map;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.Mlp;

/**
 * A model as read from another framework, before it is adapted to pmlp's input scaling: its
 * dense layers (binary one-logit outputs already turned into two outputs), the scaler it was
 * trained with, and what it says about its features and classes.
 *
 * @param features feature names, or null when the file does not name them
 * @param classes class labels in output order, or null when the file does not name them
 * @param scaler the model's own input scaling, or null when it has none
 * @param details facts about the source for provenance (producer, opset, operators...)
 */
public record ImportedModel(String format, String source, List<String> features, List<String> classes,
                            SourceScaler scaler, List<DenseLayer> layers, Map<String, Object> details) {

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** Output-layer values for a raw input, exactly as the source model computes them. */
    public double[] scores(double[] raw) {
        double[] in = scaler == null ? raw : scaler.apply(raw);
        for (DenseLayer l : layers) {
            double[] out = new double[l.outputs()];
            l.forward(in, out);
            in = out;
        }
        return in;
    }

    /** The source model's class index: argmax, lowest index wins ties (as numpy and sklearn). */
    public int predict(double[] raw) {
        return Mlp.argmax(scores(raw));
    }
}
