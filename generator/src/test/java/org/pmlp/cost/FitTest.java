package org.pmlp.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calibration's statistics against values worked out by hand. */
class FitTest {
    @Test
    void boundedLeastSquaresRecoversCoefficientsAndClampsToTheBox() {
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[40][3];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < 3; k++) {
                x[i][k] = r.nextInt(50);
            }
            y[i] = 3 * x[i][0] + 0.5 * x[i][1] + 7 * x[i][2];
        }
        assertArrayEquals(new double[] {3, 0.5, 7}, Fit.boundedLeastSquares(x, y, 0, Double.POSITIVE_INFINITY, 0), 1e-6);
        // The unconstrained fit would give the second feature a negative cost: it is held at 0 instead.
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 7 * x[i][2];
        }
        double[] b = Fit.boundedLeastSquares(x, y, 0, Double.POSITIVE_INFINITY, 0);
        assertEquals(0, b[1], 0);
        assertTrue(b[0] > 0 && b[2] > 0);
        // A feature that never occurs keeps coefficient 0.
        double[][] z = {{1, 0}, {2, 0}, {3, 0}};
        assertArrayEquals(new double[] {2, 0}, Fit.boundedLeastSquares(z, new double[] {2, 4, 6}, 0,
                Double.POSITIVE_INFINITY, 0), 1e-9);
        // An upper bound holds too (the cost model's factors lie in [0.5, 2]), and the others make up for it.
        for (int i = 0; i < x.length; i++) {
            y[i] = 3 * x[i][0] + 0.5 * x[i][1] + 7 * x[i][2];
        }
        double[] c = Fit.boundedLeastSquares(x, y, 0.5, 5, 1);
        assertEquals(5, c[2], 0);
        assertTrue(c[0] > 3 || c[1] > 0.5, java.util.Arrays.toString(c));
    }

    @Test
    void spearmanRanksWithTiesAveraged() {
        assertEquals(1, Fit.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 400}), 1e-12);
        assertEquals(-1, Fit.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Fit.ranks(new double[] {1, 5, 5, 9}), 0);
        // ranks a = 1 2 3 4 5, b = 2 1 4 3 5: rho = 1 - 6 * 4 / (5 * 24) = 0.8
        assertEquals(0.8, Fit.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
        assertEquals(0, Fit.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}), 0, "no variation: 0");
    }

    @Test
    void medianRelativeError() {
        assertEquals(0.1, Fit.medianRelativeError(new double[] {110, 50, 95}, new double[] {100, 100, 100}), 1e-12);
        assertEquals(0.075, Fit.medianRelativeError(new double[] {110, 95}, new double[] {100, 100}), 1e-12);
        assertTrue(Double.isNaN(Fit.medianRelativeError(new double[0], new double[0])));
    }
}
