package org.pmlp.approx;

import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;

/**
 * What passes may read besides the circuit: the float model, the baseline formats and the
 * quantized training inputs (null when no training data is at hand).
 */
public record PassContext(Mlp model, QuantSpec spec, int[][] calibrationInputs) {
}
