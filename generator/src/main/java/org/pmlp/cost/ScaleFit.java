package org.pmlp.cost;

/**
 * Fits {@code y ~ scale * sum_i f_i x_i c_i}: {@code c_i} is what feature i's library cells cost
 * (area or leakage), {@code scale} the one least-squares scale of the library (synthesis maps and
 * optimizes, so a design's cells are not the emitted gates one for one), and {@code f_i} a factor
 * per feature bounded to [{@link #FACTOR_MIN}, {@link #FACTOR_MAX}]: what synthesis makes of that
 * gate kind relative to the others. The bounds keep every feature's cost within a factor of two
 * of its cells' (no gate is free, as an unbounded fit made collinear ones), while letting the
 * fit see, e.g., that ABC builds most XORs from NAND2 rather than the large XOR2 cell.
 */
public final class ScaleFit {
    public static final double FACTOR_MIN = 0.5;
    public static final double FACTOR_MAX = 2.0;

    /** @param factor per feature, in [FACTOR_MIN, FACTOR_MAX] */
    public record Result(double scale, double[] factor) {
    }

    private ScaleFit() {
    }

    public static Result fit(double[][] x, double[] cells, double[] y) {
        int n = x.length;
        int k = cells.length;
        double[][] priced = new double[n][k];
        double num = 0;
        double den = 0;
        for (int r = 0; r < n; r++) {
            double t = 0;
            for (int i = 0; i < k; i++) {
                priced[r][i] = x[r][i] * cells[i];
                t += priced[r][i];
            }
            num += t * y[r];
            den += t * t;
        }
        double scale = num / den;
        double[][] scaled = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < k; i++) {
                scaled[r][i] = scale * priced[r][i];
            }
        }
        return new Result(scale, Fit.boundedLeastSquares(scaled, y, FACTOR_MIN, FACTOR_MAX, 1.0));
    }
}
