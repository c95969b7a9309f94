package org.pmlp.quant;

import org.pmlp.UserError;

/**
 * The exact bespoke baseline's number formats: unsigned {@code inputBits} inputs, signed
 * {@code weightBits} fixed-point weights and biases, hidden ReLU outputs requantized to
 * {@code actBits} unsigned bits (0 keeps the full width).
 */
public record QuantSpec(int inputBits, int weightBits, int actBits) {
    public static final QuantSpec DEFAULT = new QuantSpec(4, 8, 8);

    public QuantSpec {
        if (inputBits < 1 || inputBits > 16) {
            throw new UserError("input bits must be in [1, 16], got " + inputBits);
        }
        if (weightBits < 2 || weightBits > 16) {
            throw new UserError("weight bits must be in [2, 16], got " + weightBits);
        }
        if (actBits < 0 || actBits > 32) {
            throw new UserError("activation bits must be in [0, 32] (0 keeps the full width), got " + actBits);
        }
    }

    public InputQuantizer inputQuantizer() {
        return new InputQuantizer(inputBits);
    }
}
