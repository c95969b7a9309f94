package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.TestVectors;
import org.pmlp.eda.Tools;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;

/**
 * The Verilator harness feeds input ports of up to 64 and of more than 64 bits correctly:
 * the class depends on the last feature, whose bits sit at the top of the port, so a harness
 * that drops or misorders the high words disagrees with the golden model.
 */
class WidePortHarnessTest {
    @TempDir
    Path tmp;

    /** n features; class 1 when x[n-1] > x[0] (every other feature weighs a little, so it has ports). */
    private static Mlp model(int n) {
        double[][] w = new double[2][n];
        for (int i = 0; i < n; i++) {
            w[0][i] = 0.01;
            w[1][i] = 0.01;
        }
        w[0][0] = 1;
        w[1][n - 1] = 1;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("f" + i);
        }
        return new Mlp(names, List.of("a", "b"), new InputScaler.Identity(),
                List.of(new DenseLayer(w, new double[2], Activation.SOFTMAX)), null, Map.of());
    }

    @Test
    void harnessDrivesPortsOfEveryWidth() {
        for (String tool : List.of("verilator", "make", "g++")) {
            if (Tools.which(tool) == null) {
                if (System.getenv("CI") != null) {
                    fail(tool + " is not installed: the harness test needs it under CI");
                }
                System.err.println("SKIPPED: " + tool + " is not installed");
                Assumptions.assumeTrue(false, tool + " not installed");
            }
        }
        for (int features : new int[] {7, 13}) { // 56 and 104 port bits (up to 32 is covered everywhere else)
            Mlp m = model(features);
            CompiledDesign d = DesignFlow.compileRetrained(m, DesignConfig.exact(ModelShape.of(m), new QuantSpec(8, 16, 8)), null);
            TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 200, features);
            Path dir = tmp.resolve("f" + features);
            RtlDesign rtl = DesignWriter.write(d, v, dir, null, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
            assertEquals(8 * features, rtl.ports().width(), "every input bit is a port");
            int ones = 0;
            for (int g : v.golden()) {
                ones += g;
            }
            assertTrue(ones > 20 && ones < v.size() - 20, "both classes occur: " + ones);
            int[] predicted = VerilatorSimulation.run(dir, 600).predicted();
            assertArrayEquals(v.golden(), predicted, features * 8 + "-bit input port");
        }
    }
}
