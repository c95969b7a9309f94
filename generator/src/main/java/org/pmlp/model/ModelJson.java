package org.pmlp.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Reads and writes the pmlp model format (documented in the README): a JSON object with
 * {@code format: "pmlp-mlp"}, {@code version: 1}, {@code features}, {@code classes},
 * {@code scaler}, {@code layers} (weights as rows per output neuron, biases, activation),
 * optional {@code activation_max}, and free-form {@code provenance}.
 */
public final class ModelJson {
    public static final String FORMAT = "pmlp-mlp";
    public static final int VERSION = 1;

    private ModelJson() {
    }

    public static Mlp read(Path file) {
        return parse(Json.read(file));
    }

    public static Mlp parse(Json.In root) {
        root.onlyFields("format", "version", "features", "classes", "scaler", "layers", "activation_max", "provenance");
        String format = root.get("format").text();
        if (!format.equals(FORMAT)) {
            throw root.get("format").error("expected \"" + FORMAT + "\", got \"" + format + "\"");
        }
        root.get("version").integer(VERSION, VERSION);
        List<String> features = root.get("features").strings();
        if (features.isEmpty()) {
            throw root.get("features").error("expected at least one feature name");
        }
        List<String> classes = root.get("classes").strings();
        if (classes.size() < 2) {
            throw root.get("classes").error("expected at least two classes, got " + classes.size());
        }
        InputScaler scaler = readScaler(root.get("scaler"), features.size());
        List<DenseLayer> layers = readLayers(root.get("layers"), features.size(), classes.size());
        double[][] actMax = null;
        Json.In am = root.opt("activation_max");
        if (am != null) {
            if (am.size() != layers.size() - 1) {
                throw am.error("expected one list per hidden layer (" + (layers.size() - 1) + "), got " + am.size());
            }
            actMax = new double[layers.size() - 1][];
            for (int l = 0; l < actMax.length; l++) {
                actMax[l] = am.at(l).numbers(layers.get(l).outputs());
            }
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        Json.In prov = root.opt("provenance");
        if (prov != null) {
            for (String f : prov.fieldNames()) {
                provenance.put(f, Json.MAPPER.convertValue(prov.node().get(f), Object.class));
            }
        }
        return new Mlp(features, classes, scaler, layers, actMax, provenance);
    }

    private static InputScaler readScaler(Json.In s, int n) {
        String kind = s.get("kind").text();
        switch (kind) {
            case "minmax": {
                s.onlyFields("kind", "min", "max", "range");
                double[] min = s.get("min").numbers(n);
                double[] max = s.get("max").numbers(n);
                double[] range = s.get("range").numbers(2);
                for (int i = 0; i < n; i++) {
                    if (max[i] < min[i]) {
                        throw s.get("max").at(i).error("max " + max[i] + " is below min " + min[i]);
                    }
                }
                if (!(range[1] > range[0])) {
                    throw s.get("range").error("expected [lo, hi] with hi > lo");
                }
                return new InputScaler.MinMax(min, max, range[0], range[1]);
            }
            case "standard": {
                s.onlyFields("kind", "mean", "std");
                double[] std = s.get("std").numbers(n);
                for (int i = 0; i < n; i++) {
                    if (std[i] < 0) {
                        throw s.get("std").at(i).error("expected a non-negative standard deviation");
                    }
                }
                return new InputScaler.Standard(s.get("mean").numbers(n), std);
            }
            case "none":
                s.onlyFields("kind");
                return new InputScaler.Identity();
            default:
                throw s.get("kind").error("expected \"minmax\", \"standard\" or \"none\", got \"" + kind + "\"");
        }
    }

    private static List<DenseLayer> readLayers(Json.In ls, int inputs, int classes) {
        if (ls.size() == 0) {
            throw ls.error("expected at least one layer");
        }
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = inputs;
        for (int l = 0; l < ls.size(); l++) {
            Json.In layer = ls.at(l).onlyFields("weights", "biases", "activation");
            boolean last = l == ls.size() - 1;
            Json.In w = layer.get("weights");
            int outputs = w.size();
            if (outputs == 0) {
                throw w.error("expected at least one neuron (one row of weights per neuron)");
            }
            if (last && outputs != classes) {
                throw w.error("the output layer has " + outputs + " neurons, expected one per class (" + classes + ")");
            }
            double[][] weights = new double[outputs][];
            for (int j = 0; j < outputs; j++) {
                Json.In row = w.at(j);
                if (row.size() != fanIn) {
                    throw row.error("expected " + fanIn + " weights (one per input of the layer), got " + row.size());
                }
                weights[j] = row.numbers(fanIn);
            }
            double[] biases = layer.get("biases").numbers(outputs);
            Json.In a = layer.get("activation");
            Activation act = Activation.parse(a.text());
            if (act == null) {
                throw a.error("expected \"relu\", \"step\", \"identity\" or \"softmax\", got \"" + a.text() + "\"");
            }
            if (!last && act != Activation.RELU && act != Activation.STEP) {
                throw a.error("hidden layers must be \"relu\" or \"step\" (the supported hidden activations), got \""
                        + a.text() + "\"");
            }
            if (last && act == Activation.STEP) {
                throw a.error("the output layer must be \"identity\" or \"softmax\", got \"step\"");
            }
            if (!layers.isEmpty() && layers.get(layers.size() - 1).activation().biasFree()) {
                for (double b : biases) {
                    if (b != 0) {
                        throw layer.get("biases").error("a layer after a \"step\" layer has no biases (all 0), got " + b);
                    }
                }
            }
            layers.add(new DenseLayer(weights, biases, act));
            fanIn = outputs;
        }
        return layers;
    }

    public static JsonNode toJson(Mlp m) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode features = root.putArray("features");
        m.featureNames().forEach(features::add);
        ArrayNode classes = root.putArray("classes");
        m.classes().forEach(classes::add);
        ObjectNode scaler = root.putObject("scaler");
        scaler.put("kind", m.scaler().kind());
        if (m.scaler() instanceof InputScaler.MinMax mm) {
            putNumbers(scaler.putArray("min"), mm.min());
            putNumbers(scaler.putArray("max"), mm.max());
            putNumbers(scaler.putArray("range"), new double[] {mm.lo(), mm.hi()});
        } else if (m.scaler() instanceof InputScaler.Standard st) {
            putNumbers(scaler.putArray("mean"), st.mean());
            putNumbers(scaler.putArray("std"), st.std());
        }
        ArrayNode layers = root.putArray("layers");
        for (DenseLayer l : m.layers()) {
            ObjectNode o = layers.addObject();
            ArrayNode w = o.putArray("weights");
            for (double[] row : l.weights()) {
                putNumbers(w.addArray(), row);
            }
            putNumbers(o.putArray("biases"), l.biases());
            o.put("activation", l.activation().jsonName());
        }
        if (m.activationMax() != null) {
            ArrayNode am = root.putArray("activation_max");
            for (double[] row : m.activationMax()) {
                putNumbers(am.addArray(), row);
            }
        }
        root.set("provenance", Json.MAPPER.valueToTree(m.provenance()));
        return root;
    }

    public static void write(Mlp m, Path file) {
        Files2.writeAtomically(file, Json.write(toJson(m)));
    }

    private static void putNumbers(ArrayNode a, double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new UserError("refusing to write a non-finite number (" + d + ") into a model");
            }
            a.add(d);
        }
    }
}
