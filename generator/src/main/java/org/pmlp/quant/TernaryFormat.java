package org.pmlp.quant;

/**
 * Ternary weights {-1, 0, +1} times one power of two per layer (Li and Liu's ternary weight
 * networks: threshold 0.7 * mean |w|, scale the mean magnitude above it, rounded to a power of
 * two so the product stays a wire). Biases keep {@code bits}-bit fixed point on the same grid,
 * since a ternary bias would lose most of its information for little saving.
 */
public record TernaryFormat(int bits) implements WeightFormat {
    public TernaryFormat {
        WeightFormat.checkBits(bits);
    }

    @Override
    public WeightGrid fit(double[][] weights, double[] biases) {
        double sum = 0;
        int n = 0;
        for (double[] row : weights) {
            for (double w : row) {
                sum += Math.abs(w);
                n++;
            }
        }
        double threshold = 0.7 * sum / Math.max(1, n);
        double above = 0;
        int count = 0;
        for (double[] row : weights) {
            for (double w : row) {
                if (Math.abs(w) > threshold) {
                    above += Math.abs(w);
                    count++;
                }
            }
        }
        double alpha = count == 0 ? 1 : above / count;
        long max = (1L << (bits - 1)) - 1;
        int frac = WeightFormat.fracBitsFor(new double[][] {{alpha}}, biases, max);
        long unit = Math.max(1, Po2Format.nearestPo2(Math.scalb(alpha, frac), bits - 1));
        return new WeightGrid() {
            @Override
            public int fracBits() {
                return frac;
            }

            @Override
            public long round(double w) {
                return Math.abs(w) > threshold ? (w < 0 ? -unit : unit) : 0;
            }

            @Override
            public long roundBias(double b) {
                long q = Math.round(Math.scalb(b, frac));
                return Math.max(-max - 1, Math.min(max, q));
            }
        };
    }

    @Override
    public String name() {
        return "ternary";
    }
}
