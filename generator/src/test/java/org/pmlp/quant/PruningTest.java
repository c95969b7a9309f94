package org.pmlp.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.PruningPass;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.ir.Connection;
import org.pmlp.ir.SumNode;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;

/** Pruning removes exactly floor(fraction x n) weights; equal magnitudes go by neuron, then input. */
class PruningTest {
    @Test
    void tiesGoInNeuronThenInputOrder() {
        double[][] w = {{0.5, -0.1, 0.1}, {0.1, 0.9, -0.1}};
        // Four weights of magnitude 0.1 tie for the 3 removals (floor(0.5 x 6)): the first three in order.
        boolean[][] r = Pruning.removed(w, 0.5);
        assertArrayEquals(new boolean[] {false, true, true}, r[0]);
        assertArrayEquals(new boolean[] {true, false, false}, r[1]);
        assertEquals(0, count(Pruning.removed(w, 0.16)), "floor(0.96) = 0");
        assertEquals(6, count(Pruning.removed(w, 1.0)));
    }

    @Test
    void theCircuitPrunesTheSameConnections() {
        double[][] w0 = {{0.5, -0.25, 0.25}, {0.25, 0.75, -0.25}};
        double[][] w1 = {{0.5, -0.5}, {0.25, 0.5}};
        Mlp m = new Mlp(List.of("a", "b", "c"), List.of("x", "y"), new InputScaler.Identity(),
                List.of(new DenseLayer(w0, new double[] {0, 0}, Activation.RELU),
                        new DenseLayer(w1, new double[] {0, 0}, Activation.IDENTITY)), null, java.util.Map.of());
        CompiledDesign d = DesignFlow.compileRetrained(m, DesignConfig.exact(ModelShape.of(m), QuantSpec.DEFAULT)
                .with(new PruningPass(new double[] {0.5, 0.5})), null);
        for (int l = 0; l < 2; l++) {
            boolean[][] expected = Pruning.removed(l == 0 ? w0 : w1, 0.5);
            List<SumNode> sums = d.circuit().sums(l);
            for (int j = 0; j < sums.size(); j++) {
                List<Connection> ks = d.circuit().connections(sums.get(j));
                for (int i = 0; i < ks.size(); i++) {
                    assertEquals(expected[j][i], ks.get(i).weight() == 0, "layer " + l + " neuron " + j + " input " + i);
                }
            }
        }
    }

    private static int count(boolean[][] b) {
        int n = 0;
        for (boolean[] row : b) {
            for (boolean x : row) {
                n += x ? 1 : 0;
            }
        }
        return n;
    }
}
