package org.pmlp.ir;

/**
 * A quantized input feature, {@code bits} wide, registered at the circuit's boundary. Its value
 * is {@code table[x] & mask} for the port's code x: the {@link #table()} maps codes to learned
 * levels ({@link org.pmlp.quant.InputLevels}; null for the identity, no gates) and only the bits in
 * {@link #mask()} are used (the input bit-width knob: the top n bits).
 */
public final class InputNode extends Node {
    private final int feature;
    private final int bits;
    private long mask;
    private int[] table;
    /** {@link #maxValue()} and {@link #usedBits()}, kept with the mask and table (read per connection). */
    private long maxValue;
    private long usedBits;

    InputNode(int feature, int bits) {
        super("x" + feature);
        this.feature = feature;
        this.bits = bits;
        this.mask = (1L << bits) - 1;
        valuesChanged();
    }

    private void valuesChanged() {
        maxValue = maxValue(table, mask);
        usedBits = usedBits(table, mask);
    }

    public int feature() {
        return feature;
    }

    /** Width of the quantized feature at the port. */
    public int bits() {
        return bits;
    }

    public long mask() {
        return mask;
    }

    public void setMask(long mask) {
        long m = mask & ((1L << bits) - 1);
        if (m != this.mask) {
            this.mask = m;
            valuesChanged();
        }
    }

    /** Code to value before the mask, indexed by the port's code; null for the identity. */
    public int[] table() {
        return table;
    }

    /** Sets the code table (null or the identity: none). */
    public void setTable(int[] table) {
        this.table = normalize(table, bits);
        valuesChanged();
    }

    /**
     * Sets a table already {@link #normalize normalized} for this width, kept as given (not
     * copied): for the flat network, which never changes a table it has normalized.
     */
    void setNormalizedTable(int[] table) {
        if (table != this.table) {
            this.table = table;
            valuesChanged();
        }
    }

    /** The node's value for port code x. */
    public long valueOf(int x) {
        return valueOf(table, mask, x);
    }

    /** The largest value the node takes over all codes. */
    public long maxValue() {
        return maxValue;
    }

    /** The bits the value can have set: the OR of its values (the mask itself for the identity). */
    public long usedBits() {
        return usedBits;
    }

    /** {@link #usedBits()} of a table and mask. */
    public static long usedBits(int[] table, long mask) {
        if (table == null) {
            return mask;
        }
        long or = 0;
        for (int v : table) {
            or |= v;
        }
        return or & mask;
    }

    /** {@code table[x] & mask} (the identity when table is null): what every model computes. */
    public static long valueOf(int[] table, long mask, int x) {
        return (table == null ? x : table[x & (table.length - 1)]) & mask;
    }

    /** The largest {@link #valueOf} over the codes (the mask itself for the identity). */
    public static long maxValue(int[] table, long mask) {
        if (table == null) {
            return mask;
        }
        long max = 0;
        for (int v : table) {
            max = Math.max(max, v & mask);
        }
        return max;
    }

    /** A copy of the table checked against the width, or null for none or the identity. */
    public static int[] normalize(int[] table, int bits) {
        if (table == null || org.pmlp.quant.InputLevels.isIdentity(table)) {
            return null;
        }
        if (table.length != 1 << bits) {
            throw new IllegalArgumentException("input table of " + table.length + " entries for " + bits + " bits");
        }
        for (int v : table) {
            if (v < 0 || v >= 1 << bits) {
                throw new IllegalArgumentException("input table value " + v + " outside " + bits + " bits");
            }
        }
        return table.clone();
    }
}
