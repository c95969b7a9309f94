package org.pmlp.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;
import org.pmlp.reference.ReferenceModel;

/**
 * Sums wider than pmlp computes exactly are refused naming the neuron, never computed modulo
 * 2^64 (which made the RTL and the golden model disagree on a third of the vectors on 41830e3).
 */
class WidthLimitTest {
    /** A dense random MLP with the given layer sizes (last = classes). */
    static Mlp model(long seed, int features, int... sizes) {
        SplittableRandom r = new SplittableRandom(seed);
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = features;
        for (int l = 0; l < sizes.length; l++) {
            double[][] w = new double[sizes[l]][fanIn];
            double[] b = new double[sizes[l]];
            for (int j = 0; j < sizes[l]; j++) {
                for (int i = 0; i < fanIn; i++) {
                    w[j][i] = r.nextDouble(-1, 1);
                }
                b[j] = r.nextDouble(-0.5, 0.5);
            }
            boolean last = l == sizes.length - 1;
            layers.add(new DenseLayer(w, b, last ? Activation.SOFTMAX : Activation.RELU));
            fanIn = sizes[l];
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add("f" + i);
        }
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < sizes[sizes.length - 1]; c++) {
            classes.add("c" + c);
        }
        return new Mlp(names, classes, new InputScaler.Identity(), layers, null, Map.of());
    }

    static int[][] inputs(long seed, int n, int features, int bits) {
        SplittableRandom r = new SplittableRandom(seed);
        int[][] q = new int[n][features];
        for (int[] row : q) {
            for (int i = 0; i < features; i++) {
                row[i] = r.nextInt(1 << bits);
            }
        }
        return q;
    }

    private static CompiledDesign compile(Mlp m, QuantSpec spec) {
        return DesignFlow.compileRetrained(m, DesignConfig.exact(ModelShape.of(m), spec), inputs(1, 64, m.inputs(), spec.inputBits()));
    }

    /** The case: 8-bit inputs, 16-bit weights, full-width activations, 3 and 4 hidden layers. */
    @Test
    void fullWidthDeepNetworksBeyondTheLimitAreRefusedNamingTheNeuron() {
        for (int hidden = 3; hidden <= 4; hidden++) {
            int[] sizes = new int[hidden + 1];
            java.util.Arrays.fill(sizes, 4);
            sizes[hidden] = 3;
            Mlp m = model(hidden, 6, sizes);
            UserError e = assertThrows(UserError.class, () -> compile(m, new QuantSpec(8, 16, 0)));
            assertTrue(e.getMessage().matches("layer \\d neuron \\d: the sum needs (6[3-9]|[7-9]\\d) bits; pmlp supports at most 62: .*"),
                    e.getMessage());
        }
    }

    /** Just below the limit the design compiles and every value's range is within 62 bits. */
    @Test
    void widthsUpToTheLimitAreAccepted() {
        CompiledDesign d = compile(model(2, 6, 4, 4, 3), new QuantSpec(8, 16, 0));
        int widest = 0;
        for (Node n : d.circuit().topologicalOrder()) {
            widest = Math.max(widest, n.width());
        }
        assertTrue(widest > 40 && widest <= WidthInference.MAX_BITS, "widest " + widest);
    }

    /** A bias aligned by more than 63 bits: exactly 0 (half up of a tiny fraction), not Java's shift modulo 64. */
    @Test
    void biasAlignmentIsExactForAnyShift() {
        Mlp m = model(5, 3, 3, 2);
        double[][] w = m.layer(0).weights();
        w[1][2] = 1e300; // the layer's grid becomes 2^-990: every other weight and bias rounds to 0
        CompiledDesign d = compile(m, new QuantSpec(4, 8, 8));
        Circuit c = d.circuit();
        for (SumNode s : c.sums(1)) {
            assertTrue(-c.minSourceExponent(s) < -63, "the case needs a right shift beyond 63: " + c.minSourceExponent(s));
            assertEquals(java.math.BigInteger.ZERO, c.exactAlignedBias(s));
            assertEquals(0, c.heapConstant(s));
        }
        int[][] q = inputs(2, 300, 3, 4);
        assertArrayEquals(ReferenceModel.of(d.model(), d.config(), inputs(1, 64, 3, 4)).classifyAll(q),
                d.program().classifyAll(q), "golden = reference on the 1e300 model");
    }

    @Test
    void tinyWeightsThatPushTheNextBiasBeyondTheLimitAreRefused() {
        Mlp m = model(6, 3, 3, 2);
        double[][] w = m.layer(0).weights();
        double[] b = m.layer(0).biases();
        for (int j = 0; j < w.length; j++) {
            b[j] = 1e-30 * b[j];
            for (int i = 0; i < w[j].length; i++) {
                w[j][i] *= 1e-30;
            }
        }
        UserError e = assertThrows(UserError.class, () -> compile(m, new QuantSpec(4, 8, 8)));
        assertTrue(e.getMessage().startsWith("layer 1 neuron "), e.getMessage());
    }
}
