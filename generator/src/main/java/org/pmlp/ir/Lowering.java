package org.pmlp.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lowers a width-inferred {@link Circuit} into a {@link Program}. */
public final class Lowering {
    private Lowering() {
    }

    public static Program lower(Circuit c) {
        int features = c.inputs().size();
        Map<Node, Integer> slot = new HashMap<>();
        long[] inputMask = new long[features];
        int[][] inputTable = new int[features][];
        for (InputNode in : c.inputs()) {
            slot.put(in, in.feature());
            inputMask[in.feature()] = in.mask();
            inputTable[in.feature()] = in.table();
        }
        List<Node> ops = new ArrayList<>();
        for (Node n : c.topologicalOrder()) {
            if (n instanceof SumNode || n instanceof ActNode) {
                slot.put(n, features + ops.size());
                ops.add(n);
            }
        }
        int m = ops.size();
        int[] kind = new int[m];
        int[] src = new int[m];
        long[] constant = new long[m];
        int[] lsb = new int[m];
        long[] sat = new long[m];
        int[] termStart = new int[m + 1];
        List<int[]> termSrc = new ArrayList<>();
        List<long[]> termMaskCoef = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            Node n = ops.get(k);
            termStart[k] = termSrc.size();
            if (n instanceof SumNode s) {
                kind[k] = Program.OP_SUM;
                constant[k] = c.heapConstant(s);
                // Rows with the same source and mask merge into one coefficient.
                Map<List<Long>, Long> coef = new LinkedHashMap<>();
                for (PartialProduct p : c.partialProducts(s)) {
                    coef.merge(List.of((long) slot.get(p.source()), p.mask()), (long) p.sign() << p.shift(), Long::sum);
                }
                for (Map.Entry<List<Long>, Long> e : coef.entrySet()) {
                    if (e.getValue() != 0) {
                        termSrc.add(new int[] {e.getKey().get(0).intValue()});
                        termMaskCoef.add(new long[] {e.getKey().get(1), e.getValue()});
                    }
                }
            } else {
                ActNode a = (ActNode) n;
                kind[k] = a.kind() == ActNode.Kind.RELU ? Program.OP_RELU : Program.OP_IDENTITY;
                src[k] = slot.get(c.sumOf(a));
                lsb[k] = a.lsb();
                sat[k] = (1L << a.windowBits()) - 1;
            }
        }
        termStart[m] = termSrc.size();
        int t = termSrc.size();
        int[] tSrc = new int[t];
        long[] tMask = new long[t];
        long[] tCoef = new long[t];
        for (int i = 0; i < t; i++) {
            tSrc[i] = termSrc.get(i)[0];
            tMask[i] = termMaskCoef.get(i)[0];
            tCoef[i] = termMaskCoef.get(i)[1];
        }
        ArgmaxNode am = c.argmax();
        int k = am.classes();
        int[] order = am.order();
        int[] leafSlot = new int[k];
        for (int i = 0; i < k; i++) {
            leafSlot[i] = slot.get(c.operand(am, order[i]));
        }
        Tournament tour = Tournament.of(k);
        int width = WidthInference.argmaxNominalWidth(c);
        int[] shift = new int[tour.comparators()];
        for (int i = 0; i < shift.length; i++) {
            shift[i] = am.compareShift(i, width);
        }
        return new Program(features, inputMask, inputTable, kind, src, constant, lsb, sat, termStart, tSrc, tMask, tCoef,
                leafSlot, order, tour.left(), tour.right(), shift, slot);
    }
}
