package org.pmlp.quant;

/**
 * Signed powers of two, {@code 0} or {@code +-2^k} with {@code 0 <= k <= bits-1} on the layer's
 * fixed-point grid: every product is a wired shift. Biases are powers of two too, as in the
 * literature's po2 retraining.
 */
public record Po2Format(int bits) implements WeightFormat {
    public Po2Format {
        WeightFormat.checkBits(bits);
    }

    @Override
    public WeightGrid fit(double[][] weights, double[] biases) {
        int maxExp = bits - 1;
        int frac = WeightFormat.fracBitsFor(weights, biases, 1L << maxExp);
        return new WeightGrid() {
            @Override
            public int fracBits() {
                return frac;
            }

            @Override
            public long round(double w) {
                return nearestPo2(Math.scalb(w, frac), maxExp);
            }

            @Override
            public long roundBias(double b) {
                return round(b);
            }
        };
    }

    /** Nearest of {0, +-1, +-2, ..., +-2^maxExp} (ties to the smaller magnitude). */
    static long nearestPo2(double v, int maxExp) {
        double a = Math.abs(v);
        if (a <= 0.5) {
            return 0;
        }
        long best = 1;
        for (int k = 1; k <= maxExp; k++) {
            long c = 1L << k;
            if (Math.abs(a - c) < Math.abs(a - best)) {
                best = c;
            }
        }
        return v < 0 ? -best : best;
    }

    @Override
    public String name() {
        return "po2";
    }
}
