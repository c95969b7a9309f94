package org.pmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.testutil.SyntheticData;

class TrainerTest {
    @Test
    void learnsSeparableDataAndIsDeterministic() {
        Dataset d = SyntheticData.blobs(300, 1);
        InputScaler s = InputScaler.MinMax.fit(d.x(), 0, 0.9);
        Mlp a = MlpTraining.train(d, s, TrainingOptions.defaults(new int[] {4}, 5), Map.of());
        Mlp b = MlpTraining.train(d, s, TrainingOptions.defaults(new int[] {4}, 5), Map.of());
        assertTrue(a.accuracy(d) > 0.95, "accuracy " + a.accuracy(d));
        assertArrayEquals(a.layer(0).weights()[0], b.layer(0).weights()[0], "same seed, same weights");
    }

    @Test
    void oneClassIsAUserError() {
        Dataset d = SyntheticData.blobs(30, 2);
        Dataset one = new Dataset(d.x(), new int[30], d.featureNames(), List.of("only"));
        UserError e = assertThrows(UserError.class, () -> MlpTraining.train(one, new InputScaler.Identity(),
                TrainingOptions.defaults(new int[] {2}, 1), Map.of()));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
    }

    /** Noisy blobs (overlapping, so validation and training accuracy differ) plus one row of a fourth class. */
    private static Dataset withSingleRowClass() {
        Dataset d = SyntheticData.blobs(120, 3);
        double[][] x = java.util.Arrays.copyOf(d.x(), d.rows() + 1);
        int[] y = java.util.Arrays.copyOf(d.y(), d.rows() + 1);
        x[d.rows()] = new double[] {5, 5, 5, 5};
        y[d.rows()] = 3;
        for (int i = 0; i < d.rows(); i++) {
            x[i] = x[i].clone();
            x[i][1] += (i % 7) * 0.4; // more overlap between the classes
        }
        return new Dataset(x, y, d.featureNames(), List.of("0", "1", "2", "3"));
    }

    @Test
    void aClassWithOneRowDoesNotTurnTheValidationSplitOff() {
        // Arrhythmia's training split has a class with one row; the trainer used to watch the training
        // rows then (validation accuracy 0.95, test 0.56). The validation rows are the stratified split's.
        Dataset d = withSingleRowClass();
        TrainingOptions o = TrainingOptions.defaults(new int[] {3}, 4).regularized(1, 0.2, new double[] {0},
                new double[] {0}, false);
        Mlp m = MlpTraining.train(d, new InputScaler.Identity(), o, Map.of());
        Dataset val = StratifiedSplit.split(d, 0.2, 4).second();
        assertTrue(val.rows() > 0 && val.rows() < d.rows(), "rows held out: " + val.rows());
        assertEquals(m.accuracy(val), (double) m.provenance().get("validation_accuracy"), 1e-12,
                "the validation accuracy is measured on the held-out rows");
    }

    @Test
    void theGridKeepsTheSettingsBestOnValidation() {
        Dataset d = withSingleRowClass();
        double[] decays = {0, 0.01, 0.1};
        double[] dropouts = {0, 0.3};
        TrainingOptions grid = TrainingOptions.defaults(new int[] {3}, 2).regularized(2, 0.25, decays, dropouts, false);
        Trainer.Result chosen = train(d, grid);
        double bestAcc = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double p : dropouts) {
            for (double l : decays) {
                Trainer.Result one = train(d, grid.regularized(2, 0.25, new double[] {l}, new double[] {p}, false));
                if (one.validationAccuracy() > bestAcc
                        || one.validationAccuracy() == bestAcc && one.validationLoss() < bestLoss) {
                    bestAcc = one.validationAccuracy();
                    bestLoss = one.validationLoss();
                }
                assertTrue(one.validationAccuracy() <= chosen.validationAccuracy(), "setting " + l + "/" + p);
            }
        }
        assertEquals(bestAcc, chosen.validationAccuracy(), 0);
        assertEquals(bestLoss, chosen.validationLoss(), 0);
    }

    @Test
    void weightDecayShrinksTheWeightsAndDropoutIsSeeded() {
        Dataset d = SyntheticData.blobs(200, 5);
        TrainingOptions base = TrainingOptions.defaults(new int[] {4}, 1);
        double plain = squaredWeights(train(d, base.regularized(1, 0.15, new double[] {0}, new double[] {0}, false)));
        double decayed = squaredWeights(train(d, base.regularized(1, 0.15, new double[] {0.05}, new double[] {0},
                false)));
        assertTrue(decayed < 0.5 * plain, "sum of squared weights " + decayed + " vs " + plain + " without decay");
        TrainingOptions dropout = base.regularized(1, 0.15, new double[] {0}, new double[] {0.3}, false);
        Trainer.Result a = train(d, dropout);
        Trainer.Result b = train(d, dropout);
        assertArrayEquals(a.layers().get(0).weights()[1], b.layers().get(0).weights()[1], "same seed, same weights");
        assertFalse(java.util.Arrays.equals(a.layers().get(0).weights()[1], train(d, base.regularized(1, 0.15,
                new double[] {0}, new double[] {0}, false)).layers().get(0).weights()[1]), "dropout changes training");
    }

    @Test
    void refitTrainsTheChosenSettingsOnAllRows() {
        Dataset d = withSingleRowClass();
        TrainingOptions chosenOnly = TrainingOptions.defaults(new int[] {3}, 6).regularized(1, 0.2,
                new double[] {0.001}, new double[] {0}, false);
        Trainer.Result kept = train(d, chosenOnly);
        Trainer.Result refit = train(d, chosenOnly.regularized(1, 0.2, new double[] {0.001}, new double[] {0}, true));
        assertEquals(kept.epochs(), refit.epochs(), "refit runs the epochs the chosen run needed");
        assertFalse(java.util.Arrays.equals(kept.layers().get(0).weights()[0], refit.layers().get(0).weights()[0]));
    }

    private static Trainer.Result train(Dataset d, TrainingOptions o) {
        return new Trainer(o).train(d.x(), d.y(), d.classes());
    }

    private static double squaredWeights(Trainer.Result r) {
        double s = 0;
        for (DenseLayer l : r.layers()) {
            for (double[] row : l.weights()) {
                for (double v : row) {
                    s += v * v;
                }
            }
        }
        return s;
    }
}
