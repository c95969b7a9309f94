package org.pmlp.model;

import java.util.Locale;

/** Activation of a dense layer. Hidden layers are ReLU; the output layer is one of the others. */
public enum Activation {
    RELU("relu"),
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
