package org.pmlp.ir;

import java.math.BigInteger;
import org.pmlp.UserError;

/**
 * Fills in every node's exponent, value range and bit width, in topological order, by interval
 * arithmetic that is exact for the bounds of each operation: each connection's whole
 * contribution (all the rows of one weight times one source, after masks and truncation) is
 * bounded by its true extremes over the source's range ({@link ConnectionRange}). Each node also
 * gets its nominal range ({@link Node#nominalLo()}), the older digit-by-digit bound against which
 * some knobs are defined. Run after the last transformation
 * (like Yosys's wreduce): the emitter, the golden model and the cost model all read its results.
 *
 * <p>Every value must fit in {@link #MAX_BITS} bits: the golden model, the emitter and the cost
 * model compute in {@code long}, which is then exact (sums of two such values, and every partial
 * sum of a heap, stay within 63 bits). A wider sum is refused with a {@link UserError} naming the
 * neuron, never computed modulo 2^64.
 */
public final class WidthInference {
    /**
     * How widths are inferred, recorded in each search checkpoint's fingerprint: designs keep
     * their meaning when inference changes, but their widths, and so their cost, do not, so a
     * search saved under another inference is not resumed (checkpoints of before have no entry).
     */
    public static final String METHOD = "connection extremes (2)";

    /** The widest value (sum or activation) pmlp computes, in bits. */
    public static final int MAX_BITS = 62;

    private WidthInference() {
    }

    /** Infers every width and refuses a circuit with a value wider than {@link #MAX_BITS}. */
    public static Circuit run(Circuit c) {
        return run(c, true);
    }

    /**
     * Infers widths while passes are still editing the circuit: a sum wider than
     * {@link #MAX_BITS} (e.g. behind a placeholder full-width window a later pass narrows) gets
     * the widest supported range instead of an error, so the values of the layers a pass reads
     * stay exact. The final {@link #run(Circuit)} refuses such a circuit.
     */
    public static Circuit runWhileEditing(Circuit c) {
        return run(c, false);
    }

    private static Circuit run(Circuit c, boolean strict) {
        c.invalidateWidths();
        for (Node n : c.topologicalOrder()) {
            if (n instanceof InputNode in) {
                in.setInferred(0, in.maxValue(), -c.inputBits());
            } else if (n instanceof SumNode s) {
                inferSum(c, s, strict);
            } else if (n instanceof ActNode a) {
                inferAct(c, a);
            } else if (n instanceof ArgmaxNode am) {
                am.setInferred(0, am.classes() - 1, 0);
            }
        }
        return c;
    }

    private static void inferSum(Circuit c, SumNode s, boolean strict) {
        for (Edge e : c.operands(s)) {
            Node src = c.source(e);
            if (src.lo() < 0) {
                throw new IllegalStateException(s.name() + " reads signed " + src.name() + ": hidden activations must be ReLU");
            }
        }
        int exponent = c.minSourceExponent(s) - s.fracBits();
        long lo;
        long hi;
        long nominalLo;
        long nominalHi;
        try {
            long constant = c.heapConstant(s); // saturates beyond 64 bits
            if (Node.widthOf(constant, constant) > MAX_BITS) {
                throw new ArithmeticException("constant overflow");
            }
            nominalLo = constant;
            nominalHi = constant;
            for (PartialProduct p : c.nominalPartialProducts(s)) {
                long max = nominalRowMax(p);
                if (p.sign() > 0) {
                    nominalHi = Math.addExact(nominalHi, max);
                } else {
                    nominalLo = Math.subtractExact(nominalLo, max);
                }
            }
            long[] range = tightRange(c.partialProducts(s), constant, new ConnectionRange());
            lo = range[0];
            hi = range[1];
        } catch (ArithmeticException overflow) {
            lo = nominalLo = Long.MIN_VALUE;
            hi = nominalHi = Long.MAX_VALUE;
        }
        // The nominal range decides what is too wide, so tighter inference accepts no design
        // the nominal bounds refuse (and the nominal bounds always fit in a long).
        if (nominalLo < -(1L << (MAX_BITS - 1)) || nominalHi >= 1L << MAX_BITS || Node.widthOf(nominalLo, nominalHi) > MAX_BITS) {
            if (strict) {
                throw tooWide(s, exactWidth(c, s));
            }
            // Placeholder: the widest supported range, so later inference and lowering stay in long.
            lo = nominalLo = -(1L << (MAX_BITS - 1));
            hi = nominalHi = (1L << (MAX_BITS - 1)) - 1;
        }
        s.setInferred(lo, hi, nominalLo, nominalHi, exponent);
    }

    /**
     * The nominal bound of one row: the largest {@code (x & mask) << shift} for x up to the
     * source's nominal upper bound. Every signed digit is bounded on its own, as pmlp's range
     * analysis did before it bounded whole connections; kept, frozen, because the meaning of
     * some knobs is stated against it (see {@link Node#nominalLo()}).
     */
    static long nominalRowMax(PartialProduct p) {
        return shiftExact(maxAnd(p.source().nominalHi(), p.mask()), p.shift());
    }

    /**
     * {@code constant} plus, per connection (its rows are consecutive and share the source), the
     * exact range of the connection's whole contribution over its source's inferred range.
     */
    private static long[] tightRange(java.util.List<PartialProduct> rows, long constant, ConnectionRange range) {
        long lo = constant;
        long hi = constant;
        for (int r = 0; r < rows.size(); ) {
            Node src = rows.get(r).source();
            if (src instanceof InputNode in && in.table() != null) {
                range.startTable(in.table(), in.mask());
            } else {
                range.start(src.lo(), src.hi());
            }
            for (; r < rows.size() && rows.get(r).source() == src; r++) {
                PartialProduct p = rows.get(r);
                range.addRow(p.mask(), p.shift(), p.sign());
            }
            lo = Math.addExact(lo, range.min());
            hi = Math.addExact(hi, range.max());
        }
        return new long[] {lo, hi};
    }

    static UserError tooWide(SumNode s, int bits) {
        return new UserError("layer " + s.layer() + " neuron " + s.neuron() + ": the sum needs " + bits
                + " bits; pmlp supports at most " + MAX_BITS
                + ": lower act_bits (or give hidden windows of fewer bits), weight_bits or input_bits");
    }

    /** The bits the sum needs under the nominal bounds, computed with unbounded integers (for the error message). */
    static int exactWidth(Circuit c, SumNode s) {
        BigInteger lo = c.exactHeapConstant(s);
        BigInteger hi = lo;
        for (PartialProduct p : c.nominalPartialProducts(s)) {
            BigInteger max = BigInteger.valueOf(maxAnd(p.source().nominalHi(), p.mask())).shiftLeft(p.shift());
            if (p.sign() > 0) {
                hi = hi.add(max);
            } else {
                lo = lo.subtract(max);
            }
        }
        if (lo.signum() >= 0) {
            return Math.max(1, hi.bitLength());
        }
        return Math.max(lo.bitLength() + 1, hi.signum() < 0 ? 1 : hi.bitLength() + 1);
    }

    /** {@code v << shift}, or an ArithmeticException when that does not fit in a long. */
    static long shiftExact(long v, int shift) {
        if (v == 0) {
            return 0;
        }
        if (shift >= 63 || (v << shift) >> shift != v) {
            throw new ArithmeticException("shift overflow");
        }
        return v << shift;
    }

    private static void inferAct(Circuit c, ActNode a) {
        SumNode s = c.sumOf(a);
        a.setInferred(act(a, s.lo()), act(a, s.hi()), act(a, s.nominalLo()), act(a, s.nominalHi()), s.exponent() + a.lsb());
    }

    /** The activation of a sum value (monotone, so it maps bounds to bounds). */
    private static long act(ActNode a, long sum) {
        long v = sum >> a.lsb();
        if (a.kind() == ActNode.Kind.RELU) {
            long sat = (1L << a.windowBits()) - 1;
            v = Math.max(0, Math.min(sat, v));
        }
        return v;
    }

    /** The largest {@code x & m} over {@code 0 <= x <= hi}. */
    static long maxAnd(long hi, long m) {
        long best = hi & m;
        // x = hi with a set bit b cleared and every bit below it set, for each set bit b below 63
        // (visited by set bit: the search infers widths per candidate, and most bits are clear)
        for (long h = hi & Long.MAX_VALUE; h != 0; h &= h - 1) {
            int b = Long.numberOfTrailingZeros(h);
            long x = (hi & ~((1L << (b + 1)) - 1)) | ((1L << b) - 1);
            best = Math.max(best, x & m);
        }
        return best;
    }

    /** Width and signedness shared by the argmax's operands (sign-extended to a common width). */
    public static int argmaxValueWidth(Circuit c) {
        boolean signed = argmaxSigned(c);
        int w = 1;
        for (Edge e : c.operands(c.argmax())) {
            Node v = c.source(e);
            w = Math.max(w, v.width() + (signed && !v.signed() ? 1 : 0));
        }
        return w;
    }

    /**
     * The argmax operands' common width under the nominal bounds: the width comparator
     * precision ({@code argmax.bits}) is stated against, so a configuration compares the same bits
     * however tight inference gets. See {@link ArgmaxNode#compareShift}.
     */
    public static int argmaxNominalWidth(Circuit c) {
        boolean signed = false;
        for (Edge e : c.operands(c.argmax())) {
            signed |= c.source(e).nominalLo() < 0;
        }
        int w = 1;
        for (Edge e : c.operands(c.argmax())) {
            Node v = c.source(e);
            w = Math.max(w, v.nominalWidth() + (signed && v.nominalLo() >= 0 ? 1 : 0));
        }
        return w;
    }

    public static boolean argmaxSigned(Circuit c) {
        for (Edge e : c.operands(c.argmax())) {
            if (c.source(e).signed()) {
                return true;
            }
        }
        return false;
    }
}
