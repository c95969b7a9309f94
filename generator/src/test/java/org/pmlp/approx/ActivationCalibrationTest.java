package org.pmlp.approx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.Program;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.testutil.Shared;

/**
 * A calibrated hidden window is the lowest one that holds the largest sum observed on the
 * calibration data: it covers the observed range (no calibration row saturates) and one bit
 * lower would not.
 */
class ActivationCalibrationTest {
    @Test
    void calibratedWindowsCoverTheObservedRangeAndNoMore() {
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        Dataset all = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        Dataset train = StratifiedSplit.split(all, 0.3, 1).first();
        int[][] q = QuantizedData.of(train, model.scaler(), QuantSpec.DEFAULT.inputQuantizer()).q();
        for (int bits : new int[] {3, 5, 8}) {
            // One window per neuron (a list), so each is calibrated on its own sum.
            Window[] perNeuron = new Window[model.layer(0).outputs()];
            java.util.Arrays.fill(perNeuron, Window.ofBits(bits));
            DesignConfig c = DesignConfig.exact(ModelShape.of(model), QuantSpec.DEFAULT)
                    .with(new ActivationPass(new Window[][] {perNeuron}, ActNode.Kind.IDENTITY, Window.of(0, 0)));
            CompiledDesign d = DesignFlow.compileRetrained(model, c, q);
            Program p = d.program();
            Program.Scratch s = p.scratch();
            List<ActNode> acts = d.circuit().acts(0);
            long[] max = new long[acts.size()];
            for (int[] row : q) {
                p.classify(row, s);
                for (int j = 0; j < acts.size(); j++) {
                    max[j] = Math.max(max[j], s.values()[p.slotOf(d.circuit().sumOf(acts.get(j)))]);
                }
            }
            for (int j = 0; j < acts.size(); j++) {
                ActNode a = acts.get(j);
                assertEquals(bits, a.windowBits(), "window width");
                assertTrue(max[j] >> a.lsb() < 1L << bits, "neuron " + j + ": max " + max[j] + " saturates window ["
                        + a.msb() + ":" + a.lsb() + "]");
                if (a.lsb() > 0) {
                    assertTrue(max[j] >> (a.lsb() - 1) >= 1L << bits, "neuron " + j + ": max " + max[j]
                            + " would fit one bit lower than [" + a.msb() + ":" + a.lsb() + "]");
                }
            }
        }
    }
}
