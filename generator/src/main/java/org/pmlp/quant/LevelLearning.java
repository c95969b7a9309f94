package org.pmlp.quant;

/**
 * Learns the {@link InputLevels} of one input feature from its training codes: the codes that
 * occur are split into at most {@code 2^k} runs of consecutive codes, optimally by dynamic
 * programming (16 codes: exact and instant), each run standing for its mean code (rounded).
 * {@link Method#LLOYD_MAX} minimizes the squared requantization error (1-D k-means) and puts each
 * threshold halfway between neighbouring representatives; {@link Method#ENTROPY} minimizes the
 * class entropy within the runs (a supervised discretization) and puts each threshold halfway
 * across the gap between the runs. Only training data is ever given.
 */
public final class LevelLearning {
    /** How levels are learned; the ordinal is the search's gene value minus one. */
    public enum Method { LLOYD_MAX, ENTROPY }

    private LevelLearning() {
    }

    /**
     * @param codes the feature's training codes, each in [0, 2^inputBits)
     * @param labels their classes in [0, classes)
     * @return the levels, or null when there are no codes
     */
    public static InputLevels learn(Method method, int[] codes, int[] labels, int classes, int inputBits, int k) {
        int n = 1 << inputBits;
        long[] count = new long[n];
        long[][] byClass = new long[n][Math.max(1, classes)];
        for (int r = 0; r < codes.length; r++) {
            count[codes[r]]++;
            byClass[codes[r]][labels[r]]++;
        }
        int d = 0;
        int[] value = new int[n];
        for (int x = 0; x < n; x++) {
            if (count[x] > 0) {
                value[d++] = x;
            }
        }
        if (d == 0) {
            return null;
        }
        int groups = Math.min(1 << k, d);
        // cost[a][b]: the run of occupied codes a..b (inclusive, indices into value).
        double[][] cost = new double[d][d];
        for (int a = 0; a < d; a++) {
            double s = 0;
            double s2 = 0;
            long m = 0;
            long[] cls = new long[Math.max(1, classes)];
            for (int b = a; b < d; b++) {
                int x = value[b];
                s += (double) x * count[x];
                s2 += (double) x * x * count[x];
                m += count[x];
                for (int c = 0; c < cls.length; c++) {
                    cls[c] += byClass[x][c];
                }
                cost[a][b] = method == Method.LLOYD_MAX ? s2 - s * s / m : entropyMass(cls, m);
            }
        }
        // best[g][b]: g+1 runs covering occupied codes 0..b; from[g][b]: start of the last run.
        double[][] best = new double[groups][d];
        int[][] from = new int[groups][d];
        for (int b = 0; b < d; b++) {
            best[0][b] = cost[0][b];
        }
        for (int g = 1; g < groups; g++) {
            for (int b = 0; b < d; b++) {
                best[g][b] = Double.POSITIVE_INFINITY;
                for (int a = g; a <= b; a++) {
                    double c = best[g - 1][a - 1] + cost[a][b];
                    if (c < best[g][b] - 1e-9) {
                        best[g][b] = c;
                        from[g][b] = a;
                    }
                }
            }
        }
        int[] start = new int[groups];
        int b = d - 1;
        for (int g = groups - 1; g > 0; g--) {
            start[g] = from[g][b];
            b = start[g] - 1;
        }
        int[] rep = new int[groups];
        for (int g = 0; g < groups; g++) {
            int end = g + 1 < groups ? start[g + 1] - 1 : d - 1;
            long s = 0;
            long m = 0;
            for (int i = start[g]; i <= end; i++) {
                s += (long) value[i] * count[value[i]];
                m += count[value[i]];
            }
            rep[g] = (int) ((2 * s + m) / (2 * m)); // mean, rounded half up
        }
        int[] t = new int[groups - 1];
        for (int g = 1; g < groups; g++) {
            int lastBelow = value[start[g] - 1];
            int firstAbove = value[start[g]];
            int mid = method == Method.LLOYD_MAX ? (rep[g - 1] + rep[g] + 1) / 2 : (lastBelow + firstAbove + 1) / 2;
            t[g - 1] = Math.max(lastBelow + 1, Math.min(firstAbove, mid));
        }
        return new InputLevels(t, rep);
    }

    /** {@code m * H(class)} of a run with these class counts. */
    private static double entropyMass(long[] cls, long m) {
        double h = 0;
        for (long c : cls) {
            if (c > 0) {
                h -= c * Math.log((double) c / m);
            }
        }
        return h;
    }
}
