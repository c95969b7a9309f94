package org.pmlp.ir;

import java.math.BigInteger;
import org.pmlp.UserError;

/**
 * Fills in every node's exponent, value range and bit width, in topological order, by interval
 * arithmetic that is exact for the bounds of each operation. Run after the last transformation
 * (like Yosys's wreduce): the emitter, the golden model and the cost model all read its results.
 *
 * <p>Every value must fit in {@link #MAX_BITS} bits: the golden model, the emitter and the cost
 * model compute in {@code long}, which is then exact (sums of two such values, and every partial
 * sum of a heap, stay within 63 bits). A wider sum is refused with a {@link UserError} naming the
 * neuron, never computed modulo 2^64.
 */
public final class WidthInference {
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
        try {
            long constant = c.heapConstant(s); // saturates beyond 64 bits
            if (Node.widthOf(constant, constant) > MAX_BITS) {
                throw new ArithmeticException("constant overflow");
            }
            lo = constant;
            hi = constant;
            for (PartialProduct p : c.partialProducts(s)) {
                long max = shiftExact(maxAnd(p.source().hi(), p.mask()), p.shift());
                if (p.sign() > 0) {
                    hi = Math.addExact(hi, max);
                } else {
                    lo = Math.subtractExact(lo, max);
                }
            }
        } catch (ArithmeticException overflow) {
            lo = Long.MIN_VALUE;
            hi = Long.MAX_VALUE;
        }
        if (lo < -(1L << (MAX_BITS - 1)) || hi >= 1L << MAX_BITS || Node.widthOf(lo, hi) > MAX_BITS) {
            if (strict) {
                throw tooWide(s, exactWidth(c, s));
            }
            // Placeholder: the widest supported range, so later inference and lowering stay in long.
            lo = -(1L << (MAX_BITS - 1));
            hi = (1L << (MAX_BITS - 1)) - 1;
        }
        s.setInferred(lo, hi, exponent);
    }

    static UserError tooWide(SumNode s, int bits) {
        return new UserError("layer " + s.layer() + " neuron " + s.neuron() + ": the sum needs " + bits
                + " bits; pmlp supports at most " + MAX_BITS
                + ": lower act_bits (or give hidden windows of fewer bits), weight_bits or input_bits");
    }

    /** The bits the sum needs, computed with unbounded integers (for the error message). */
    static int exactWidth(Circuit c, SumNode s) {
        BigInteger lo = c.exactHeapConstant(s);
        BigInteger hi = lo;
        for (PartialProduct p : c.partialProducts(s)) {
            BigInteger max = BigInteger.valueOf(maxAnd(p.source().hi(), p.mask())).shiftLeft(p.shift());
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
        long lo = s.lo() >> a.lsb();
        long hi = s.hi() >> a.lsb();
        if (a.kind() == ActNode.Kind.RELU) {
            long sat = (1L << a.windowBits()) - 1;
            lo = Math.max(0, Math.min(sat, lo));
            hi = Math.max(0, Math.min(sat, hi));
        }
        a.setInferred(lo, hi, s.exponent() + a.lsb());
    }

    /** The largest {@code x & m} over {@code 0 <= x <= hi}. */
    static long maxAnd(long hi, long m) {
        long best = hi & m;
        for (int b = 62; b >= 0; b--) {
            if ((hi >> b & 1) != 0) {
                long x = (hi & ~((1L << (b + 1)) - 1)) | ((1L << b) - 1);
                best = Math.max(best, x & m);
            }
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

    public static boolean argmaxSigned(Circuit c) {
        for (Edge e : c.operands(c.argmax())) {
            if (c.source(e).signed()) {
                return true;
            }
        }
        return false;
    }
}
