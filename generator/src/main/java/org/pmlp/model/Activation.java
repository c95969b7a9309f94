package org.pmlp.model;

import java.util.Locale;

/**
 * Activation of a dense layer. Hidden layers are ReLU or STEP; the output layer is IDENTITY or
 * SOFTMAX.
 */
public enum Activation {
    RELU("relu"),
    /**
     * Threshold neuron: 1 when the sum is positive, else 0 (trained with a straight-through
     * gradient). In hardware the 1-bit ReLU window [0:0] of the integer sum, which is the same
     * function; the layers after a STEP layer have no biases, because the circuit's scale of a
     * 1-bit activation is the sum's, not 1 (see {@link #biasFree}).
     */
    STEP("step"),
    /** Raw sums; the class is their argmax. */
    IDENTITY("identity"),
    /** Softmax probabilities; in hardware the same as IDENTITY (argmax of the raw sums). */
    SOFTMAX("softmax");

    private final String jsonName;

    Activation(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** Applies the hidden activation to a sum (the output layer's are applied by the argmax). */
    public double apply(double s) {
        return this == STEP ? (s > 0 ? 1 : 0) : this == RELU ? Math.max(0, s) : s;
    }

    /** Whether a layer fed by this activation must keep its biases at zero. */
    public boolean biasFree() {
        return this == STEP;
    }

    /** Parses a JSON name; null when unknown. */
    public static Activation parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Activation a : values()) {
            if (a.jsonName.equals(n)) {
                return a;
            }
        }
        return n.equals("none") || n.equals("linear") ? IDENTITY : null;
    }
}
