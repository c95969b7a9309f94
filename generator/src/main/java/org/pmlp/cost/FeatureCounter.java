package org.pmlp.cost;

import org.pmlp.ir.ActNode;
import org.pmlp.ir.ArgmaxNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.PartialProduct;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.Tournament;
import org.pmlp.ir.WidthInference;
import org.pmlp.rtl.ArgmaxGates;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.HeapCensus;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;
import org.pmlp.rtl.VerilogEmitter;

/**
 * Counts {@link CostFeatures} of a width-inferred circuit. The heap adders and inverters are
 * counted from the emitter's own gate building ({@link VerilogEmitter#census}), so the cost model
 * follows the emitter's timing-driven heap policy exactly; the activation, comparator and
 * multiplexer features are counted from the circuit's shape.
 */
public final class FeatureCounter {
    private FeatureCounter() {
    }

    /** With registered inputs and outputs ({@link Registers#BOTH}, the designs the model was calibrated on). */
    public static CostFeatures count(Circuit c, HeapStyle style) {
        return count(c, style, Registers.BOTH);
    }

    /** Counts a design built with {@code registers}: no flip-flops where a side is not registered. */
    public static CostFeatures count(Circuit c, HeapStyle style, Registers registers) {
        return count(c, style, registers, null, null);
    }

    /**
     * As above; with {@code delays}, the same build of the emitter's gates is also timed (the
     * search needs both) and its longest path is left in {@code pathOut[0]}.
     */
    public static CostFeatures count(Circuit c, HeapStyle style, Registers registers, GateDelays delays,
                                     double[] pathOut) {
        CostFeatures f = new CostFeatures();
        if (delays == null) {
            VerilogEmitter.census(c, style, new Counting(f));
        } else {
            pathOut[0] = VerilogEmitter.census(c, style, new Counting(f), delays);
        }
        long[] inputUse = new long[c.inputs().size()];
        for (int l = 0; l < c.layers(); l++) {
            for (SumNode s : c.sums(l)) {
                for (PartialProduct p : c.partialProducts(s)) {
                    if (p.source() instanceof InputNode in) {
                        inputUse[in.feature()] |= p.mask();
                    }
                }
            }
            for (ActNode a : c.acts(l)) {
                activation(c, a, f);
            }
        }
        argmax(c, f);
        if (registers.inputs()) {
            for (long use : inputUse) {
                f.flipFlops += Long.bitCount(use);
            }
        }
        if (registers.outputs()) {
            f.flipFlops += Math.max(1, 32 - Integer.numberOfLeadingZeros(c.classes() - 1));
        }
        return f;
    }

    private static void activation(Circuit c, ActNode a, CostFeatures f) {
        if (a.kind() != ActNode.Kind.RELU) {
            return;
        }
        SumNode s = c.sumOf(a);
        int top = s.signed() ? s.width() - 2 : s.width() - 1;
        int above = Math.max(0, top - a.msb());
        int kept = Math.max(0, Math.min(a.width(), top - a.lsb() + 1));
        f.activationGates += above + 2 * kept + (s.signed() ? 1 : 0);
    }

    private static void argmax(Circuit c, CostFeatures f) {
        ArgmaxNode am = c.argmax();
        int k = am.classes();
        Tournament t = Tournament.of(k);
        int vw = WidthInference.argmaxValueWidth(c);
        int iw = Math.max(1, 32 - Integer.numberOfLeadingZeros(k - 1));
        int[] bits = new int[t.comparators()];
        for (int cmp = 0; cmp < bits.length; cmp++) {
            bits[cmp] = am.effectiveBits(cmp, vw);
        }
        // as the emitter builds it (sequential levels, then speculative ones)
        int[] census = ArgmaxGates.census(t, bits, vw, iw);
        f.comparatorBits += census[0];
        f.muxBits += census[1];
    }

    /** Sorts the emitter's heap adders into features by what constant folding leaves of them. */
    private static final class Counting implements HeapCensus {
        private final CostFeatures f;

        Counting(CostFeatures f) {
            this.f = f;
        }

        @Override
        public void fullAdder(int vars, int ones) {
            if (vars == 3) {
                f.fullAdders++;
            } else if (vars == 2) {
                if (ones == 1) {
                    f.constFullAdders++;
                } else {
                    f.halfAdders++;
                }
            } else if (vars == 1 && ones == 1) {
                // sum is the complement of the variable, carry the variable
                f.inverters++;
            }
        }

        @Override
        public void halfAdder(int vars, int ones) {
            if (vars == 2) {
                f.halfAdders++;
            } else if (vars == 1 && ones == 1) {
                f.inverters++;
            }
        }

        @Override
        public void inverter() {
            f.inverters++;
        }
    }
}
