package org.pmlp.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;

class ScalerFoldingTest {
    private static final Random RND = new Random(5);

    private static double[] randoms(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + RND.nextDouble() * (hi - lo);
        }
        return v;
    }

    private static DenseLayer layer(int in, int out, Activation a) {
        double[][] w = new double[out][];
        for (int j = 0; j < out; j++) {
            w[j] = randoms(in, -2, 2);
        }
        return new DenseLayer(w, randoms(out, -1, 1), a);
    }

    private static ImportedModel model(SourceScaler s) {
        return new ImportedModel("test", "m", null, null, s, List.of(layer(4, 5, Activation.RELU),
                layer(5, 3, Activation.SOFTMAX)), Map.of());
    }

    private static Dataset data(int rows, double[] lo, double[] hi) {
        double[][] x = new double[rows][];
        for (int i = 0; i < rows; i++) {
            x[i] = new double[lo.length];
            for (int f = 0; f < lo.length; f++) {
                x[i][f] = lo[f] + RND.nextDouble() * (hi[f] - lo[f]);
            }
        }
        return new Dataset(x, new int[rows], List.of("a", "b", "c", "d"), List.of("0", "1", "2"));
    }

    /** The folded model's output-layer values equal the source model's, on raw inputs. */
    private static void sameScores(ImportedModel im, Mlp m, double[][] rows) {
        for (double[] r : rows) {
            double[] want = im.scores(r);
            double[] got = m.forwardScaled(m.scaler().apply(r));
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], got[k], 1e-9 * (1 + Math.abs(want[k])));
            }
        }
    }

    @Test
    void standardScalerFoldsUnderFittedMinMax() {
        double[] lo = {-5, 0, 100, 0.01};
        double[] hi = {5, 1, 300, 0.02};
        ImportedModel im = model(SourceScaler.standard("StandardScaler", new double[] {0, 0.5, 200, 0.015},
                new double[] {3, 0.3, 60, 0.003}));
        Dataset train = data(200, lo, hi);
        Mlp m = ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.AUTO, train));
        InputScaler.MinMax s = assertInstanceOf(InputScaler.MinMax.class, m.scaler());
        assertEquals(0, s.lo());
        assertEquals(0.9, s.hi());
        for (double[] r : train.x()) {
            for (double u : s.apply(r)) {
                assertTrue(u >= 0 && u <= 0.9 + 1e-12);
            }
        }
        sameScores(im, m, train.x());
        assertTrue(m.activationMax() != null, "activation maxima measured on the training data");
    }

    @Test
    void ownMinMaxRangeIsReused() {
        double[] min = {1, 2, 3, 4};
        double[] max = {2, 4, 6, 8};
        double[] scale = new double[4];
        double[] offset = new double[4];
        for (int i = 0; i < 4; i++) {
            scale[i] = 1 / (max[i] - min[i]);
            offset[i] = -min[i] * scale[i];
        }
        ImportedModel im = model(new SourceScaler("MinMaxScaler", scale, offset, min, max));
        Mlp m = ModelImport.toMlp(im, ImportOptions.defaults());
        InputScaler.MinMax s = assertInstanceOf(InputScaler.MinMax.class, m.scaler());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), java.util.Arrays.stream(s.min()).boxed().toList());
        sameScores(im, m, data(100, min, max).x());
    }

    @Test
    void constantTrainingFeatureKeepsItsValue() {
        double[] lo = {0, 7, 0, 0};
        double[] hi = {1, 7, 1, 1};
        ImportedModel im = model(SourceScaler.standard("StandardScaler", new double[] {0.5, 7, 0.5, 0.5},
                new double[] {0.3, 1, 0.3, 0.3}));
        Dataset train = data(50, lo, hi);
        Mlp m = ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.MINMAX, train));
        sameScores(im, m, train.x());
    }

    @Test
    void noneFoldsTheOwnScalerAndTakesRawFeatures() {
        ImportedModel im = model(SourceScaler.standard("StandardScaler", randoms(4, -1, 1), randoms(4, 0.5, 2)));
        Mlp m = ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.NONE, null));
        assertInstanceOf(InputScaler.Identity.class, m.scaler());
        sameScores(im, m, data(100, new double[] {0, 0, 0, 0}, new double[] {0.9, 0.9, 0.9, 0.9}).x());
    }

    @Test
    void modelWithoutScalerAndNoData() {
        ImportedModel im = model(null);
        UserError e = assertThrows(UserError.class, () -> ModelImport.toMlp(im, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("--scaler minmax") && e.getMessage().contains("--scaler none"), e.getMessage());
        e = assertThrows(UserError.class, () -> ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.MINMAX, null)));
        assertTrue(e.getMessage().contains("--train"), e.getMessage());
        Mlp m = ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.MINMAX,
                data(30, new double[] {-3, 0, 0, 10}, new double[] {3, 1, 5, 20})));
        sameScores(im, m, data(30, new double[] {-3, 0, 0, 10}, new double[] {3, 1, 5, 20}).x());
    }

    @Test
    void standardScalerWithoutDataAsksForIt() {
        ImportedModel im = model(SourceScaler.standard("StandardScaler", new double[4], new double[] {1, 1, 1, 1}));
        UserError e = assertThrows(UserError.class, () -> ModelImport.toMlp(im, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("StandardScaler") && e.getMessage().contains("--train FILE"), e.getMessage());
    }

    @Test
    void trainingDataMustHaveTheModelsFeatureCount() {
        ImportedModel im = model(null);
        Dataset three = new Dataset(new double[][] {{1, 2, 3}}, new int[1], List.of("a", "b", "c"), List.of("0", "1", "2"));
        UserError e = assertThrows(UserError.class,
                () -> ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.MINMAX, three)));
        assertTrue(e.getMessage().contains("takes 4 features") && e.getMessage().contains("has 3"), e.getMessage());
    }

    @Test
    void binaryLogitTieGoesToClassZero() {
        DenseLayer logit = new DenseLayer(new double[][] {{1, -1}}, new double[] {0}, Activation.IDENTITY);
        DenseLayer two = BinaryLogit.twoClass(logit);
        double[] out = new double[2];
        two.forward(new double[] {0.5, 0.5}, out);
        assertEquals(0, Mlp.argmax(out), "logit 0 is sigmoid 0.5, which sklearn does not call class 1");
        two.forward(new double[] {0.5, 0.49}, out);
        assertEquals(1, Mlp.argmax(out));
        two.forward(new double[] {0.49, 0.5}, out);
        assertEquals(0, Mlp.argmax(out));
    }

    @Test
    void labelsAreReencodedOntoTheModelsClasses() {
        Dataset d = new Dataset(new double[][] {{0}, {1}, {2}}, new int[] {0, 1, 1}, List.of("f"), List.of("1", "2"));
        Dataset a = ClassAlignment.align(d, List.of("2.0", "1.0", "3.0"), "d.csv");
        assertEquals(List.of("2.0", "1.0", "3.0"), a.classLabels());
        assertEquals(List.of(1, 0, 0), java.util.Arrays.stream(a.y()).boxed().toList());
        UserError e = assertThrows(UserError.class, () -> ClassAlignment.align(d, List.of("a", "b"), "d.csv"));
        assertTrue(e.getMessage().startsWith("d.csv: label '1'"), e.getMessage());
    }
}
