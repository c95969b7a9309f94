package org.pmlp.quant;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Which weights of a layer magnitude pruning removes: exactly {@code floor(fraction * n)} of the
 * {@code n} weights, those with the smallest magnitude; equal magnitudes go in order of neuron,
 * then input index (the first ones are removed). Retraining and the circuit's prune pass both ask
 * here, so the network is trained with exactly the connections the circuit keeps.
 */
public final class Pruning {
    private Pruning() {
    }

    /** {@code removed[j][i]}: weight i of neuron j is pruned. */
    public static boolean[][] removed(double[][] w, double fraction) {
        int n = 0;
        for (double[] row : w) {
            n += row.length;
        }
        boolean[][] out = new boolean[w.length][];
        for (int j = 0; j < w.length; j++) {
            out[j] = new boolean[w[j].length];
        }
        int remove = (int) Math.floor(fraction * n + 1e-9);
        if (remove <= 0) {
            return out;
        }
        int[][] index = new int[n][];
        int k = 0;
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < w[j].length; i++) {
                index[k++] = new int[] {j, i};
            }
        }
        // A stable sort: ties keep the neuron-then-input order.
        Arrays.sort(index, Comparator.comparingDouble((int[] p) -> Math.abs(w[p[0]][p[1]])));
        for (int r = 0; r < remove; r++) {
            out[index[r][0]][index[r][1]] = true;
        }
        return out;
    }
}
