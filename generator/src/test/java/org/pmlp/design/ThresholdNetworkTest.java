package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.Program;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.ModelJson;
import org.pmlp.model.TrainingOptions;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.InputQuantizer;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.quant.WeightGrid;
import org.pmlp.testutil.Shared;
import org.pmlp.util.Json;

/**
 * Networks of threshold neurons (hidden activation STEP): trained with a straight-through
 * gradient and without output biases, and built as 1-bit windows [0:0] whose golden values are
 * exactly the trained neurons on the quantized inputs and grid-rounded weights.
 */
class ThresholdNetworkTest {

    private static Dataset wine() {
        return CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults()).dataset();
    }

    private static Mlp train(Dataset d) {
        TrainingOptions o = TrainingOptions.defaults(new int[] {4}, 1).thresholdNeurons();
        return MlpTraining.train(d, InputScaler.MinMax.fit(d.x(), 0, 0.9), o, Map.of());
    }

    @Test
    void trainsThresholdNeuronsWithoutOutputBiases() {
        Dataset d = wine();
        Mlp m = train(d);
        assertEquals(Activation.STEP, m.layer(0).activation());
        for (double b : m.layer(1).biases()) {
            assertEquals(0.0, b, "no output bias after threshold neurons");
        }
        double majority = 0;
        for (int c : d.classCounts()) {
            majority = Math.max(majority, (double) c / d.rows());
        }
        double acc = m.accuracy(d);
        assertTrue(acc > majority + 0.3, "training accuracy " + acc + " (majority class " + majority + ")");
        // Every hidden output is 0 or 1.
        double[] h = new double[4];
        m.layer(0).forward(m.scaler().apply(d.row(0)), h);
        for (double v : h) {
            assertTrue(v == 0 || v == 1, "step output " + v);
        }
    }

    @Test
    void theCircuitComputesTheTrainedNeurons() {
        Dataset d = wine();
        Mlp m = train(d);
        QuantSpec spec = QuantSpec.DEFAULT;
        DesignConfig config = DesignConfig.exact(ModelShape.of(m), spec);
        ActivationPass act = config.pass(ActivationPass.NAME);
        assertEquals(ActivationPass.THRESHOLD, act.hidden()[0][0], "threshold layers get the window [0:0]");
        CompiledDesign c = DesignFlow.compileRetrained(m, config, null);
        Program p = c.program();
        Program.Scratch s = p.scratch();
        InputQuantizer iq = spec.inputQuantizer();
        QuantizedData q = QuantizedData.of(d, m.scaler(), iq);
        DenseLayer l0 = m.layer(0);
        DenseLayer l1 = m.layer(1);
        WeightGrid g0 = new FixedFormat(spec.weightBits()).fit(l0.weights(), l0.biases());
        WeightGrid g1 = new FixedFormat(spec.weightBits()).fit(l1.weights(), l1.biases());
        int agree = 0;
        int decided = 0;
        for (int r = 0; r < q.rows(); r++) {
            int predicted = p.classify(q.q()[r], s);
            double[] x = iq.dequantize(m.scaler().apply(d.row(r)));
            int[] hidden = new int[l0.outputs()];
            for (int j = 0; j < hidden.length; j++) {
                double z = g0.value(g0.roundBias(l0.biases()[j]));
                for (int i = 0; i < x.length; i++) {
                    z += g0.value(g0.round(l0.weights()[j][i])) * x[i];
                }
                hidden[j] = z > 0 ? 1 : 0;
                ActNode a = c.circuit().acts(0).get(j);
                assertEquals(hidden[j], s.values()[p.slotOf(a)], "row " + r + " neuron " + j);
            }
            // The scores are integer sums of the rounded output weights over the hidden bits.
            long best = Long.MIN_VALUE;
            int bestClass = -1;
            boolean tie = false;
            for (int k = 0; k < l1.outputs(); k++) {
                long score = 0;
                for (int j = 0; j < hidden.length; j++) {
                    score += g1.round(l1.weights()[k][j]) * hidden[j];
                }
                if (score > best) {
                    best = score;
                    bestClass = k;
                    tie = false;
                } else if (score == best) {
                    tie = true;
                }
            }
            if (!tie) {
                decided++;
                agree += predicted == bestClass ? 1 : 0;
            }
        }
        assertTrue(decided > q.rows() / 2, "rows without a tie: " + decided);
        assertEquals(decided, agree, "the argmax of the circuit is the network's wherever the scores have one winner");
    }

    @Test
    void modelFilesKeepStepAndRefuseBiasesAfterIt() throws Exception {
        Mlp m = train(wine());
        var json = ModelJson.toJson(m);
        Mlp back = ModelJson.parse(Json.of("model.json", json));
        assertEquals(Activation.STEP, back.layer(0).activation());
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("layers").get(1).get("biases")).set(0, 0.5);
        UserError e = assertThrows(UserError.class, () -> ModelJson.parse(Json.of("model.json", json)));
        assertTrue(e.getMessage().contains("no biases"), e.getMessage());
    }
}
