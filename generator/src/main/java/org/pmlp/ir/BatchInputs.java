package org.pmlp.ir;

/**
 * Quantized input rows stored column by column (one array per feature), with their labels: the
 * layout {@link FlatNetwork#countCorrect} streams through, one neuron at a time.
 */
public final class BatchInputs {
    private final long[][] columns;
    private final int[][] intColumns;
    private final int[] labels;

    private BatchInputs(long[][] columns, int[] labels) {
        this.columns = columns;
        this.intColumns = new int[columns.length][];
        for (int f = 0; f < columns.length; f++) {
            intColumns[f] = java.util.Arrays.stream(columns[f]).mapToInt(v -> (int) v).toArray();
        }
        this.labels = labels;
    }

    /** @param q quantized rows, {@code q[row][feature]} */
    public static BatchInputs of(int[][] q, int[] labels) {
        int features = q.length == 0 ? 0 : q[0].length;
        long[][] cols = new long[features][q.length];
        for (int r = 0; r < q.length; r++) {
            for (int f = 0; f < features; f++) {
                cols[f][r] = q[r][f];
            }
        }
        return new BatchInputs(cols, labels.clone());
    }

    public int rows() {
        return labels.length;
    }

    long[] column(int feature) {
        return columns[feature];
    }

    /** The column as ints (quantized inputs are at most 16 bits). */
    int[] columnInt(int feature) {
        return intColumns[feature];
    }

    int[] labels() {
        return labels;
    }
}
