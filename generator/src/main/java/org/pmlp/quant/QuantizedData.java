package org.pmlp.quant;

import org.pmlp.data.Dataset;
import org.pmlp.model.InputScaler;

/**
 * A dataset as the circuit sees it: each row scaled by the model's scaler and quantized to
 * unsigned N-bit integers; labels unchanged. Computed once, then read by every evaluation.
 */
public record QuantizedData(int[][] q, int[] labels) {

    public static QuantizedData of(Dataset data, InputScaler scaler, InputQuantizer quantizer) {
        int[][] q = new int[data.rows()][];
        for (int i = 0; i < q.length; i++) {
            q[i] = quantizer.quantize(scaler.apply(data.row(i)));
        }
        return new QuantizedData(q, data.y().clone());
    }

    public int rows() {
        return q.length;
    }
}
