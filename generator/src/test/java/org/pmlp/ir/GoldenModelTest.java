package org.pmlp.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.testutil.SyntheticData;
import org.pmlp.model.TrainingOptions;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;

class GoldenModelTest {
    @Test
    void exactDesignAgreesWithTheFloatModel() {
        Dataset all = SyntheticData.blobs(600, 4);
        StratifiedSplit.Parts p = StratifiedSplit.split(all, 0.3, 1);
        Mlp m = MlpTraining.train(p.first(), InputScaler.MinMax.fit(p.first().x(), 0, 0.9),
                TrainingOptions.defaults(new int[] {5}, 2), Map.of());
        CompiledDesign d = DesignFlow.compile(m, DesignConfig.exact(ModelShape.of(m), new QuantSpec(6, 10, 0)), p.first(), 1);
        QuantizedData test = QuantizedData.of(p.second(), m.scaler(), d.config().spec().inputQuantizer());
        int[] golden = d.program().classifyAll(test.q());
        int agree = 0;
        for (int i = 0; i < golden.length; i++) {
            if (golden[i] == m.predict(p.second().row(i))) {
                agree++;
            }
        }
        double rate = (double) agree / golden.length;
        assertTrue(rate >= 0.97, "golden model agrees with the float model on " + rate + " of the test set");
    }

    @Test
    void literatureBaselineFormatsStayCloseToFloatAccuracy() {
        Dataset all = SyntheticData.blobs(600, 9);
        StratifiedSplit.Parts p = StratifiedSplit.split(all, 0.3, 1);
        Mlp m = MlpTraining.train(p.first(), InputScaler.MinMax.fit(p.first().x(), 0, 0.9),
                TrainingOptions.defaults(new int[] {3}, 2), Map.of());
        CompiledDesign d = DesignFlow.compile(m, DesignConfig.exact(ModelShape.of(m), QuantSpec.DEFAULT), p.first(), 1);
        QuantizedData test = QuantizedData.of(p.second(), m.scaler(), d.config().spec().inputQuantizer());
        int ok = d.program().countCorrect(test.q(), test.labels(), 0, test.rows(), d.program().scratch());
        double golden = (double) ok / test.rows();
        assertTrue(golden >= m.accuracy(p.second()) - 0.05, "4-bit inputs, 8-bit weights: " + golden);
    }

    @Test
    void widthsBoundEveryObservedValue() {
        for (long seed = 1; seed <= 100; seed++) {
            var s = org.pmlp.design.RandomDesigns.sample(seed);
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            Program.Scratch sc = d.program().scratch();
            for (int[] q : s.calibration()) {
                d.program().classify(q, sc);
                for (Node n : d.circuit().topologicalOrder()) {
                    if (n instanceof ArgmaxNode) {
                        continue;
                    }
                    long v = sc.values()[d.program().slotOf(n)];
                    assertTrue(v >= n.lo() && v <= n.hi(), n + " = " + v + " outside [" + n.lo() + ", " + n.hi() + "]");
                }
            }
        }
    }

    /**
     * Without an argmax section the class is the exact argmax of the output values the golden
     * model computed, the lowest index winning ties.
     */
    @Test
    void exactArgmaxPicksTheLowestIndexOfTheLargestOutput() {
        int checked = 0;
        int ties = 0;
        for (long seed = 1; seed <= 200; seed++) {
            var s = org.pmlp.design.RandomDesigns.sample(seed);
            if (s.config().pass(org.pmlp.approx.ArgmaxPass.NAME) != null) {
                continue;
            }
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            Program.Scratch sc = d.program().scratch();
            int last = d.circuit().layers() - 1;
            for (int[] q : s.calibration()) {
                int cls = d.program().classify(q, sc);
                long best = Long.MIN_VALUE;
                int expected = -1;
                int atBest = 0;
                for (ActNode a : d.circuit().acts(last)) {
                    long v = sc.values()[d.program().slotOf(a)];
                    if (v > best) {
                        best = v;
                        expected = a.neuron();
                        atBest = 1;
                    } else if (v == best) {
                        atBest++;
                    }
                }
                assertEquals(expected, cls, "seed " + seed);
                checked++;
                ties += atBest > 1 ? 1 : 0;
            }
        }
        assertTrue(checked > 1000 && ties > 10, checked + " vectors, " + ties + " with tied outputs");
    }
}
