package org.pmlp.quant;

import java.util.Arrays;

/**
 * A k-bit requantization of one n-bit input code by learned levels: the code x is compared with
 * the thresholds {@code t_1 < ... < t_m} and stands for the representative code
 * {@code codes[#{j : x >= t_j}]}. The circuit computes this value with m constant comparators on
 * the n-bit port (gates counted in area); the golden model, the emitters and width inference read
 * it through {@link #table}. Top-bit truncation to k bits is the special case
 * {@code t_j = codes[j] = j * 2^(n-k)}.
 */
public record InputLevels(int[] thresholds, int[] codes) {
    public InputLevels {
        thresholds = thresholds.clone();
        codes = codes.clone();
        if (codes.length != thresholds.length + 1) {
            throw new IllegalArgumentException("expected " + (thresholds.length + 1) + " codes for "
                    + thresholds.length + " thresholds");
        }
        for (int j = 1; j < thresholds.length; j++) {
            if (thresholds[j] <= thresholds[j - 1]) {
                throw new IllegalArgumentException("thresholds must increase");
            }
        }
    }

    /** Levels: thresholds + 1. */
    public int levels() {
        return codes.length;
    }

    /** Bits a level index needs (0 for a single level: the feature is a constant). */
    public int bits() {
        return 32 - Integer.numberOfLeadingZeros(codes.length - 1);
    }

    /** The representative of code {@code x}. */
    public int apply(int x) {
        int level = 0;
        while (level < thresholds.length && x >= thresholds[level]) {
            level++;
        }
        return codes[level];
    }

    /** The representative of every code of {@code inputBits} bits, indexed by the code. */
    public int[] table(int inputBits) {
        int[] t = new int[1 << inputBits];
        for (int x = 0; x < t.length; x++) {
            t[x] = apply(x);
        }
        return t;
    }

    /** Whether the table is the identity (then no gates are needed). */
    public static boolean isIdentity(int[] table) {
        for (int x = 0; x < table.length; x++) {
            if (table[x] != x) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputLevels l && Arrays.equals(thresholds, l.thresholds) && Arrays.equals(codes, l.codes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(thresholds) + Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return "levels(t=" + Arrays.toString(thresholds) + ", codes=" + Arrays.toString(codes) + ")";
    }
}
