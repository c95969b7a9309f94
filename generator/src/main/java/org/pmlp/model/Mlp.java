package org.pmlp.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.data.Dataset;

/**
 * A trained floating-point multilayer perceptron with what is needed to use it on raw data:
 * the input scaler, the class labels and, optionally, the activation ranges seen on the
 * training data (used to choose hidden activation windows without the data at hand).
 */
public final class Mlp {
    private final List<String> featureNames;
    private final List<String> classes;
    private final InputScaler scaler;
    private final List<DenseLayer> layers;
    private final double[][] activationMax;
    private final Map<String, Object> provenance;

    /**
     * @param activationMax per hidden layer, the largest ReLU output of each neuron on the
     *     training data (scaled inputs); null when unknown
     */
    public Mlp(List<String> featureNames, List<String> classes, InputScaler scaler, List<DenseLayer> layers,
               double[][] activationMax, Map<String, Object> provenance) {
        this.featureNames = List.copyOf(featureNames);
        this.classes = List.copyOf(classes);
        this.scaler = scaler;
        this.layers = List.copyOf(layers);
        this.activationMax = activationMax;
        this.provenance = provenance == null ? Map.of() : new LinkedHashMap<>(provenance);
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> classes() {
        return classes;
    }

    public InputScaler scaler() {
        return scaler;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    public DenseLayer layer(int l) {
        return layers.get(l);
    }

    public int inputs() {
        return featureNames.size();
    }

    /** Null when unknown. */
    public double[][] activationMax() {
        return activationMax;
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    /** "21-3-3". */
    public String topology() {
        StringBuilder sb = new StringBuilder().append(inputs());
        for (DenseLayer l : layers) {
            sb.append('-').append(l.outputs());
        }
        return sb.toString();
    }

    /** Output-layer values for an already scaled input. */
    public double[] forwardScaled(double[] x) {
        double[] in = x;
        for (DenseLayer l : layers) {
            double[] out = new double[l.outputs()];
            l.forward(in, out);
            in = out;
        }
        return in;
    }

    /** Class index for a raw (unscaled) input: argmax, lowest index wins ties. */
    public int predict(double[] raw) {
        return argmax(forwardScaled(scaler.apply(raw)));
    }

    public double accuracy(Dataset data) {
        int ok = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (predict(data.row(i)) == data.label(i)) {
                ok++;
            }
        }
        return data.rows() == 0 ? 0 : (double) ok / data.rows();
    }

    public static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The largest ReLU output of every hidden neuron over the given raw rows. */
    public double[][] measureActivationMax(double[][] rawRows) {
        double[][] max = new double[layers.size() - 1][];
        for (int l = 0; l < max.length; l++) {
            max[l] = new double[layers.get(l).outputs()];
        }
        for (double[] raw : rawRows) {
            double[] in = scaler.apply(raw);
            for (int l = 0; l < max.length; l++) {
                double[] out = new double[layers.get(l).outputs()];
                layers.get(l).forward(in, out);
                for (int j = 0; j < out.length; j++) {
                    max[l][j] = Math.max(max[l][j], out[j]);
                }
                in = out;
            }
        }
        return max;
    }

    public Mlp withLayers(List<DenseLayer> newLayers) {
        return new Mlp(featureNames, classes, scaler, newLayers, activationMax, provenance);
    }

    public Mlp withActivationMax(double[][] max) {
        return new Mlp(featureNames, classes, scaler, layers, max, provenance);
    }

    public Mlp withProvenance(Map<String, Object> p) {
        return new Mlp(featureNames, classes, scaler, layers, activationMax, p);
    }
}
