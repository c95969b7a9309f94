package org.pmlp.ir;

/**
 * Fills in every node's exponent, value range and bit width, in topological order, by interval
 * arithmetic that is exact for the bounds of each operation. Run after the last transformation
 * (like Yosys's wreduce): the emitter, the golden model and the cost model all read its results.
 */
public final class WidthInference {
    private WidthInference() {
    }

    public static Circuit run(Circuit c) {
        c.invalidateWidths();
        for (Node n : c.topologicalOrder()) {
            if (n instanceof InputNode in) {
                in.setInferred(0, in.mask(), -c.inputBits());
            } else if (n instanceof SumNode s) {
                inferSum(c, s);
            } else if (n instanceof ActNode a) {
                inferAct(c, a);
            } else if (n instanceof ArgmaxNode am) {
                am.setInferred(0, am.classes() - 1, 0);
            }
        }
        return c;
    }

    private static void inferSum(Circuit c, SumNode s) {
        for (Edge e : c.operands(s)) {
            Node src = c.source(e);
            if (src.lo() < 0) {
                throw new IllegalStateException(s.name() + " reads signed " + src.name() + ": hidden activations must be ReLU");
            }
        }
        long constant = c.heapConstant(s);
        long lo = constant;
        long hi = constant;
        for (PartialProduct p : c.partialProducts(s)) {
            long max = maxAnd(p.source().hi(), p.mask()) << p.shift();
            if (p.sign() > 0) {
                hi += max;
            } else {
                lo -= max;
            }
        }
        s.setInferred(lo, hi, c.minSourceExponent(s) - s.fracBits());
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
