package org.pmlp.testutil;

import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.data.Dataset;

/** Small seeded datasets for tests that need something learnable. */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** Three noisy clusters in 4 dimensions, classes in turn. */
    public static Dataset blobs(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] centers = {{1, 1, 0, 0}, {0, 3, 1, 2}, {3, 0, 2, 1}};
        double[][] x = new double[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int k = 0; k < 4; k++) {
                x[i][k] = centers[y[i]][k] + (r.nextDouble() - 0.5) * 1.6;
            }
        }
        return new Dataset(x, y, List.of("a", "b", "c", "d"), List.of("0", "1", "2"));
    }
}
