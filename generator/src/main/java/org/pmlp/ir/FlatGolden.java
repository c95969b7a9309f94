package org.pmlp.ir;

import java.util.Arrays;

/**
 * The golden model of a {@link FlatNetwork}, run column by column: each neuron's sum and
 * activation over every row of a data set at once (int columns when every partial sum of every
 * heap fits in 31 bits, long otherwise, as {@link Program} computes), then the argmax row by row.
 * A neuron keeps its columns while its heap and its sources do not change, so between similar
 * candidates only what changed is recomputed.
 */
final class FlatGolden {
    private final FlatNetwork net;
    private final boolean[][] columnDirty;
    private BatchInputs columnsOf;
    /** Per feature, its input column mapped through its code table (null: not computed yet). */
    private long[][] mappedColumn;
    private int[][] mappedColumnInt;
    private boolean intColumns;
    private long[][][] sumColumn;
    private long[][][] actColumn;
    private int[][][] sumColumnInt;
    private int[][][] actColumnInt;

    FlatGolden(FlatNetwork net) {
        this.net = net;
        columnDirty = new boolean[net.layers][];
        for (int l = 0; l < net.layers; l++) {
            columnDirty[l] = new boolean[net.size[l]];
            Arrays.fill(columnDirty[l], true);
        }
    }

    /** The code table of input feature f changed: its mapped column is recomputed when read. */
    void inputChanged(int f) {
        if (mappedColumn != null) {
            mappedColumn[f] = null;
            mappedColumnInt[f] = null;
        }
    }

    /** Feature f's column as the first layer reads it: the codes through the feature's table. */
    private long[] inputColumn(BatchInputs data, int f) {
        int[] t = net.inputTable[f];
        if (t == null) {
            return data.column(f);
        }
        if (mappedColumn[f] == null) {
            long[] x = data.column(f);
            long[] m = new long[x.length];
            for (int r = 0; r < x.length; r++) {
                m[r] = t[(int) x[r] & (t.length - 1)];
            }
            mappedColumn[f] = m;
        }
        return mappedColumn[f];
    }

    private int[] inputColumnInt(BatchInputs data, int f) {
        int[] t = net.inputTable[f];
        if (t == null) {
            return data.columnInt(f);
        }
        if (mappedColumnInt[f] == null) {
            int[] x = data.columnInt(f);
            int[] m = new int[x.length];
            for (int r = 0; r < x.length; r++) {
                m[r] = t[x[r] & (t.length - 1)];
            }
            mappedColumnInt[f] = m;
        }
        return mappedColumnInt[f];
    }

    /** The neuron's heap or window changed: recompute its columns (and the next layer's). */
    void touch(int l, int j) {
        columnDirty[l][j] = true;
    }

    /**
     * Rows of {@code data} the inferred design classifies as labelled: the golden model
     * ({@link Program#countCorrect}), evaluated neuron by neuron over all rows; a neuron whose
     * heap and sources did not change since the last call on the same data keeps its column.
     * Call {@link FlatNetwork#infer} first.
     */
    int countCorrect(BatchInputs data) {
        int rows = data.rows();
        // Every partial sum within 31 bits (the usual case): int columns, which the JIT
        // vectorizes twice as wide; otherwise long, as the golden model computes.
        boolean fitsInt = true;
        for (int l = 0; l < net.layers; l++) {
            for (int j = 0; j < net.size[l]; j++) {
                fitsInt &= net.termBound[l][j] < Integer.MAX_VALUE;
            }
        }
        if (columnsOf != data || fitsInt != intColumns) {
            columnsOf = data;
            mappedColumn = new long[net.inputTable.length][];
            mappedColumnInt = new int[net.inputTable.length][];
            intColumns = fitsInt;
            sumColumn = new long[net.layers][][];
            actColumn = new long[net.layers][][];
            sumColumnInt = new int[net.layers][][];
            actColumnInt = new int[net.layers][][];
            for (int l = 0; l < net.layers; l++) {
                if (fitsInt) {
                    sumColumnInt[l] = new int[net.size[l]][rows];
                    actColumnInt[l] = new int[net.size[l]][rows];
                } else {
                    sumColumn[l] = new long[net.size[l]][rows];
                    actColumn[l] = new long[net.size[l]][rows];
                }
                Arrays.fill(columnDirty[l], true);
            }
        }
        for (int l = 0; l < net.layers; l++) {
            boolean changed = false;
            for (int j = 0; j < net.size[l]; j++) {
                if (!columnDirty[l][j]) {
                    continue;
                }
                columnDirty[l][j] = false;
                changed = true;
                if (fitsInt) {
                    neuronInt(l, j, data);
                } else {
                    neuronLong(l, j, data);
                }
            }
            if (changed && l + 1 < net.layers) {
                Arrays.fill(columnDirty[l + 1], true);
            }
        }
        return countArgmax(data);
    }

    private void neuronLong(int l, int j, BatchInputs data) {
        int rows = data.rows();
        long[] acc = sumColumn[l][j];
        Arrays.fill(acc, net.constant[l][j]);
        int[] src = net.termSrc[l][j];
        long[] mask = net.termMask[l][j];
        long[] coef = net.termCoef[l][j];
        for (int t = 0; t < src.length; t++) {
            long[] x = l == 0 ? inputColumn(data, src[t]) : actColumn[l - 1][src[t]];
            long m = mask[t];
            long c = coef[t];
            for (int r = 0; r < rows; r++) {
                acc[r] += c * (x[r] & m);
            }
        }
        long[] out = actColumn[l][j];
        int sh = net.lsb[l][j];
        if (net.relu[l][j]) {
            long sat = (1L << (net.msb[l][j] - sh + 1)) - 1;
            for (int r = 0; r < rows; r++) {
                long v = acc[r] >> sh;
                out[r] = v < 0 ? 0 : Math.min(v, sat);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                out[r] = acc[r] >> sh;
            }
        }
    }

    /** {@link #neuronLong} where every partial sum fits in an int (so every term, mask and shift does). */
    private void neuronInt(int l, int j, BatchInputs data) {
        int rows = data.rows();
        int[] acc = sumColumnInt[l][j];
        Arrays.fill(acc, (int) net.constant[l][j]);
        int[] src = net.termSrc[l][j];
        long[] mask = net.termMask[l][j];
        long[] coef = net.termCoef[l][j];
        for (int t = 0; t < src.length; t++) {
            int[] x = l == 0 ? inputColumnInt(data, src[t]) : actColumnInt[l - 1][src[t]];
            // Sources are non-negative and below 2^31 here, so only the mask's low 31 bits matter.
            int m = (int) (mask[t] & Integer.MAX_VALUE);
            int c = (int) coef[t];
            for (int r = 0; r < rows; r++) {
                acc[r] += c * (x[r] & m);
            }
        }
        int[] out = actColumnInt[l][j];
        int sh = Math.min(31, net.lsb[l][j]);
        if (net.relu[l][j]) {
            long sat = (1L << (net.msb[l][j] - net.lsb[l][j] + 1)) - 1;
            int s = (int) Math.min(Integer.MAX_VALUE, sat);
            for (int r = 0; r < rows; r++) {
                int v = acc[r] >> sh;
                out[r] = v < 0 ? 0 : Math.min(v, s);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                out[r] = acc[r] >> sh;
            }
        }
    }

    private int countArgmax(BatchInputs data) {
        int rows = data.rows();
        int[] labels = data.labels();
        Tournament tour = Tournament.of(net.classes);
        int comparators = tour.comparators();
        int width = net.argmaxNominalWidth();
        int[] shift = new int[comparators];
        for (int c = 0; c < comparators; c++) {
            shift[c] = Math.min(63, ArgmaxNode.compareShift(net.compareBits[c], net.ignoreLow[c], width));
        }
        int[] left = tour.left();
        int[] right = tour.right();
        long[] ev = new long[net.classes + comparators];
        int[] ec = new int[net.classes + comparators];
        int root = tour.root();
        long[][] outLong = intColumns ? null : actColumn[net.layers - 1];
        int[][] outInt = intColumns ? actColumnInt[net.layers - 1] : null;
        int ok = 0;
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < net.classes; i++) {
                ev[i] = intColumns ? outInt[net.order[i]][r] : outLong[net.order[i]][r];
                ec[i] = net.order[i];
            }
            for (int c = 0; c < comparators; c++) {
                int a = left[c];
                int b = right[c];
                int sh = shift[c];
                int w = (ev[b] >> sh) > (ev[a] >> sh) ? b : a;
                ev[net.classes + c] = ev[w];
                ec[net.classes + c] = ec[w];
            }
            if (ec[root] == labels[r]) {
                ok++;
            }
        }
        return ok;
    }
}
