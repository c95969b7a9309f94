package org.pmlp.quant;

/** Signed fixed point with {@code bits} bits: integers in [-2^(bits-1), 2^(bits-1) - 1]. */
public record FixedFormat(int bits) implements WeightFormat {
    public FixedFormat {
        WeightFormat.checkBits(bits);
    }

    @Override
    public WeightGrid fit(double[][] weights, double[] biases) {
        long max = (1L << (bits - 1)) - 1;
        int frac = WeightFormat.fracBitsFor(weights, biases, max);
        return new WeightGrid() {
            @Override
            public int fracBits() {
                return frac;
            }

            @Override
            public long round(double w) {
                long q = Math.round(Math.scalb(w, frac));
                return Math.max(-max - 1, Math.min(max, q));
            }

            @Override
            public long roundBias(double b) {
                return round(b);
            }
        };
    }

    @Override
    public String name() {
        return "fixed" + bits;
    }
}
