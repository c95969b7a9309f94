package org.pmlp.model;

/**
 * A fully connected layer: {@code out[j] = act(sum_i weights[j][i] * in[i] + biases[j])}.
 *
 * @param weights one row per output neuron, one column per input
 */
public record DenseLayer(double[][] weights, double[] biases, Activation activation) {

    public int inputs() {
        return weights[0].length;
    }

    public int outputs() {
        return weights.length;
    }

    /** Computes the layer's output for one input vector (into {@code out}). */
    public void forward(double[] in, double[] out) {
        for (int j = 0; j < weights.length; j++) {
            double s = biases[j];
            double[] w = weights[j];
            for (int i = 0; i < w.length; i++) {
                s += w[i] * in[i];
            }
            out[j] = activation.apply(s);
        }
    }

    public DenseLayer copy() {
        double[][] w = new double[weights.length][];
        for (int j = 0; j < w.length; j++) {
            w[j] = weights[j].clone();
        }
        return new DenseLayer(w, biases.clone(), activation);
    }
}
