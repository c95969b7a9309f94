package org.pmlp.model.imports;

import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;

/**
 * Turns a one-logit binary output (scikit-learn's logistic output, a Sigmoid or raw-logit ONNX
 * output) into the two outputs pmlp's argmax needs. Class 1 is predicted iff logit > 0, i.e.
 * sigmoid > 0.5: a constant-zero neuron for class 0 and the logit for class 1 give exactly that,
 * since the lowest index wins a tie at 0.
 */
final class BinaryLogit {
    private BinaryLogit() {
    }

    static DenseLayer twoClass(DenseLayer logit) {
        if (logit.outputs() != 1) {
            throw new IllegalArgumentException("expected one output, got " + logit.outputs());
        }
        double[][] w = {new double[logit.inputs()], logit.weights()[0].clone()};
        return new DenseLayer(w, new double[] {0, logit.biases()[0]}, Activation.IDENTITY);
    }
}
