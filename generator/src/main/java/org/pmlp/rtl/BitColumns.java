package org.pmlp.rtl;

import java.util.Arrays;

/**
 * The bits of a heap, column by column (column 0 first), as gate signals: the input of
 * {@link HeapCompressor}. Within a column the order is kept (it breaks ties in arrival); a bit
 * can be put in front ({@link #addFirst}: the constant ones of a heap go first). Plain int arrays:
 * the search builds a heap per neuron per candidate.
 */
final class BitColumns {
    /** Room left in front of each column for {@link #addFirst}. */
    private static final int FRONT = 2;
    private int[][] bits = new int[0][];
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int width;

    BitColumns(int width) {
        reset(width);
    }

    /**
     * Empties the columns for another heap of the given width, keeping the arrays grown so far
     * (the search builds a heap per neuron per candidate: allocating its columns anew each time
     * was a tenth of the census).
     */
    BitColumns reset(int width) {
        if (bits.length < width) {
            int[][] grown = Arrays.copyOf(bits, width);
            for (int c = bits.length; c < width; c++) {
                grown[c] = new int[FRONT + 6];
            }
            bits = grown;
            head = new int[width];
            tail = new int[width];
        }
        this.width = width;
        Arrays.fill(head, 0, width, FRONT);
        Arrays.fill(tail, 0, width, FRONT);
        return this;
    }

    int width() {
        return width;
    }

    int size(int c) {
        return tail[c] - head[c];
    }

    /** The i-th bit of column c, in order. */
    int get(int c, int i) {
        return bits[c][head[c] + i];
    }

    void add(int c, int signal) {
        if (tail[c] == bits[c].length) {
            bits[c] = Arrays.copyOf(bits[c], 2 * bits[c].length);
        }
        bits[c][tail[c]++] = signal;
    }

    void addFirst(int c, int signal) {
        if (head[c] == 0) {
            int[] grown = new int[bits[c].length + FRONT];
            System.arraycopy(bits[c], 0, grown, FRONT, bits[c].length);
            bits[c] = grown;
            head[c] += FRONT;
            tail[c] += FRONT;
        }
        bits[c][--head[c]] = signal;
    }

    /** Ones at the columns of the constant's set bits, in front of each column's bits. */
    void addConstant(long value) {
        for (int c = 0; c < width; c++) {
            if ((value >> c & 1) != 0) {
                addFirst(c, Gates.ONE);
            }
        }
    }
}
