package org.pmlp.rtl;

import java.util.Arrays;

/**
 * Re-synthesizes a netlist whose outputs read at most six input bits (the small end of a front:
 * a classifier on one or two thresholded features). Such a design is a truth table of at most 64
 * rows, yet its heaps, windows and comparators can hold several times the gates it needs (a
 * breast-cancer design of four input bits: 15 gates emitted, 3 cells after synthesis), and the
 * cost estimate of the search counted them all. Each output becomes an irredundant sum of
 * products (Minato-Morreale ISOP) of itself or of its complement, factored by its most frequent
 * literal; the new outputs replace the old when their gates are smaller, so nothing grows. The
 * function is the same, so the golden model, the Verilog and the cost census stay one.
 */
final class SmallFunctions {
    /** The most input bits re-synthesized: one 64-bit truth table. */
    static final int MAX_INPUTS = 6;

    /**
     * Gate sizes by kind ({@link Gates#KINDS} order) in two-input-gate units, for choosing the
     * smaller netlist: a full adder's sum and carry take two and three gates once mapped.
     */
    private static final double[] SIZE = {0.5, 1, 1, 2, 4, 3};

    /** A cube's literals: bit i is variable i, bit {@code NEGATED + i} its complement. */
    private static final int NEGATED = MAX_INPUTS;

    private SmallFunctions() {
    }

    /** The outputs re-synthesized into {@code g} when that is smaller, else the outputs as given. */
    static int[] resynthesize(Gates g, int[] outputs) {
        Gates.Cone cone = g.smallCone(outputs, MAX_INPUTS);
        if (cone == null || cone.inputs().length == 0) {
            return outputs;
        }
        long[] tables = g.truthTables(cone, outputs);
        int k = cone.inputs().length;
        int[] out = new int[outputs.length];
        for (int j = 0; j < outputs.length; j++) {
            long f = replicate(tables[j], k);
            if (f == 0 || f == -1L) {
                return outputs; // a constant output: the design flow treats constant designs on its own
            }
            int direct = factor(g, isop(f, k), cone.inputs());
            int complemented = g.not(factor(g, isop(~f, k), cone.inputs()));
            out[j] = size(g, new int[] {direct}) <= size(g, new int[] {complemented}) ? direct : complemented;
        }
        return size(g, out) < weigh(g.kindCounts(cone.gates())) ? out : outputs;
    }

    /** The table's first 2^k rows repeated over all 64 (variables k and up then do not matter). */
    static long replicate(long table, int k) {
        long t = k == MAX_INPUTS ? table : table & ((1L << (1 << k)) - 1);
        for (int w = 1 << k; w < 64; w *= 2) {
            t |= t << w;
        }
        return t;
    }

    /**
     * The outputs' live gates, weighted by {@link #SIZE}: from their cone when it is small (the
     * search takes this for every small candidate), else from a census of the whole netlist.
     */
    static double size(Gates g, int[] outputs) {
        Gates.Cone cone = g.smallCone(outputs, MAX_INPUTS);
        if (cone != null) {
            return weigh(g.kindCounts(cone.gates()));
        }
        int[] counts = new int[Gates.KINDS.length];
        g.census(outputs, null, null, counts);
        return weigh(counts);
    }

    private static double weigh(int[] counts) {
        double s = 0;
        for (int i = 0; i < counts.length; i++) {
            s += counts[i] * SIZE[i];
        }
        return s;
    }

    /** An irredundant sum-of-products cover of the (replicated) truth table over variables 0..k-1. */
    static int[] isop(long f, int k) {
        Cubes cubes = new Cubes();
        isop(f, f, k, cubes);
        return Arrays.copyOf(cubes.cube, cubes.n);
    }

    /** Minato-Morreale: a cover of some function between {@code lo} and {@code hi}, returned. */
    private static long isop(long lo, long hi, int vars, Cubes cubes) {
        if (lo == 0) {
            return 0;
        }
        if (hi == -1L) {
            cubes.add(0);
            return -1L;
        }
        int v = vars - 1;
        while (cofactor0(lo, v) == cofactor1(lo, v) && cofactor0(hi, v) == cofactor1(hi, v)) {
            v--; // neither bound depends on v (some variable does: lo is not 0 and hi not all ones)
        }
        long lo0 = cofactor0(lo, v);
        long lo1 = cofactor1(lo, v);
        long hi0 = cofactor0(hi, v);
        long hi1 = cofactor1(hi, v);
        int from = cubes.n;
        long f0 = isop(lo0 & ~hi1, hi0, v, cubes);
        cubes.addLiteral(from, NEGATED + v);
        from = cubes.n;
        long f1 = isop(lo1 & ~hi0, hi1, v, cubes);
        cubes.addLiteral(from, v);
        long shared = isop((lo0 & ~f0) | (lo1 & ~f1), hi0 & hi1, v, cubes);
        long x = Gates.VARIABLE[v];
        return (f0 & ~x) | (f1 & x) | shared;
    }

    /** The table with variable v set to 0, as a table that does not depend on v. */
    private static long cofactor0(long t, int v) {
        long half = t & ~Gates.VARIABLE[v];
        return half | (half << (1 << v));
    }

    private static long cofactor1(long t, int v) {
        long half = t & Gates.VARIABLE[v];
        return half | (half >>> (1 << v));
    }

    /**
     * The cover as gates: the literal in the most cubes is factored out ({@code l (Q) + R}) until no
     * literal is shared, then an OR of ANDs.
     */
    private static int factor(Gates g, int[] cubes, int[] inputs) {
        if (cubes.length == 0) {
            return Gates.ZERO;
        }
        int[] uses = new int[2 * MAX_INPUTS];
        for (int c : cubes) {
            if (c == 0) {
                return Gates.ONE;
            }
            for (int l = 0; l < uses.length; l++) {
                uses[l] += c >> l & 1;
            }
        }
        int best = 0;
        for (int l = 1; l < uses.length; l++) {
            if (uses[l] > uses[best]) {
                best = l;
            }
        }
        if (uses[best] <= 1) {
            int[] products = new int[cubes.length];
            for (int i = 0; i < cubes.length; i++) {
                products[i] = cube(g, cubes[i], inputs);
            }
            return earliestFirst(g, products, true);
        }
        int[] with = new int[uses[best]];
        int[] without = new int[cubes.length - uses[best]];
        int w = 0;
        int o = 0;
        for (int c : cubes) {
            if ((c >> best & 1) != 0) {
                with[w++] = c & ~(1 << best);
            } else {
                without[o++] = c;
            }
        }
        int factored = g.and(literal(g, best, inputs), factor(g, with, inputs));
        return g.or(factored, factor(g, without, inputs));
    }

    private static int cube(Gates g, int c, int[] inputs) {
        int[] literals = new int[Integer.bitCount(c)];
        int n = 0;
        for (int l = 0; l < 2 * MAX_INPUTS; l++) {
            if ((c >> l & 1) != 0) {
                literals[n++] = literal(g, l, inputs);
            }
        }
        return earliestFirst(g, literals, false);
    }

    /**
     * The OR (or AND) of the terms, the two earliest-arriving first, as the heap compressor
     * takes its bits: a shallow tree, which ABC maps into fewer cells than a chain (a one-feature
     * breast-cancer design: 3 cells against 4).
     */
    private static int earliestFirst(Gates g, int[] terms, boolean or) {
        int n = terms.length;
        if (n == 0) {
            return or ? Gates.ZERO : Gates.ONE;
        }
        int[] t = terms.clone();
        while (n > 1) {
            int a = earliest(g, t, n, -1);
            int b = earliest(g, t, n, a);
            int merged = or ? g.or(t[a], t[b]) : g.and(t[a], t[b]);
            t[Math.min(a, b)] = merged;
            t[Math.max(a, b)] = t[--n];
        }
        return t[0];
    }

    private static int earliest(Gates g, int[] t, int n, int skip) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (i != skip && (best < 0 || g.arrival(t[i]) < g.arrival(t[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static int literal(Gates g, int l, int[] inputs) {
        return l < NEGATED ? inputs[l] : g.not(inputs[l - NEGATED]);
    }

    /** A growing list of cubes. */
    private static final class Cubes {
        int[] cube = new int[8];
        int n;

        void add(int c) {
            if (n == cube.length) {
                cube = Arrays.copyOf(cube, 2 * n);
            }
            cube[n++] = c;
        }

        /** Adds the literal to the cubes from index {@code from} on. */
        void addLiteral(int from, int literal) {
            for (int i = from; i < n; i++) {
                cube[i] |= 1 << literal;
            }
        }
    }
}
