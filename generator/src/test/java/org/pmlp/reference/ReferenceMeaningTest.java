package org.pmlp.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * Hand-computed classes of tiny designs, one knob at a time: both the golden model and the
 * reference must give them. Weights are multiples of 1/64 with a largest magnitude of 1, so with
 * 8-bit fixed point the integer weight is 64 w; inputs are 4 bits, so a layer-0 bias b is aligned
 * to {@code 64 b * 16}.
 */
class ReferenceMeaningTest {
    private static Mlp model(double[][]... layers) {
        List<DenseLayer> out = new ArrayList<>();
        for (int l = 0; l < layers.length; l += 2) {
            boolean last = l + 2 >= layers.length;
            out.add(new DenseLayer(layers[l], layers[l + 1][0], last ? Activation.SOFTMAX : Activation.RELU));
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < layers[layers.length - 2].length; c++) {
            classes.add("c" + c);
        }
        return new Mlp(List.of("x"), classes, new InputScaler.Identity(), out, null, Map.of());
    }

    private static DesignConfig config(Mlp m, String json) {
        try {
            return DesignConfig.parse(Json.of("design.json", Json.MAPPER.readTree(json)), ModelShape.of(m),
                    new QuantSpec(4, 8, 8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts golden and reference give {@code expected[x]} for every 4-bit input x. */
    private static void check(Mlp m, String json, int[][] calibration, int[] expected) {
        DesignConfig c = config(m, json);
        CompiledDesign d = DesignFlow.compileRetrained(m, c, calibration);
        ReferenceModel ref = ReferenceModel.of(m, c, calibration);
        for (int x = 0; x < 16; x++) {
            int[] q = {x};
            assertEquals(expected[x], d.program().classify(q, d.program().scratch()), "golden, x = " + x + ", " + json);
            assertEquals(expected[x], ref.classify(q), "reference, x = " + x + ", " + json);
        }
    }

    private static int[] each(java.util.function.IntUnaryOperator f) {
        int[] out = new int[16];
        for (int x = 0; x < 16; x++) {
            out[x] = f.applyAsInt(x);
        }
        return out;
    }

    /** Three equal outputs: the exact argmax gives the lowest index; with an order, the first entered wins. */
    @Test
    void tiesGoToTheEarlierEntryOfTheTournament() {
        Mlp m = model(new double[][] {{1}, {1}, {1}}, new double[][] {{0, 0, 0}});
        check(m, "{}", null, each(x -> 0));
        check(m, "{\"argmax\": {\"order\": [2, 0, 1]}}", null, each(x -> 2));
        check(m, "{\"argmax\": {\"order\": [1, 2, 0]}}", null, each(x -> 1));
    }

    /** Class 1 = 64 x + 16, class 0 = 64 x: exact argmax says 1; comparing fewer top bits ties, and the left entry wins. */
    @Test
    void comparatorBitsAndIgnoredLowBits() {
        Mlp m = model(new double[][] {{1}, {1}}, new double[][] {{0, 1.0 / 64}});
        check(m, "{}", null, each(x -> 1));
        // Values need 10 bits (64 * 15 + 16 = 976 < 1024); ignoring the 5 low bits hides the 16.
        check(m, "{\"argmax\": {\"ignore_low\": 5}}", null, each(x -> 0));
        check(m, "{\"argmax\": {\"ignore_low\": 4}}", null, each(x -> 1));
        check(m, "{\"argmax\": {\"order\": [1, 0], \"bits\": 5}}", null, each(x -> 1));
        check(m, "{\"argmax\": {\"bits\": 5}}", null, each(x -> 0));
        check(m, "{\"argmax\": {\"bits\": 6}}", null, each(x -> 1));
    }

    /**
     * Class 0 = 64 (x &amp; mask), class 1 = 16 * 16 = 256 (bias 0.25): a mask keeps the set bits of
     * the input, and the tie at 256 goes to class 0.
     */
    @Test
    void aMaskKeepsItsSetBits() {
        Mlp m = model(new double[][] {{1}, {0}}, new double[][] {{0, 0.25}});
        check(m, "{}", null, each(x -> 64 * x >= 256 ? 0 : 1));
        check(m, "{\"masks\": {\"layers\": [[[7], [15]]]}}", null, each(x -> 64 * (x & 7) >= 256 ? 0 : 1));
        check(m, "{\"masks\": {\"layers\": [[[8], [15]]]}}", null, each(x -> 64 * (x & 8) >= 256 ? 0 : 1));
    }

    /**
     * Class 0 = 3 x = 4x - x (two digits), class 1 = 48 (bias 3/64), class 2 = -1024 keeps the
     * grid at 2^-6. Truncating 2 columns of class 0 drops the low two bits of the -x row:
     * 4x - (x &amp; 12); compensation adds floor((-3 + 1) / 2) = -1.
     */
    @Test
    void truncationAndItsCompensation() {
        Mlp m = model(new double[][] {{3.0 / 64}, {0}, {0}}, new double[][] {{0, 3.0 / 64, -1}});
        check(m, "{}", null, each(x -> 3 * x >= 48 ? 0 : 1));
        check(m, "{\"truncation\": {\"columns\": [[2, 0, 0]], \"compensate\": false}}", null,
                each(x -> 4 * x - (x & 12) >= 48 ? 0 : 1));
        check(m, "{\"truncation\": {\"columns\": [[2, 0, 0]], \"compensate\": true}}", null,
                each(x -> 4 * x - (x & 12) - 1 >= 48 ? 0 : 1));
    }

    /**
     * Hidden h = window of 64 x - 512 (weight 1, bias -0.5); class 1 = 64 h (weight 1), class 0
     * = 16 b (bias b / 64 with b = 12, -4 or 6; sources have exponent -4 again).
     */
    @Test
    void activationWindowsClampSaturateAndShift() {
        double[][] hiddenW = {{1}};
        double[][] hiddenB = {{-0.5}};
        // Window [7:6]: h = clamp((64 x - 512) >> 6, 0, 3); class 1 needs 64 h > 192: never (saturated at 3).
        check(model(hiddenW, hiddenB, new double[][] {{0}, {1}}, new double[][] {{12.0 / 64, 0}}),
                "{\"activations\": {\"hidden\": [{\"msb\": 7, \"lsb\": 6}]}}", null, each(x -> 0));
        // Negative sums clamp to 0: class 1 (64 h >= 0) beats class 0 (-64) everywhere.
        check(model(hiddenW, hiddenB, new double[][] {{0}, {1}}, new double[][] {{-4.0 / 64, 0}}),
                "{\"activations\": {\"hidden\": [{\"msb\": 7, \"lsb\": 6}]}}", null, each(x -> 1));
        // The lsb: class 1 needs 64 h > 96, i.e. h >= 2, i.e. x >= 10.
        Mlp m = model(hiddenW, hiddenB, new double[][] {{0}, {1}}, new double[][] {{6.0 / 64, 0}});
        check(m, "{\"activations\": {\"hidden\": [{\"msb\": 7, \"lsb\": 6}]}}", null, each(x -> x >= 10 ? 1 : 0));
        // Calibrated 2 bits on inputs up to 12: largest sum 256 (9 bits), so lsb 7: h = clamp((64 x - 512) >> 7, 0, 3),
        // with exponent -3, so class 0's bias becomes 6 * 8 = 48 and class 1 needs h >= 1.
        int[][] calibration = {{0}, {5}, {12}, {9}};
        check(m, "{\"activations\": {\"hidden\": [{\"bits\": 2}]}}", calibration,
                each(x -> Math.min(3, Math.max(0, (64 * x - 512) >> 7)) >= 1 ? 1 : 0));
        // Calibrated on inputs up to 11 (largest sum 192, 8 bits): lsb 6, exponent -4, class 1 needs h >= 2.
        check(m, "{\"activations\": {\"hidden\": [{\"bits\": 2}]}}", new int[][] {{11}, {3}},
                each(x -> Math.min(3, Math.max(0, (64 * x - 512) >> 6)) >= 2 ? 1 : 0));
    }
}
