package org.pmlp.ir;

import java.util.Arrays;

/**
 * The exact range of one connection's whole contribution to a heap: of
 * {@code sum_r sign_r * ((x & mask_r) << shift_r)} over its rows r (one per non-zero digit of the
 * weight, after masks and truncation), for every integer x in the source's range [lo, hi].
 * The contribution is linear in the bits of x, {@code sum_b c_b * x_b}, so its extremes are found
 * by a walk down the bits of the range's ends: the integers of [lo, hi] split into O(bits) blocks
 * that fix a prefix and leave the bits below free (each free bit then takes the sign of its
 * coefficient). Bounding each row on its own instead, as the nominal bounds do, gives weight 7
 * (8 - 1) on a 4-bit input [-15, 120] where [0, 105] is exact.
 *
 * <p>Working memory: one instance per thread. Arithmetic is exact; an ArithmeticException means
 * a value beyond 63 bits.
 */
final class ConnectionRange {
    private final long[] coef = new long[64];
    private final long[] pos = new long[65];
    private long lo;
    private long hi;
    private int bits;
    /** When the source takes only some values (an input's code table): the first {@code valueCount} of these. */
    private long[] values = new long[16];
    private int valueCount;
    /** The extremes over the values (or over independent bits), as last computed. */
    private long valuesMax;
    private long valuesMin;
    private boolean valuesKnown;
    /** The bits (below {@code bits}) some row has a coefficient at. */
    private long coefBits;

    /** Starts a connection whose source takes every value in [lo, hi], 0 <= lo <= hi. */
    void start(long lo, long hi) {
        if (lo < 0 || hi < lo) {
            throw new IllegalArgumentException("source range [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        this.bits = 64 - Long.numberOfLeadingZeros(hi);
        this.valueCount = 0;
        this.valuesKnown = false;
        this.coefBits = 0;
        Arrays.fill(coef, 0, bits, 0);
    }

    /**
     * Starts a connection from an input with a code table: the source takes only the values
     * {@code table[x] & mask}, so the extremes are taken over those (at most 16), exactly.
     */
    void startTable(int[] table, long mask) {
        if (values.length < table.length) {
            values = new long[table.length];
        }
        int n = distinctValues(table, mask, values);
        startValues(values, n, InputNode.maxValue(table, mask));
    }

    /**
     * The distinct values {@code table[x] & mask} into {@code out} (as long as the table), in the
     * order first met; returns how many.
     */
    static int distinctValues(int[] table, long mask, long[] out) {
        int n = 0;
        for (int x = 0; x < table.length; x++) {
            long v = InputNode.valueOf(table, mask, x);
            int i = 0;
            while (i < n && out[i] != v) {
                i++;
            }
            if (i == n) {
                out[n++] = v;
            }
        }
        return n;
    }

    /**
     * Starts a connection whose source takes only the first {@code count} of {@code values}
     * (distinct, the largest {@code max}): an input's code table, its values found once per
     * input rather than once per connection.
     */
    void startValues(long[] values, int count, long max) {
        start(0, max);
        if (this.values.length < count) {
            this.values = new long[count];
        }
        System.arraycopy(values, 0, this.values, 0, count);
        valueCount = count;
    }

    /** Adds the row {@code sign * ((x & mask) << shift)}. */
    void addRow(long mask, int shift, int sign) {
        valuesKnown = false;
        coefBits |= mask & ((1L << bits) - 1); // bits <= 63: hi is not negative
        for (int b = 0; b < bits; b++) {
            if ((mask >> b & 1) != 0) {
                long w = WidthInference.shiftExact(1L, b + shift);
                coef[b] = sign > 0 ? Math.addExact(coef[b], w) : Math.subtractExact(coef[b], w);
            }
        }
    }

    /** The largest value of the contribution over the source's range. */
    long max() {
        return bothExtremes() ? valuesMax : best(1);
    }

    /** The smallest value of the contribution over the source's range. */
    long min() {
        return bothExtremes() ? valuesMin : Math.negateExact(best(-1));
    }

    /**
     * Both extremes into {@link #valuesMax} and {@link #valuesMin} (once per connection), when
     * the source takes listed values, or when the bits with a coefficient take every
     * combination: the range starts at 0 and they are all set in its top (an input's mask, a
     * saturating activation's all-ones top), so every combination of them is at most the top,
     * the common case in the search. False otherwise ({@link #best} walks the range's ends).
     */
    private boolean bothExtremes() {
        boolean listed = valueCount > 0;
        if (!listed && (lo != 0 || (coefBits & ~hi) != 0)) {
            return false;
        }
        if (!valuesKnown) {
            valuesKnown = true;
            long max = listed ? Long.MIN_VALUE : 0;
            long min = listed ? Long.MAX_VALUE : 0;
            if (listed) {
                // each value's contribution summed once
                for (int i = 0; i < valueCount; i++) {
                    long v = valueOf(values[i], 0, 1);
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            } else {
                // independent bits: the positive and the negative coefficients summed
                for (int b = 0; b < bits; b++) {
                    long c = coef[b];
                    if (c > 0) {
                        max = Math.addExact(max, c);
                    } else {
                        min = Math.addExact(min, c);
                    }
                }
            }
            valuesMax = max;
            valuesMin = min;
        }
        return true;
    }

    /** The largest {@code sign * contribution} over the source's range [lo, hi]. */
    private long best(int sign) {
        pos[0] = 0;
        for (int b = 0; b < bits; b++) {
            pos[b + 1] = Math.addExact(pos[b], Math.max(0, c(b, sign)));
        }
        if (lo == hi) {
            return valueOf(lo, 0, sign);
        }
        int p = 63 - Long.numberOfLeadingZeros(lo ^ hi); // highest bit where the ends differ
        long prefix = valueOf(hi, p + 1, sign);
        long best = Long.MIN_VALUE;
        // x_p = 1, the bits below at most hi's: follow hi, or leave it at a 1 of hi (0 there, free below).
        long acc = Math.addExact(prefix, c(p, sign));
        for (int b = p - 1; b >= 0; b--) {
            if ((hi >> b & 1) != 0) {
                best = Math.max(best, Math.addExact(acc, pos[b]));
                acc = Math.addExact(acc, c(b, sign));
            }
        }
        best = Math.max(best, acc);
        // x_p = 0, the bits below at least lo's: follow lo, or leave it at a 0 of lo (1 there, free below).
        acc = prefix;
        for (int b = p - 1; b >= 0; b--) {
            if ((lo >> b & 1) == 0) {
                best = Math.max(best, Math.addExact(Math.addExact(acc, c(b, sign)), pos[b]));
            } else {
                acc = Math.addExact(acc, c(b, sign));
            }
        }
        return Math.max(best, acc);
    }

    private long c(int b, int sign) {
        return sign > 0 ? coef[b] : Math.negateExact(coef[b]);
    }

    /** {@code sign * contribution} of the bits of x from bit {@code from} up. */
    private long valueOf(long x, int from, int sign) {
        long v = 0;
        for (int b = from; b < bits; b++) {
            if ((x >> b & 1) != 0) {
                v = Math.addExact(v, c(b, sign));
            }
        }
        return v;
    }
}
