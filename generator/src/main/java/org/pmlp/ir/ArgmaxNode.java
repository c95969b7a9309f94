package org.pmlp.ir;

import java.util.Arrays;

/**
 * The class decision: a balanced tournament of comparators over the output values, entered in
 * {@link #order()}. Comparator {@code c} compares only the top {@code compareBits[c]} bits of the
 * common value width; on a tie the left (earlier) operand wins. With the identity order and full
 * widths this is the exact argmax where the lowest class index wins ties.
 */
public final class ArgmaxNode extends Node {
    private final int classes;
    private int[] order;
    private int[] compareBits;
    private int[] ignoreLow;

    ArgmaxNode(int classes) {
        super("cls");
        this.classes = classes;
        this.order = new int[classes];
        for (int i = 0; i < classes; i++) {
            order[i] = i;
        }
        this.compareBits = new int[classes - 1];
        Arrays.fill(compareBits, Integer.MAX_VALUE);
        this.ignoreLow = new int[classes - 1];
    }

    public int classes() {
        return classes;
    }

    /** Class entering leaf i of the tournament. */
    public int[] order() {
        return order.clone();
    }

    /**
     * Bits compared by each comparator, in tournament order (level by level, left to right);
     * {@code Integer.MAX_VALUE} means all bits.
     */
    public int[] compareBits() {
        return compareBits.clone();
    }

    public void setOrder(int[] order) {
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i || sorted.length != classes) {
                throw new IllegalArgumentException("order must be a permutation of 0.." + (classes - 1));
            }
        }
        this.order = order.clone();
    }

    public void setCompareBits(int[] bits) {
        if (bits.length != classes - 1) {
            throw new IllegalArgumentException("expected " + (classes - 1) + " comparators");
        }
        this.compareBits = bits.clone();
    }

    /** Low bits each comparator ignores (0: none), however wide the values turn out. */
    public void setIgnoreLow(int[] bits) {
        if (bits.length != classes - 1) {
            throw new IllegalArgumentException("expected " + (classes - 1) + " comparators");
        }
        this.ignoreLow = bits.clone();
    }

    /**
     * Bits comparator c actually compares, given the common width of the values: its top
     * {@code compareBits}, less the low bits it ignores, at least one.
     */
    public int effectiveBits(int c, int valueWidth) {
        return effectiveBits(compareBits[c], ignoreLow[c], valueWidth);
    }

    /**
     * Low bits comparator c ignores: it compares {@code v >> compareShift} of its operands'
     * values v. Its settings are stated against the operands' common nominal width
     * ({@link WidthInference#argmaxNominalWidth}), not the inferred one, so the shift, and what
     * the circuit computes, does not depend on how tight inference is.
     */
    public int compareShift(int c, int nominalWidth) {
        return compareShift(compareBits[c], ignoreLow[c], nominalWidth);
    }

    /** {@link #compareShift(int, int)} from a comparator's settings (shared with {@link FlatNetwork}). */
    static int compareShift(int compareBits, int ignoreLow, int nominalWidth) {
        return nominalWidth - effectiveBits(compareBits, ignoreLow, nominalWidth);
    }

    /**
     * The top bits of values {@code valueWidth} wide a comparator with the given shift reads:
     * none when every bit it keeps is a zero extension, the sign alone when they all copy it.
     */
    public static int hardwareBits(int shift, int valueWidth, boolean signed) {
        if (shift < valueWidth) {
            return valueWidth - shift;
        }
        return signed ? 1 : 0;
    }

    /** {@link #effectiveBits(int, int)} from a comparator's settings (shared with {@link FlatNetwork}). */
    static int effectiveBits(int compareBits, int ignoreLow, int valueWidth) {
        return Math.max(1, Math.min(Math.min(valueWidth, compareBits), valueWidth - ignoreLow));
    }
}
