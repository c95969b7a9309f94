package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.data.Dataset;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.RandomDesigns;
import org.pmlp.design.TestVectors;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.TrainingOptions;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.quant.TernaryFormat;
import org.pmlp.quant.WeightFormat;
import org.pmlp.reference.ReferenceModel;


import org.pmlp.testutil.RequiredTools;
import org.pmlp.testutil.SyntheticData;

/**
 * A network without a hidden layer (bench's topology 0: the output layer on the inputs, a linear
 * classifier) is trained, generated exact and with ternary weights (quantization-aware) on 1-bit
 * inputs, and its golden model, the independent reference model, the emitted gates and the
 * Verilator co-simulation of its RTL all agree.
 */
class NoHiddenLayerTest {
    @TempDir
    Path tmp;

    private static final QuantSpec SPEC = new QuantSpec(4, 8, 8);

    private static Mlp linear(Dataset train) {
        Mlp m = MlpTraining.train(train, InputScaler.MinMax.fit(train.x(), 0, 0.9), new TrainingOptions(new int[0], 3, 200, 30, 32,
                0.01, 0.15, 1), Map.of());
        assertEquals(1, m.layers().size(), "no hidden layer");
        assertEquals("4-3", m.topology());
        return m;
    }

    private static List<DesignConfig> configs(Mlp m) {
        DesignConfig exact = DesignConfig.exact(ModelShape.of(m), SPEC);
        DesignConfig ternary = new DesignConfig(SPEC, List.of(
                new WeightFormatPass(new WeightFormat[] {new TernaryFormat(8)}, 20),
                new InputBitsPass(new int[] {1, 1, 1, 1})));
        return List.of(exact, ternary);
    }

    @Test
    void goldenReferenceAndGatesAgree() {
        Dataset train = SyntheticData.blobs(240, 5);
        Mlp m = linear(train);
        assertTrue(m.accuracy(train) > 0.8, "a linear classifier separates the blobs: " + m.accuracy(train));
        for (DesignConfig c : configs(m)) {
            CompiledDesign d = DesignFlow.compile(m, c, train, 7);
            int[][] q = QuantizedData.of(train, d.model().scaler(), SPEC.inputQuantizer()).q();
            TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 200, 11);
            int[][] all = concat(q, v.q());
            int[] golden = d.program().classifyAll(all);
            int[] reference = ReferenceModel.of(d.model(), d.config(), q).classifyAll(all);
            assertArrayEquals(golden, reference, "reference model, " + c.toJson());
            for (HeapStyle style : HeapStyle.values()) {
                assertArrayEquals(golden, VerilogEmitter.emulate(d.circuit(), style, all), style + ", " + c.toJson());
            }
            long correct = 0;
            for (int i = 0; i < q.length; i++) {
                correct += golden[i] == train.y()[i] ? 1 : 0;
            }
            assertTrue(correct > q.length / 2, "the design still classifies: " + correct + " of " + q.length);
        }
    }

    @Test
    void rtlCoSimulatesBitExact() {
        RequiredTools.require("verilator", "make", "g++");
        Dataset train = SyntheticData.blobs(240, 5);
        Mlp m = linear(train);
        int k = 0;
        for (DesignConfig c : configs(m)) {
            CompiledDesign d = DesignFlow.compile(m, c, train, 7);
            TestVectors v = TestVectors.build(d.circuit(), d.program(),
                    QuantizedData.of(train, d.model().scaler(), SPEC.inputQuantizer()), 100, 13);
            Path dir = tmp.resolve("d" + k++);
            DesignWriter.write(d, v, dir, null, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
            int[] predicted = VerilatorSimulation.run(dir, 600).predicted();
            assertArrayEquals(v.golden(), predicted, "Verilator vs golden, " + c.toJson());
        }
    }

    @Test
    void randomSmallDesignsIncludeLinearClassifiers() {
        int linear = 0;
        for (long seed = 1; seed <= 300; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed);
            if (s.model().layers().size() == 1) {
                linear++;
                CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
                TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 100, seed);
                int[] reference = ReferenceModel.of(d.model(), d.config(), s.calibration()).classifyAll(v.q());
                assertArrayEquals(v.golden(), reference, "seed " + seed);
            }
        }
        // selfcheck's small profile and the emitter equivalence test (seeds 1..300) cover them
        assertTrue(linear >= 20, "linear classifiers among 300 small samples: " + linear);
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] out = new int[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
