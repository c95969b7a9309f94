package org.pmlp.quant;

import java.util.Arrays;

/**
 * Fixed-point integers with at most {@code digits} non-zero canonical signed digits: each product
 * is at most {@code digits} shifted copies of the input. {@code digits = 1} is po2 within the
 * fixed-point range.
 */
public record CsdFormat(int bits, int digits) implements WeightFormat {
    public CsdFormat {
        WeightFormat.checkBits(bits);
        if (digits < 1 || digits > bits) {
            throw new org.pmlp.UserError("csd digits must be in [1, " + bits + "], got " + digits);
        }
    }

    @Override
    public WeightGrid fit(double[][] weights, double[] biases) {
        long max = (1L << (bits - 1)) - 1;
        long[] values = representable(max, digits);
        int frac = WeightFormat.fracBitsFor(weights, biases, max);
        return new WeightGrid() {
            @Override
            public int fracBits() {
                return frac;
            }

            @Override
            public long round(double w) {
                return nearest(values, Math.scalb(w, frac));
            }

            @Override
            public long roundBias(double b) {
                return round(b);
            }
        };
    }

    /**
     * Sorted integers in [-max, max] with at most {@code digits} non-zero CSD digits. Computed once
     * per (max, digits) and shared (read-only): quantization-aware training fits the grid at every
     * step, and rebuilding the table each time was a tenth of a cardio search's time.
     */
    static long[] representable(long max, int digits) {
        return TABLES.computeIfAbsent(max << 6 | digits, k -> java.util.stream.LongStream.rangeClosed(-max, max)
                .filter(v -> Csd.weight(v) <= digits).toArray());
    }

    private static final java.util.concurrent.ConcurrentHashMap<Long, long[]> TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Nearest value in a sorted array; ties go to the smaller magnitude. */
    static long nearest(long[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, (long) Math.floor(v));
        if (i < 0) {
            i = -i - 2;
        }
        long best = sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        for (int k = Math.max(0, i - 1); k <= Math.min(sorted.length - 1, i + 2); k++) {
            long c = sorted[k];
            double d = Math.abs(v - c);
            double db = Math.abs(v - best);
            if (d < db || (d == db && Math.abs(c) < Math.abs(best))) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public String name() {
        return "csd" + digits;
    }
}
