package org.pmlp.cost;

import java.util.Arrays;

/** Small statistics for calibration: box-constrained least squares, Spearman's rho, median error. */
public final class Fit {
    private Fit() {
    }

    /**
     * Least squares {@code min |X b - y|^2} with every {@code b_j} in [lo, hi], by cyclic
     * coordinate descent from {@code b_j = start} (each step the exact minimum along one
     * coordinate, clamped to the box; the objective is convex, so this converges).
     */
    public static double[] boundedLeastSquares(double[][] x, double[] y, double lo, double hi, double start) {
        int n = x.length;
        int k = x[0].length;
        double[] b = new double[k];
        java.util.Arrays.fill(b, start);
        double[] residual = y.clone();
        double[] norm = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                residual[i] -= x[i][j] * start;
                norm[j] += x[i][j] * x[i][j];
            }
        }
        for (int iter = 0; iter < 100_000; iter++) {
            double change = 0;
            for (int j = 0; j < k; j++) {
                if (norm[j] == 0) {
                    continue;
                }
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += x[i][j] * residual[i];
                }
                double nb = Math.min(hi, Math.max(lo, b[j] + g / norm[j]));
                double d = nb - b[j];
                if (d != 0) {
                    for (int i = 0; i < n; i++) {
                        residual[i] -= d * x[i][j];
                    }
                    b[j] = nb;
                    change = Math.max(change, Math.abs(d) * Math.sqrt(norm[j]));
                }
            }
            if (change < 1e-12 * (1 + norm(y))) {
                break;
            }
        }
        return b;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Spearman's rank correlation, ties given their average rank. */
    public static double spearman(double[] a, double[] b) {
        return pearson(ranks(a), ranks(b));
    }

    static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (p, q) -> Double.compare(v[p], v[q]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                r[idx[t]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** Median of |estimate - actual| / actual. */
    public static double medianRelativeError(double[] estimate, double[] actual) {
        double[] e = new double[actual.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(estimate[i] - actual[i]) / actual[i];
        }
        Arrays.sort(e);
        int n = e.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? e[n / 2] : (e[n / 2 - 1] + e[n / 2]) / 2;
    }
}
