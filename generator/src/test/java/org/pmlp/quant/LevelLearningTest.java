package org.pmlp.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Levels learned from training codes: where the data says, and never splitting a code's samples. */
class LevelLearningTest {
    @Test
    void lloydMaxSplitsTwoClustersBetweenThem() {
        // Codes around 2 and around 12: one threshold between, each cluster at its mean.
        int[] codes = {1, 2, 2, 3, 2, 11, 12, 13, 12, 12};
        int[] labels = new int[codes.length];
        InputLevels l = LevelLearning.learn(LevelLearning.Method.LLOYD_MAX, codes, labels, 1, 4, 1);
        assertArrayEquals(new int[] {2, 12}, l.codes());
        assertEquals(1, l.thresholds().length);
        assertEquals(7, l.thresholds()[0], "halfway between the representatives 2 and 12");
    }

    @Test
    void entropyPutsTheThresholdAtTheClassBoundary() {
        // Uniform codes, class 1 from code 5 on: Lloyd-Max would split near 8, entropy at 5.
        int[] codes = new int[160];
        int[] labels = new int[160];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = i % 16;
            labels[i] = codes[i] >= 5 ? 1 : 0;
        }
        InputLevels e = LevelLearning.learn(LevelLearning.Method.ENTROPY, codes, labels, 2, 4, 1);
        assertArrayEquals(new int[] {5}, e.thresholds());
        InputLevels m = LevelLearning.learn(LevelLearning.Method.LLOYD_MAX, codes, labels, 2, 4, 1);
        assertTrue(m.thresholds()[0] >= 7 && m.thresholds()[0] <= 9, m.toString());
    }

    @Test
    void levelsNeverMixTheSamplesOfOneCodeAndRespectTheBitBudget() {
        SplittableRandom r = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(60);
            int[] codes = new int[n];
            int[] labels = new int[n];
            int spread = 1 + r.nextInt(16);
            int base = r.nextInt(17 - spread);
            for (int i = 0; i < n; i++) {
                codes[i] = base + r.nextInt(spread);
                labels[i] = r.nextInt(3);
            }
            for (LevelLearning.Method method : LevelLearning.Method.values()) {
                for (int k = 1; k <= 3; k++) {
                    InputLevels l = LevelLearning.learn(method, codes, labels, 3, 4, k);
                    assertTrue(l.levels() <= 1 << k, l + " for k=" + k);
                    for (int j = 1; j < l.thresholds().length; j++) {
                        assertTrue(l.thresholds()[j] > l.thresholds()[j - 1]);
                    }
                    for (int t : l.thresholds()) {
                        assertTrue(t >= 1 && t <= 15, l.toString());
                    }
                    for (int c : l.codes()) {
                        assertTrue(c >= 0 && c <= 15, l.toString());
                    }
                }
            }
        }
        assertNull(LevelLearning.learn(LevelLearning.Method.LLOYD_MAX, new int[0], new int[0], 2, 4, 2));
    }

    @Test
    void moreBitsNeverIncreaseTheSquaredError() {
        SplittableRandom r = new SplittableRandom(5);
        int[] codes = new int[200];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (int) Math.min(15, Math.max(0, Math.round(7 + 3 * r.nextGaussian())));
        }
        double last = Double.MAX_VALUE;
        for (int k = 1; k <= 3; k++) {
            InputLevels l = LevelLearning.learn(LevelLearning.Method.LLOYD_MAX, codes, new int[codes.length], 1, 4, k);
            double err = 0;
            for (int c : codes) {
                err += Math.pow(c - l.apply(c), 2);
            }
            assertTrue(err <= last + 1e-9, "k=" + k + ": " + err + " after " + last);
            last = err;
        }
        assertTrue(last < 200 * 0.5, "3 bits of learned levels on a Gaussian: mean squared error " + last / 200);
    }
}
