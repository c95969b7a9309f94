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
    /** Per feature, its input column mapped through its code table (arrays kept from table to table). */
    private long[][] mappedColumn;
    private int[][] mappedColumnInt;
    /** Per feature, whether its mapped column (int or long, as the columns are) is its current table's. */
    private boolean[] mappedFresh;
    private boolean intColumns;
    private long[][][] sumColumn;
    private long[][][] actColumn;
    private int[][][] sumColumnInt;
    private int[][][] actColumnInt;
    private final Tournament tournament;
    /** {@link #countArgmaxColumns}'s columns: per comparator, its winner's value and class; per leaf, its class. */
    private int[][] matchValue;
    private int[][] matchClass;
    private int[][] leafClassColumn;
    /** The class each leaf's class column holds (-1: not filled). */
    private int[] leafClass;

    FlatGolden(FlatNetwork net) {
        this.net = net;
        this.tournament = Tournament.of(net.classes);
        columnDirty = new boolean[net.layers][];
        for (int l = 0; l < net.layers; l++) {
            columnDirty[l] = new boolean[net.size[l]];
            Arrays.fill(columnDirty[l], true);
        }
    }

    /** The code table of input feature f changed: its mapped column is recomputed when read. */
    void inputChanged(int f) {
        if (mappedFresh != null) {
            mappedFresh[f] = false;
        }
    }

    /** Feature f's column as the first layer reads it: the codes through the feature's table. */
    private long[] inputColumn(BatchInputs data, int f) {
        int[] t = net.inputTable[f];
        if (t == null) {
            return data.column(f);
        }
        if (!mappedFresh[f]) {
            long[] x = data.column(f);
            if (mappedColumn[f] == null) {
                mappedColumn[f] = new long[x.length];
            }
            long[] m = mappedColumn[f];
            for (int r = 0; r < x.length; r++) {
                m[r] = t[(int) x[r] & (t.length - 1)];
            }
            mappedFresh[f] = true;
        }
        return mappedColumn[f];
    }

    private int[] inputColumnInt(BatchInputs data, int f) {
        int[] t = net.inputTable[f];
        if (t == null) {
            return data.columnInt(f);
        }
        if (!mappedFresh[f]) {
            int[] x = data.columnInt(f);
            if (mappedColumnInt[f] == null) {
                mappedColumnInt[f] = new int[x.length];
            }
            int[] m = mappedColumnInt[f];
            for (int r = 0; r < x.length; r++) {
                m[r] = t[x[r] & (t.length - 1)];
            }
            mappedFresh[f] = true;
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
            mappedFresh = new boolean[net.inputTable.length];
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

    /** A term's source column, int form: an input's mapped codes or the previous layer's activations. */
    private int[] termColumn(int l, int source, BatchInputs data) {
        return l == 0 ? inputColumnInt(data, source) : actColumnInt[l - 1][source];
    }

    /** Sources are non-negative and below 2^31 in int form, so only a mask's low 31 bits matter. */
    private static int intMask(long mask) {
        return (int) (mask & Integer.MAX_VALUE);
    }

    /** {@link #neuronLong} where every partial sum fits in an int (so every term, mask and shift does). */
    private void neuronInt(int l, int j, BatchInputs data) {
        int rows = data.rows();
        int[] acc = sumColumnInt[l][j];
        Arrays.fill(acc, (int) net.constant[l][j]);
        int[] src = net.termSrc[l][j];
        long[] mask = net.termMask[l][j];
        long[] coef = net.termCoef[l][j];
        int t = 0;
        // Four terms per pass over the rows: a quarter of the accumulator's loads and stores (int
        // sums wrap, so the order of the additions does not change them; nor do they overflow here).
        for (; t + 4 <= src.length; t += 4) {
            int[] x0 = termColumn(l, src[t], data);
            int[] x1 = termColumn(l, src[t + 1], data);
            int[] x2 = termColumn(l, src[t + 2], data);
            int[] x3 = termColumn(l, src[t + 3], data);
            int m0 = intMask(mask[t]);
            int m1 = intMask(mask[t + 1]);
            int m2 = intMask(mask[t + 2]);
            int m3 = intMask(mask[t + 3]);
            int c0 = (int) coef[t];
            int c1 = (int) coef[t + 1];
            int c2 = (int) coef[t + 2];
            int c3 = (int) coef[t + 3];
            for (int r = 0; r < rows; r++) {
                acc[r] += c0 * (x0[r] & m0) + c1 * (x1[r] & m1) + c2 * (x2[r] & m2) + c3 * (x3[r] & m3);
            }
        }
        // the last one to three terms in one pass too (a layer of three neurons has three)
        int rest = src.length - t;
        if (rest == 3) {
            int[] x0 = termColumn(l, src[t], data);
            int[] x1 = termColumn(l, src[t + 1], data);
            int[] x2 = termColumn(l, src[t + 2], data);
            int m0 = intMask(mask[t]);
            int m1 = intMask(mask[t + 1]);
            int m2 = intMask(mask[t + 2]);
            int c0 = (int) coef[t];
            int c1 = (int) coef[t + 1];
            int c2 = (int) coef[t + 2];
            for (int r = 0; r < rows; r++) {
                acc[r] += c0 * (x0[r] & m0) + c1 * (x1[r] & m1) + c2 * (x2[r] & m2);
            }
        } else if (rest == 2) {
            int[] x0 = termColumn(l, src[t], data);
            int[] x1 = termColumn(l, src[t + 1], data);
            int m0 = intMask(mask[t]);
            int m1 = intMask(mask[t + 1]);
            int c0 = (int) coef[t];
            int c1 = (int) coef[t + 1];
            for (int r = 0; r < rows; r++) {
                acc[r] += c0 * (x0[r] & m0) + c1 * (x1[r] & m1);
            }
        } else if (rest == 1) {
            int[] x = termColumn(l, src[t], data);
            int m = intMask(mask[t]);
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
                out[r] = Math.max(0, Math.min(acc[r] >> sh, s)); // s >= 0: the same as clamping below 0 first
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
        Tournament tour = tournament;
        int comparators = tour.comparators();
        int width = net.argmaxNominalWidth();
        int[] shift = new int[comparators];
        for (int c = 0; c < comparators; c++) {
            shift[c] = Math.min(63, ArgmaxNode.compareShift(net.compareBits[c], net.ignoreLow[c], width));
        }
        if (intColumns && outputsBelow(1L << 30)) {
            return countArgmaxColumns(data, shift);
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

    /** Whether every partial sum of the output layer, and so every output value, is below {@code bound} in magnitude. */
    private boolean outputsBelow(long bound) {
        for (long b : net.termBound[net.layers - 1]) {
            if (b >= bound) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #countArgmax} on int columns, comparator by comparator over all rows: each match's
     * winning value and class become columns, chosen without branches (a mask from the sign of
     * the difference of the compared values, which cannot overflow: every value is below 2^30 in
     * magnitude), so the JIT vectorizes the loops; ties keep the left operand, as the hardware.
     */
    private int countArgmaxColumns(BatchInputs data, int[] shift) {
        int rows = data.rows();
        int k = net.classes;
        Tournament tour = tournament;
        int comparators = tour.comparators();
        if (leafClass == null || leafClass.length != k || leafClassColumn[0].length != rows) {
            leafClass = new int[k];
            Arrays.fill(leafClass, -1);
            leafClassColumn = new int[k][rows];
            matchValue = new int[comparators][rows];
            matchClass = new int[comparators][rows];
        }
        int[][] winValue = new int[k + comparators][];
        int[][] winClass = new int[k + comparators][];
        int[][] out = actColumnInt[net.layers - 1];
        for (int i = 0; i < k; i++) {
            winValue[i] = out[net.order[i]];
            if (leafClass[i] != net.order[i]) {
                leafClass[i] = net.order[i];
                Arrays.fill(leafClassColumn[i], net.order[i]);
            }
            winClass[i] = leafClassColumn[i];
        }
        int[] left = tour.left();
        int[] right = tour.right();
        for (int c = 0; c < comparators; c++) {
            int[] va = winValue[left[c]];
            int[] vb = winValue[right[c]];
            int[] ca = winClass[left[c]];
            int[] cb = winClass[right[c]];
            int[] wv = matchValue[c];
            int[] wc = matchClass[c];
            int sh = Math.min(31, shift[c]); // an int shifted by 31 is its sign, as the long by 63
            for (int r = 0; r < rows; r++) {
                int x = va[r];
                int y = vb[r];
                int m = ((x >> sh) - (y >> sh)) >> 31; // all ones when the right operand wins
                wv[r] = x ^ ((x ^ y) & m);
                wc[r] = ca[r] ^ ((ca[r] ^ cb[r]) & m);
            }
            winValue[k + c] = wv;
            winClass[k + c] = wc;
        }
        int[] winner = winClass[tour.root()];
        int[] labels = data.labels();
        int ok = 0;
        for (int r = 0; r < rows; r++) {
            ok += ((winner[r] ^ labels[r]) - 1) >>> 31; // 1 when equal (classes are non-negative)
        }
        return ok;
    }
}
