package org.pmlp.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.ArgmaxNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.PartialProduct;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.Tournament;
import org.pmlp.ir.WidthInference;
import org.pmlp.rtl.HeapCompressor;
import org.pmlp.rtl.HeapStyle;

/** Counts {@link CostFeatures} of a width-inferred circuit, following what the emitter builds. */
public final class FeatureCounter {
    private static final byte ZERO = 0;
    private static final byte ONE = 1;
    private static final byte VAR = 2;

    private FeatureCounter() {
    }

    public static CostFeatures count(Circuit c, HeapStyle style) {
        CostFeatures f = new CostFeatures();
        Counting cells = new Counting(f);
        long[] inputUse = new long[c.inputs().size()];
        for (int l = 0; l < c.layers(); l++) {
            for (SumNode s : c.sums(l)) {
                List<PartialProduct> rows = c.partialProducts(s);
                for (PartialProduct p : rows) {
                    if (p.source() instanceof InputNode in) {
                        inputUse[in.feature()] |= p.mask();
                    }
                }
                if (style == HeapStyle.SPLIT) {
                    split(rows, c.heapConstant(s), s.width(), cells, f);
                } else {
                    twosComplement(rows, c.heapConstant(s), s.width(), cells, f);
                }
            }
            for (ActNode a : c.acts(l)) {
                activation(c, a, f);
            }
        }
        argmax(c, f);
        for (long use : inputUse) {
            f.flipFlops += Long.bitCount(use);
        }
        f.flipFlops += Math.max(1, 32 - Integer.numberOfLeadingZeros(c.classes() - 1));
        return f;
    }

    private static List<ArrayDeque<Byte>> columns(int w) {
        List<ArrayDeque<Byte>> cols = new ArrayList<>(w);
        for (int i = 0; i < w; i++) {
            cols.add(new ArrayDeque<>());
        }
        return cols;
    }

    private static void addConstant(List<ArrayDeque<Byte>> cols, long value) {
        for (int col = 0; col < cols.size(); col++) {
            if ((value >> col & 1) != 0) {
                cols.get(col).addFirst(ONE);
            }
        }
    }

    private static void twosComplement(List<PartialProduct> rows, long constant, int w, Counting cells, CostFeatures f) {
        List<ArrayDeque<Byte>> cols = columns(w);
        long k = constant;
        for (PartialProduct p : rows) {
            long m = p.mask();
            while (m != 0) {
                int j = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int col = j + p.shift();
                if (col >= w) {
                    continue;
                }
                cols.get(col).add(VAR);
                if (p.sign() < 0) {
                    f.inverters++;
                    k -= 1L << col;
                }
            }
        }
        addConstant(cols, k);
        HeapCompressor.compress(cols, cells);
    }

    private static void split(List<PartialProduct> rows, long constant, int w, Counting cells, CostFeatures f) {
        List<ArrayDeque<Byte>> pos = columns(w);
        List<ArrayDeque<Byte>> neg = columns(w);
        for (PartialProduct p : rows) {
            long m = p.mask();
            while (m != 0) {
                int j = Long.numberOfTrailingZeros(m);
                m &= m - 1;
                int col = j + p.shift();
                if (col < w) {
                    (p.sign() > 0 ? pos : neg).get(col).add(VAR);
                }
            }
        }
        addConstant(constant >= 0 ? pos : neg, Math.abs(constant));
        List<Byte> a = HeapCompressor.compress(pos, cells);
        List<Byte> b = HeapCompressor.compress(neg, cells);
        List<ArrayDeque<Byte>> diff = columns(w);
        for (int col = 0; col < w; col++) {
            diff.get(col).add(a.get(col));
            byte nb = b.get(col) == VAR ? VAR : (b.get(col) == ONE ? ZERO : ONE);
            if (nb == VAR) {
                f.inverters++;
            }
            diff.get(col).add(nb);
        }
        diff.get(0).add(ONE);
        HeapCompressor.compress(diff, cells);
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
        int[] needed = new int[k + t.comparators()];
        for (int cmp = t.comparators() - 1; cmp >= 0; cmp--) {
            int bits = am.effectiveBits(cmp, vw);
            f.comparatorBits += bits;
            needed[t.left()[cmp]] = Math.max(needed[t.left()[cmp]], bits);
            needed[t.right()[cmp]] = Math.max(needed[t.right()[cmp]], bits);
        }
        for (int cmp = 0; cmp < t.comparators(); cmp++) {
            f.muxBits += needed[k + cmp] + iw;
        }
    }

    /** Adders on tokens, counting what the gate builder's constant folding would leave. */
    private static final class Counting implements HeapCompressor.Cells<Byte> {
        private final CostFeatures f;

        Counting(CostFeatures f) {
            this.f = f;
        }

        @Override
        public List<Byte> fullAdder(Byte x, Byte y, Byte z) {
            int vars = (x == VAR ? 1 : 0) + (y == VAR ? 1 : 0) + (z == VAR ? 1 : 0);
            int ones = (x == ONE ? 1 : 0) + (y == ONE ? 1 : 0) + (z == ONE ? 1 : 0);
            int zeros = 3 - vars - ones;
            if (vars == 3) {
                f.fullAdders++;
                return List.of(VAR, VAR);
            }
            if (vars == 2) {
                if (ones == 1) {
                    f.constFullAdders++;
                } else {
                    f.halfAdders++;
                }
                return List.of(VAR, VAR);
            }
            if (vars == 1) {
                // sum is the variable or its complement; carry is the constant majority or the variable
                if (ones == 1) {
                    f.inverters++;
                    return List.of(VAR, VAR);
                }
                return List.of(VAR, ones == 2 ? ONE : ZERO);
            }
            byte sum = (byte) (ones % 2 == 1 ? ONE : ZERO);
            byte carry = (byte) (ones >= 2 ? ONE : ZERO);
            return List.of(sum, carry);
        }

        @Override
        public List<Byte> halfAdder(Byte x, Byte y) {
            int vars = (x == VAR ? 1 : 0) + (y == VAR ? 1 : 0);
            int ones = (x == ONE ? 1 : 0) + (y == ONE ? 1 : 0);
            if (vars == 2) {
                f.halfAdders++;
                return List.of(VAR, VAR);
            }
            if (vars == 1) {
                if (ones == 1) {
                    f.inverters++;
                }
                return List.of(VAR, ones == 1 ? VAR : ZERO);
            }
            return List.of((byte) (ones == 1 ? ONE : ZERO), (byte) (ones == 2 ? ONE : ZERO));
        }

        @Override
        public Byte zero() {
            return ZERO;
        }
    }
}
