package org.pmlp.model.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.util.Json;

/**
 * Imports a scikit-learn {@code MLPClassifier} from the JSON that {@code examples/export_sklearn.py}
 * writes: sklearn's own attribute names ({@code coefs_} as [inputs][outputs] per layer,
 * {@code intercepts_}, {@code classes_}, {@code activation}, {@code out_activation_}) and the
 * fitted scaler, if any. A binary classifier's single logistic output becomes two outputs.
 */
public final class SklearnImporter {
    /** The value of the export's {@code format} field, which tells it from a pmlp model. */
    public static final String FORMAT = "sklearn-MLPClassifier";

    private SklearnImporter() {
    }

    public static boolean isExport(Json.In root) {
        return root.node().isObject() && root.node().path("format").asText().equals(FORMAT);
    }

    public static ImportedModel parse(Json.In root, String source) {
        root.onlyFields("format", "sklearn_version", "n_features_in_", "feature_names", "classes_", "activation",
                "out_activation_", "coefs_", "intercepts_", "scaler");
        int n = root.get("n_features_in_").integer(1, 1_000_000);
        List<String> classes = root.get("classes_").strings();
        if (classes.size() < 2) {
            throw root.get("classes_").error("expected at least two classes, got " + classes.size());
        }
        if (classes.stream().distinct().count() != classes.size()) {
            throw root.get("classes_").error("expected distinct class labels, got " + classes);
        }
        String hidden = root.get("activation").text();
        if (!hidden.equals("relu")) {
            throw root.get("activation").error("hidden activation \"" + hidden + "\" is not supported: pmlp circuits use"
                    + " ReLU hidden layers; retrain with MLPClassifier(activation=\"relu\")");
        }
        String out = root.get("out_activation_").text();
        Json.In coefs = root.get("coefs_");
        Json.In intercepts = root.get("intercepts_");
        if (coefs.size() == 0 || coefs.size() != intercepts.size()) {
            throw coefs.error("expected one weight matrix per layer and as many intercepts_ (got " + coefs.size() + " and "
                    + intercepts.size() + ")");
        }
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = n;
        for (int l = 0; l < coefs.size(); l++) {
            boolean last = l == coefs.size() - 1;
            DenseLayer layer = layer(coefs.at(l), intercepts.at(l), fanIn, last ? Activation.IDENTITY : Activation.RELU);
            layers.add(layer);
            fanIn = layer.outputs();
        }
        int outputs = fanIn;
        boolean binary = false;
        if (out.equals("softmax")) {
            if (outputs != classes.size()) {
                throw coefs.at(coefs.size() - 1).error("has " + outputs + " outputs, expected one per class ("
                        + classes.size() + ")");
            }
            DenseLayer lastLayer = layers.remove(layers.size() - 1);
            layers.add(new DenseLayer(lastLayer.weights(), lastLayer.biases(), Activation.SOFTMAX));
        } else if (out.equals("logistic")) {
            if (outputs != 1 || classes.size() != 2) {
                throw root.get("out_activation_").error("\"logistic\" with " + outputs + " outputs and " + classes.size()
                        + " classes is a multi-label classifier, which pmlp does not support (one class per sample)");
            }
            binary = true;
            layers.add(BinaryLogit.twoClass(layers.remove(layers.size() - 1)));
        } else {
            throw root.get("out_activation_").error("expected \"softmax\" or \"logistic\" (a classifier), got \"" + out + "\"");
        }
        List<String> features = null;
        Json.In names = root.opt("feature_names");
        if (names != null) {
            features = names.strings();
            if (features.size() != n) {
                throw names.error("expected " + n + " names (n_features_in_), got " + features.size());
            }
        }
        SourceScaler scaler = root.opt("scaler") == null ? null : scaler(root.get("scaler"), n);
        Map<String, Object> details = new LinkedHashMap<>();
        Json.In version = root.opt("sklearn_version");
        details.put("producer", "scikit-learn " + (version == null ? "(version unknown)" : version.textOrNumber()));
        details.put("estimator", "MLPClassifier (activation relu, out_activation_ " + out + ")");
        if (binary) {
            details.put("binary", "one logistic output: class " + classes.get(1) + " iff logit > 0");
        }
        return new ImportedModel("sklearn", source, features, classes, scaler, List.copyOf(layers), details);
    }

    /** sklearn stores a layer as [inputs][outputs]; pmlp as one row per output neuron. */
    private static DenseLayer layer(Json.In coef, Json.In intercept, int fanIn, Activation act) {
        if (coef.size() != fanIn) {
            throw coef.error("has " + coef.size() + " rows, expected " + fanIn + " (one per input of the layer)");
        }
        int outputs = coef.at(0).size();
        if (outputs == 0) {
            throw coef.at(0).error("expected at least one output");
        }
        double[][] w = new double[outputs][fanIn];
        for (int i = 0; i < fanIn; i++) {
            Json.In row = coef.at(i);
            if (row.size() != outputs) {
                throw row.error("has " + row.size() + " weights, expected " + outputs + " like the first row");
            }
            double[] v = row.numbers(outputs);
            for (int j = 0; j < outputs; j++) {
                w[j][i] = v[j];
            }
        }
        if (intercept.size() != outputs) {
            throw intercept.error("has " + intercept.size() + " values, expected " + outputs + " (one per output)");
        }
        return new DenseLayer(w, intercept.numbers(outputs), act);
    }

    private static SourceScaler scaler(Json.In s, int n) {
        String type = s.get("type").text();
        switch (type) {
            case "StandardScaler": {
                s.onlyFields("type", "mean_", "scale_");
                double[] mean = s.get("mean_").numbers(n);
                double[] scale = s.get("scale_").numbers(n);
                for (int i = 0; i < n; i++) {
                    if (!(scale[i] > 0)) {
                        throw s.get("scale_").at(i).error("expected a positive scale, got " + scale[i]);
                    }
                }
                return SourceScaler.standard(type, mean, scale);
            }
            case "MinMaxScaler": {
                s.onlyFields("type", "data_min_", "data_max_", "feature_range", "scale_", "min_");
                double[] lo = s.get("data_min_").numbers(n);
                double[] hi = s.get("data_max_").numbers(n);
                double[] range = s.get("feature_range").numbers(2);
                for (int i = 0; i < n; i++) {
                    if (hi[i] < lo[i]) {
                        throw s.get("data_max_").at(i).error("is below data_min_ (" + lo[i] + ")");
                    }
                }
                if (!(range[1] > range[0])) {
                    throw s.get("feature_range").error("expected [min, max] with max > min");
                }
                // sklearn: X * scale_ + min_, with scale_ = (max - min) / range (a zero range counts as 1).
                double[] scale = new double[n];
                double[] offset = new double[n];
                for (int i = 0; i < n; i++) {
                    double span = hi[i] - lo[i];
                    scale[i] = (range[1] - range[0]) / (span == 0 ? 1 : span);
                    offset[i] = range[0] - lo[i] * scale[i];
                }
                if (s.has("scale_") || s.has("min_")) {
                    scale = s.get("scale_").numbers(n);
                    offset = s.get("min_").numbers(n);
                }
                return new SourceScaler(type + " (feature_range " + fmt(range[0]) + ".." + fmt(range[1]) + ")", scale,
                        offset, lo, hi);
            }
            default:
                throw s.get("type").error("expected \"StandardScaler\" or \"MinMaxScaler\", got \"" + type + "\"");
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
