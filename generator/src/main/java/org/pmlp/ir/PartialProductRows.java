package org.pmlp.ir;

import java.util.Arrays;

/**
 * A neuron's bit-heap rows ({@link PartialProduct}s) and constant in reusable parallel arrays:
 * what {@link Circuit#partialProducts(SumNode, PartialProductRows)} fills for the emitter, which
 * reads every neuron's rows for every candidate of a search.
 */
public final class PartialProductRows {
    private Node[] source = new Node[64];
    private long[] mask = new long[64];
    private int[] shift = new int[64];
    private int[] sign = new int[64];
    private int size;
    private long constant;

    void clear() {
        Arrays.fill(source, 0, size, null);
        size = 0;
        constant = 0;
    }

    void add(Node src, long m, int sh, int sg) {
        if (size == source.length) {
            int n = 2 * size;
            source = Arrays.copyOf(source, n);
            mask = Arrays.copyOf(mask, n);
            shift = Arrays.copyOf(shift, n);
            sign = Arrays.copyOf(sign, n);
        }
        source[size] = src;
        mask[size] = m;
        shift[size] = sh;
        sign[size] = sg;
        size++;
    }

    void constant(long k) {
        constant = k;
    }

    public int size() {
        return size;
    }

    public Node source(int i) {
        return source[i];
    }

    public long mask(int i) {
        return mask[i];
    }

    public int shift(int i) {
        return shift[i];
    }

    /** +1 or -1. */
    public int sign(int i) {
        return sign[i];
    }

    /** The heap's constant ({@link Circuit#heapConstant}). */
    public long constant() {
        return constant;
    }
}
