package org.pmlp.ir;

/**
 * A value of the circuit: an integer {@code v} meaning {@code v * 2^exponent}. Every node carries
 * its value range and bit width, filled in by {@link WidthInference} after the last transformation.
 */
public abstract sealed class Node permits InputNode, SumNode, ActNode, ArgmaxNode {
    private final String name;
    private long lo;
    private long hi;
    private int width = -1;
    private int exponent;
    private long nominalLo;
    private long nominalHi;
    private int index = -1;

    protected Node(String name) {
        this.name = name;
    }

    /**
     * The node's position in its circuit's {@link Circuit#topologicalOrder}: a dense index from 0
     * for per-node arrays where the emitter would otherwise look nodes up in a map (a node
     * belongs to one circuit, which numbers its nodes as it grows).
     */
    public int index() {
        return index;
    }

    void index(int i) {
        index = i;
    }

    /** Verilog-safe, unique within its circuit. */
    public String name() {
        return name;
    }

    public long lo() {
        checkInferred();
        return lo;
    }

    public long hi() {
        checkInferred();
        return hi;
    }

    /** Bits of the value: unsigned when {@link #signed()} is false, two's complement otherwise. */
    public int width() {
        checkInferred();
        return width;
    }

    public boolean signed() {
        checkInferred();
        return lo < 0;
    }

    /** The value's weight: the node's integer times {@code 2^exponent} approximates the real value. */
    public int exponent() {
        checkInferred();
        return exponent;
    }

    /**
     * The nominal lower bound: the range analysis that bounds every signed digit of every weight
     * as its own row ({@link WidthInference#nominalRowMax}). Never narrower than {@link #lo()};
     * knobs whose meaning is stated in terms of a value's bounds (the argmax's top bits, the
     * truncation compensation, full-width and uncalibrated windows) read the nominal bounds, so
     * a configuration means the same circuit however tight the inferred widths get.
     */
    public long nominalLo() {
        checkInferred();
        return nominalLo;
    }

    /** The nominal upper bound (see {@link #nominalLo()}). */
    public long nominalHi() {
        checkInferred();
        return nominalHi;
    }

    /** Bits of the nominal range, as {@link #width()} for the inferred one. */
    public int nominalWidth() {
        return widthOf(nominalLo(), nominalHi());
    }

    /** All bits of the nominal width set: the bits a value has under the nominal bounds. */
    public long nominalValueMask() {
        int w = nominalWidth();
        return w >= 63 ? -1L : (1L << w) - 1;
    }

    /** All bits of the width set: the mask of bits the value can have. */
    public long valueMask() {
        return width() >= 63 ? -1L : (1L << width()) - 1;
    }

    /** Sets the inferred range; the nominal one is the same (inputs, argmax). */
    void setInferred(long lo, long hi, int exponent) {
        setInferred(lo, hi, lo, hi, exponent);
    }

    void setInferred(long lo, long hi, long nominalLo, long nominalHi, int exponent) {
        if (nominalLo > lo || nominalHi < hi) {
            throw new IllegalStateException(name + ": nominal range [" + nominalLo + ", " + nominalHi
                    + "] does not contain the inferred one [" + lo + ", " + hi + "]");
        }
        this.lo = lo;
        this.hi = hi;
        this.nominalLo = nominalLo;
        this.nominalHi = nominalHi;
        this.exponent = exponent;
        this.width = widthOf(lo, hi);
    }

    void invalidate() {
        width = -1;
    }

    private void checkInferred() {
        if (width < 0) {
            throw new IllegalStateException("widths of " + name + " not inferred: run WidthInference after transforming");
        }
    }

    /** Bits to hold every value in [lo, hi]: unsigned when lo >= 0, else two's complement. */
    public static int widthOf(long lo, long hi) {
        if (lo >= 0) {
            return Math.max(1, 64 - Long.numberOfLeadingZeros(hi));
        }
        int neg = 65 - Long.numberOfLeadingZeros(~lo);
        int pos = hi < 0 ? 1 : 65 - Long.numberOfLeadingZeros(hi);
        return Math.max(neg, pos);
    }

    @Override
    public String toString() {
        return name;
    }
}
