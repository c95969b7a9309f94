package org.pmlp.ir;

/**
 * The shape of the argmax comparator tree over k leaves: leaves are paired left to right, level
 * by level, an odd leaf passing up unopposed. Entries 0..k-1 are the leaves; entry k + c is the
 * winner of comparator c, whose operands are entries {@code left[c]} and {@code right[c]}.
 */
public record Tournament(int leaves, int[] left, int[] right) {

    public static Tournament of(int k) {
        int[] left = new int[Math.max(0, k - 1)];
        int[] right = new int[Math.max(0, k - 1)];
        int[] level = new int[k];
        for (int i = 0; i < k; i++) {
            level[i] = i;
        }
        int n = k;
        int c = 0;
        while (n > 1) {
            int m = 0;
            for (int i = 0; i < n; i += 2) {
                if (i + 1 < n) {
                    left[c] = level[i];
                    right[c] = level[i + 1];
                    level[m++] = k + c;
                    c++;
                } else {
                    level[m++] = level[i];
                }
            }
            n = m;
        }
        return new Tournament(k, left, right);
    }

    public int comparators() {
        return left.length;
    }

    /** The entry holding the overall winner. */
    public int root() {
        return leaves == 1 ? 0 : leaves + left.length - 1;
    }
}
