package org.pmlp.model;

/**
 * Maps raw feature values to the network's input domain. Min-max scaling to [0, 0.9] is the
 * literature's choice for printed MLPs: the quantized input is then {@code floor(2^N * x)}.
 */
public sealed interface InputScaler permits InputScaler.MinMax, InputScaler.Standard, InputScaler.Identity {

    double[] apply(double[] raw);

    String kind();

    /** {@code lo + (x - min) / (max - min) * (hi - lo)}; a constant feature maps to lo. */
    record MinMax(double[] min, double[] max, double lo, double hi) implements InputScaler {
        @Override
        public double[] apply(double[] raw) {
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                double span = max[i] - min[i];
                out[i] = span > 0 ? lo + (raw[i] - min[i]) / span * (hi - lo) : lo;
            }
            return out;
        }

        @Override
        public String kind() {
            return "minmax";
        }

        /** Fitted on the rows given (the training set). */
        public static MinMax fit(double[][] rows, double lo, double hi) {
            int n = rows[0].length;
            double[] min = new double[n];
            double[] max = new double[n];
            java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
            for (double[] r : rows) {
                for (int i = 0; i < n; i++) {
                    min[i] = Math.min(min[i], r[i]);
                    max[i] = Math.max(max[i], r[i]);
                }
            }
            return new MinMax(min, max, lo, hi);
        }
    }

    /** {@code (x - mean) / std}, as scikit-learn's StandardScaler. */
    record Standard(double[] mean, double[] std) implements InputScaler {
        @Override
        public double[] apply(double[] raw) {
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = (raw[i] - mean[i]) / (std[i] == 0 ? 1 : std[i]);
            }
            return out;
        }

        @Override
        public String kind() {
            return "standard";
        }
    }

    /** The data is already in the network's input domain. */
    record Identity() implements InputScaler {
        @Override
        public double[] apply(double[] raw) {
            return raw.clone();
        }

        @Override
        public String kind() {
            return "none";
        }
    }
}
