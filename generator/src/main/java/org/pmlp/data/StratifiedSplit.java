package org.pmlp.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded stratified split: each class keeps its proportion in both parts. */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /** A dataset cut in two. */
    public record Parts(Dataset first, Dataset second) {
    }

    /**
     * Splits off {@code fraction} of each class (rounded, at least one row when the class has two
     * or more) into the second part. Row order inside each part follows the input order.
     */
    public static Parts split(Dataset data, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("split fraction must be in (0, 1), got " + fraction);
        }
        Random random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < data.classes(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < data.rows(); i++) {
            byClass.get(data.label(i)).add(i);
        }
        boolean[] second = new boolean[data.rows()];
        for (List<Integer> rows : byClass) {
            int[] shuffled = rows.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, random);
            int take = (int) Math.round(fraction * shuffled.length);
            if (take == 0 && shuffled.length >= 2) {
                take = 1;
            }
            for (int k = 0; k < take; k++) {
                second[shuffled[k]] = true;
            }
        }
        int[] a = indices(second, false);
        int[] b = indices(second, true);
        return new Parts(data.subset(a), data.subset(b));
    }

    private static int[] indices(boolean[] mark, boolean value) {
        int[] out = new int[mark.length];
        int n = 0;
        for (int i = 0; i < mark.length; i++) {
            if (mark[i] == value) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
