package org.pmlp.rtl;

import java.util.ArrayList;
import java.util.List;
import org.pmlp.ir.Tournament;

/**
 * The argmax tournament as gates. The lower levels are built as a tournament: each comparator
 * decides its match and multiplexes the winner's value and index up. The last levels (from
 * {@link #speculatedFrom}) are speculative: every operand that may reach them (a "finalist": a
 * winner of the last sequential level, or a leaf that passes up unopposed) is compared with every
 * finalist it may meet, all at once, each pair with the bits of the comparator where the two
 * would meet, so the result is the tournament's exactly (approximate comparators included) while
 * the comparators no longer sit in series: one comparator stage and a little select logic instead
 * of one comparator and one value multiplexer per level.
 */
public final class ArgmaxGates {
    /**
     * The most levels speculated: for 9-16 classes (four levels) every pair of classes is then
     * compared at once. Measured on exact arrhythmia (13 classes, public 1.0 V library, README):
     * 238.6 ms sequential, 218.9 ms with the last three levels speculated (+1.0% area), 203.6 ms
     * with all four (+4.1%). How many a design gets is chosen by timing ({@link VerilogEmitter}).
     */
    static final int MAX_SPECULATED_LEVELS = 4;

    private final Gates g;
    private final Tournament t;
    private final int[] bits;
    private final int vw;
    private final boolean signed;
    private final int[] level;
    private final int speculated;

    /**
     * @param bits effective bits of each comparator (it compares bits [vw - bits, vw) of its operands)
     * @param speculated how many of the last levels are speculated (0: none, a plain tournament)
     */
    ArgmaxGates(Gates g, Tournament t, int[] bits, int vw, boolean signed, int speculated) {
        this.g = g;
        this.speculated = speculated;
        this.t = t;
        this.bits = bits;
        this.vw = vw;
        this.signed = signed;
        int k = t.leaves();
        level = new int[k + t.comparators()];
        for (int c = 0; c < t.comparators(); c++) {
            level[k + c] = 1 + Math.max(level[t.left()[c]], level[t.right()[c]]);
        }
    }

    /**
     * What {@link #build} makes, for the cost model: {comparator bits, multiplexer bits}. Every
     * comparator (a sequential one, or a speculative one per pair of finalists) counts its bits;
     * a sequential level's winner counts a multiplexer bit per value bit a later comparator reads
     * and per index bit; the speculative select logic (per finalist an AND over its pairs and an
     * AND-OR per index bit) counts as one multiplexer bit per three gates.
     */
    public static int[] census(Tournament t, int[] bits, int vw, int iw, int speculated) {
        ArgmaxGates a = new ArgmaxGates(null, t, bits, vw, false, speculated);
        int k = t.leaves();
        int from = a.speculatedFrom();
        int[] needed = new int[k + t.comparators()];
        int comparatorBits = 0;
        int muxBits = 0;
        java.util.Map<Integer, List<Integer>> fin = new java.util.HashMap<>();
        java.util.Set<Integer> finalists = new java.util.TreeSet<>();
        for (int c = 0; c < t.comparators(); c++) {
            int e = k + c;
            if (a.level[e] < from) {
                comparatorBits += bits[c];
                needed[t.left()[c]] = Math.max(needed[t.left()[c]], bits[c]);
                needed[t.right()[c]] = Math.max(needed[t.right()[c]], bits[c]);
                continue;
            }
            List<Integer> mine = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Integer>[] sides = new List[2];
            int[] ops = {t.left()[c], t.right()[c]};
            for (int s = 0; s < 2; s++) {
                sides[s] = a.level[ops[s]] < from ? List.of(ops[s]) : fin.get(ops[s]);
                mine.addAll(sides[s]);
                if (a.level[ops[s]] < from) {
                    finalists.add(ops[s]);
                }
            }
            for (int x : sides[0]) {
                for (int y : sides[1]) {
                    comparatorBits += bits[c];
                    needed[x] = Math.max(needed[x], bits[c]);
                    needed[y] = Math.max(needed[y], bits[c]);
                }
            }
            fin.put(e, mine);
        }
        for (int c = 0; c < t.comparators(); c++) {
            if (a.level[k + c] < from) {
                muxBits += needed[k + c] + iw;
            }
        }
        int f = finalists.size();
        muxBits += (f * (f - 1) + 2 * f * iw) / 3;
        return new int[] {comparatorBits, muxBits};
    }

    /** Levels of the tournament (0 for a single class). */
    int levels() {
        return level[t.root()];
    }

    /** The first speculated level (one past the last level when none is). */
    int speculatedFrom() {
        int levels = levels();
        return speculated > 0 ? Math.max(1, levels - speculated + 1) : levels + 1;
    }

    /**
     * The winner's index bits.
     *
     * @param value per entry (leaves first, then comparator winners), its value bits; leaves filled
     * @param index per entry its index bits; leaves filled
     */
    int[] build(int[][] value, int[][] index) {
        int k = t.leaves();
        int from = speculatedFrom();
        for (int c = 0; c < t.comparators(); c++) {
            if (level[k + c] >= from) {
                continue;
            }
            int[] l = value[t.left()[c]];
            int[] r = value[t.right()[c]];
            int gt = greater(r, l, vw - bits[c], vw);
            g.name(gt, "gt" + c);
            value[k + c] = new int[vw];
            index[k + c] = new int[index[0].length];
            for (int j = 0; j < vw; j++) {
                value[k + c][j] = g.mux(gt, l[j], r[j]);
            }
            for (int j = 0; j < index[k + c].length; j++) {
                index[k + c][j] = g.mux(gt, index[t.left()[c]][j], index[t.right()[c]][j]);
            }
        }
        if (from > levels()) {
            return index[t.root()];
        }
        return speculate(value, index, from);
    }

    private int[] speculate(int[][] value, int[][] index, int from) {
        int k = t.leaves();
        // finalists of each entry at or above the speculated levels, in leaf order
        List<List<Integer>> finalists = new ArrayList<>();
        for (int e = 0; e < k + t.comparators(); e++) {
            finalists.add(new ArrayList<>());
        }
        List<Integer> all = new ArrayList<>();
        int n = k + t.comparators();
        int[] pos = new int[n];
        java.util.Arrays.fill(pos, -1);
        boolean sameBits = true;
        int firstBits = -1;
        for (int c = 0; c < t.comparators(); c++) {
            int e = k + c;
            if (level[e] < from) {
                continue;
            }
            for (int side : new int[] {t.left()[c], t.right()[c]}) {
                if (level[side] < from) {
                    finalists.get(side).add(side);
                    if (pos[side] < 0) {
                        pos[side] = all.size();
                        all.add(side);
                    }
                }
                finalists.get(e).addAll(finalists.get(side));
            }
            sameBits &= firstBits < 0 || bits[c] == firstBits;
            firstBits = bits[c];
        }
        all.sort((a, b) -> Integer.compare(firstLeaf(a), firstLeaf(b)));
        int f = all.size();
        for (int i = 0; i < f; i++) {
            pos[all.get(i)] = i;
        }
        // beats[i][j] (i before j): finalist j beats finalist i where they meet
        int[][] beats = new int[f][f];
        for (int c = 0; c < t.comparators(); c++) {
            if (level[k + c] < from) {
                continue;
            }
            for (int a : finalists.get(t.left()[c])) {
                for (int b : finalists.get(t.right()[c])) {
                    beats[pos[a]][pos[b]] = greater(value[b], value[a], vw - bits[c], vw);
                }
            }
        }
        int[] win = new int[f];
        if (sameBits) {
            // one comparison key for every pair: the first maximum wins, a finalist wins when it
            // beats every finalist before it and no later one beats it
            for (int i = 0; i < f; i++) {
                List<Integer> terms = new ArrayList<>();
                for (int j = 0; j < f; j++) {
                    if (j < i) {
                        terms.add(beats[j][i]);
                    } else if (j > i) {
                        terms.add(g.not(beats[i][j]));
                    }
                }
                win[i] = andTree(terms, 0, terms.size());
            }
        } else {
            win = oneHot(t.root(), beats, pos, from);
        }
        int iw = index[0].length;
        int[] y = new int[iw];
        for (int j = 0; j < iw; j++) {
            List<Integer> terms = new ArrayList<>();
            for (int i = 0; i < f; i++) {
                terms.add(g.and(win[i], index[all.get(i)][j]));
            }
            y[j] = orTree(terms, 0, terms.size());
        }
        return y;
    }

    /** One-hot winner among the finalists of entry e, composed match by match. */
    private int[] oneHot(int e, int[][] beats, int[] pos, int from) {
        int f = beats.length;
        int[] win = new int[f];
        if (e < t.leaves() || level[e] < from) {
            win[pos[e]] = Gates.ONE;
            return win;
        }
        int c = e - t.leaves();
        int[] l = oneHot(t.left()[c], beats, pos, from);
        int[] r = oneHot(t.right()[c], beats, pos, from);
        List<Integer> outer = new ArrayList<>();
        for (int i = 0; i < f; i++) {
            if (l[i] == Gates.ZERO) {
                continue;
            }
            List<Integer> inner = new ArrayList<>();
            for (int j = 0; j < f; j++) {
                if (r[j] != Gates.ZERO) {
                    inner.add(g.and(r[j], beats[i][j]));
                }
            }
            outer.add(g.and(l[i], orTree(inner, 0, inner.size())));
        }
        int gt = orTree(outer, 0, outer.size());
        int ngt = g.not(gt);
        for (int i = 0; i < f; i++) {
            win[i] = l[i] != Gates.ZERO ? g.and(l[i], ngt) : r[i] != Gates.ZERO ? g.and(r[i], gt) : Gates.ZERO;
        }
        return win;
    }

    private int firstLeaf(int e) {
        while (e >= t.leaves()) {
            e = t.left()[e - t.leaves()];
        }
        return e;
    }

    private int andTree(List<Integer> s, int lo, int hi) {
        if (hi - lo == 0) {
            return Gates.ONE;
        }
        if (hi - lo == 1) {
            return s.get(lo);
        }
        int mid = (lo + hi) / 2;
        return g.and(andTree(s, lo, mid), andTree(s, mid, hi));
    }

    private int orTree(List<Integer> s, int lo, int hi) {
        if (hi - lo == 0) {
            return Gates.ZERO;
        }
        if (hi - lo == 1) {
            return s.get(lo);
        }
        int mid = (lo + hi) / 2;
        return g.or(orTree(s, lo, mid), orTree(s, mid, hi));
    }

    /**
     * {@code r[hi-1:lo] > l[hi-1:lo]}, signed or unsigned, as a balanced tree over the bits (a
     * range's "greater" is its upper half's, or its upper half not less and its lower half greater):
     * logarithmic depth where a borrow chain from the lsb would ripple through every bit, for one
     * more AND gate per bit.
     */
    int greater(int[] r, int[] l, int lo, int hi) {
        int n = hi - lo;
        int[] gt = new int[n];
        int[] eq = new int[n];
        for (int j = lo; j < hi; j++) {
            int lj = l[j];
            int rj = r[j];
            if (signed && j == hi - 1) {
                lj = g.not(lj);
                rj = g.not(rj);
            }
            int nl = g.not(lj);
            gt[j - lo] = g.and(nl, rj);
            // r >= l at this bit: passes a lower bit's decision up, as a carry-lookahead
            // propagate (an OR where an equality needs an XNOR: smaller and faster)
            eq[j - lo] = g.or(nl, rj);
        }
        if (n == 0) {
            return Gates.ZERO;
        }
        return (int) greaterTree(gt, eq, splits(n), 0, n);
    }

    /**
     * Where to split each bit range [lo, hi) of a comparison so that its "greater" has the fewest
     * gate levels (dynamic programming over the ranges): the upper part reaches the root through
     * one OR, the lower through an AND and an OR, so the shallowest tree is not the balanced one
     * (17 bits: 9 levels where the balanced tree has 12). The tree has n - 1 nodes whatever its
     * shape, so this costs no gates. The bits are taken as arriving together: a measured attempt
     * to shape the tree (and the select logic) by estimated arrival gave exact arrhythmia a
     * slower netlist, the arrivals of the emitted gates not being those of the mapped cells.
     * Ties keep the balanced split, then the lowest. A function of the width alone, computed once
     * per width (cubic in it, it was a twentieth of the search's census when made per comparator).
     */
    private static int[][] splits(int n) {
        int[][][] known = SPLITS;
        if (n < known.length && known[n] != null) {
            return known[n];
        }
        int[][] split = computeSplits(n);
        synchronized (ArgmaxGates.class) {
            // copy on write: the volatile store publishes the filled table to readers that do not lock
            int[][][] next = java.util.Arrays.copyOf(SPLITS, Math.max(n + 1, SPLITS.length));
            next[n] = split;
            SPLITS = next;
        }
        return split;
    }

    /** {@link #splits} by width, as widths are met. */
    private static volatile int[][][] SPLITS = new int[0][][];

    private static int[][] computeSplits(int n) {
        double and = GateDelays.POLICY.and();
        double or = GateDelays.POLICY.or();
        double[][] tg = new double[n + 1][n + 1];
        double[][] te = new double[n + 1][n + 1];
        int[][] split = new int[n + 1][n + 1];
        // every bit's generate and propagate a NOT and a gate from its operands
        for (int j = 0; j < n; j++) {
            tg[j][j + 1] = GateDelays.POLICY.not() + and;
            te[j][j + 1] = GateDelays.POLICY.not() + or;
        }
        for (int len = 2; len <= n; len++) {
            for (int lo = 0; lo + len <= n; lo++) {
                int hi = lo + len;
                int balanced = (lo + hi + 1) / 2;
                double bestG = Double.MAX_VALUE;
                double bestE = Double.MAX_VALUE;
                int best = -1;
                for (int k = 0; k < len; k++) {
                    // the balanced split first, then the others from the lowest
                    int mid = k == 0 ? balanced : lo + k;
                    if (k > 0 && mid == balanced) {
                        continue;
                    }
                    double tgt = Math.max(tg[mid][hi], Math.max(te[mid][hi], tg[lo][mid]) + and) + or;
                    double teq = Math.max(te[mid][hi], te[lo][mid]) + and;
                    if (tgt < bestG - 1e-9 || (tgt < bestG + 1e-9 && teq < bestE - 1e-9)) {
                        bestG = tgt;
                        bestE = teq;
                        best = mid;
                    }
                }
                tg[lo][hi] = bestG;
                te[lo][hi] = bestE;
                split[lo][hi] = best;
            }
        }
        return split;
    }

    /**
     * "Greater" of bits [lo, hi) in the low half, "not less" in the high half (the second only
     * where a caller needs it): a pair in a long, as the search builds a tree per comparator.
     */
    private long greaterTree(int[] gt, int[] eq, int[][] split, int lo, int hi) {
        if (hi - lo == 1) {
            return pair(gt[lo], eq[lo]);
        }
        int mid = split[lo][hi];
        long low = greaterTree(gt, eq, split, lo, mid);
        long high = greaterTree(gt, eq, split, mid, hi);
        int highNotLess = (int) (high >>> 32);
        int greater = g.or((int) high, g.and(highNotLess, (int) low));
        return pair(greater, lo == 0 ? Gates.ZERO : g.and(highNotLess, (int) (low >>> 32)));
    }

    private static long pair(int greater, int notLess) {
        return (long) notLess << 32 | (greater & 0xFFFFFFFFL);
    }
}
