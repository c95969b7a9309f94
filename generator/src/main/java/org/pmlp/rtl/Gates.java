package org.pmlp.rtl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bit-level netlist under construction: signals are ints, gates fold constants as they are
 * made and are structurally hashed (a gate of the same kind on the same inputs, commutative
 * inputs sorted, is the existing gate, as ABC's strash does), and printing keeps only the
 * signals that reach an output (so the Verilog has no unused wires for the linter to flag). The
 * cost model counts the live gates of this same netlist ({@link #census}).
 */
final class Gates {
    static final int ZERO = 0;
    static final int ONE = 1;

    // Signal kinds, as ints (the hot path compares them per gate): two that are not gates, then the
    // gate kinds in KINDS order (kind - NOT is a gate's index there and in GateDelays.of).
    private static final int CONST = 0;
    private static final int INPUT = 1;
    private static final int NOT = 2;
    private static final int AND = 3;
    private static final int OR = 4;
    private static final int XOR = 5;
    private static final int XOR3 = 6;
    private static final int MAJ = 7;

    /** Gate kinds counted by {@link #census}, in its counts array's order. */
    static final String[] KINDS = {"not", "and", "or", "xor", "xor3", "maj"};

    /** {@link GateDelays#POLICY} by signal kind (0 for constants and inputs). */
    private static final double[] POLICY_DELAY = delaysByKind(GateDelays.POLICY);

    private static double[] delaysByKind(GateDelays d) {
        double[] t = new double[MAJ + 1];
        for (int k = NOT; k <= MAJ; k++) {
            t[k] = d.of(k - NOT);
        }
        return t;
    }
    /**
     * Gate s is {@code node[4s]} (its kind) of inputs {@code node[4s + 1..3]}: one
     * array, so that a lookup or a pass over the gates reads one cache line per gate.
     */
    private int[] node = new int[4 * 256];
    private String[] name = new String[256];
    private double[] at = new double[256];
    /**
     * Each signal's complement, or -1 where it has none yet: a signal's NOT gate, a NOT gate's
     * input, ONE for ZERO and ZERO for ONE. A NOT of a NOT is never made, so a signal has at
     * most one, and two signals complement each other exactly when one is the other's entry
     * here (one load, where the heaps complement every bit of a negative partial product and
     * every gate made asks). It is the only index of NOT gates: they are not hashed.
     */
    private int[] complement = new int[256];
    /** The carry of each full adder's sum gate ({@link #fullAdder}); unset for other signals. */
    private int[] carryOf = new int[256];
    private final List<String> comments = new ArrayList<>();
    private int[] commentAt = new int[16];
    private int size;
    /**
     * The index that finds an AND, OR, XOR or XOR3 gate by kind and inputs (NOT and MAJ3 gates
     * are found otherwise: {@link #complement}, {@link #carryOf}): per signal, the first of the gates
     * whose newest (highest) input it is ({@code -1}: none), each gate linking to the next in
     * {@link #nextReader}. A gate can only exist already if its newest input has such readers,
     * and a heap's sums and carries mostly have none yet, so most lookups read one entry (0.8
     * entries per lookup on cardio, where about one gate in a hundred is found). Replacing a hash
     * table, it took the census from 49.4 to 47.4 us (least disturbed of 12 passes).
     */
    private int[] firstReader = new int[256];
    private int[] nextReader = new int[256];

    /** Whether inputs get names as they are made (not when the netlist is only counted and timed). */
    private final boolean named;

    Gates() {
        this(true);
    }

    Gates(boolean named) {
        this.named = named;
        addConstants();
    }

    /**
     * Empties the netlist for another build, keeping the grown arrays (the search builds one
     * netlist per candidate on each thread: allocating and growing them anew each time was a
     * tenth of the census).
     */
    void reset() {
        Arrays.fill(name, 0, size, null);
        comments.clear();
        size = 0;
        addConstants();
    }

    private void addConstants() {
        add(CONST, 0, 0, 0);
        add(CONST, 1, 0, 0);
        complement[ZERO] = ONE;
        complement[ONE] = ZERO;
    }

    private int add(int o, int x, int y, int z) {
        // constants and inputs at 0; unused operand slots are 0, the constant ZERO, at time 0
        return add(o, x, y, z, o <= INPUT ? 0 : POLICY_DELAY[o] + Math.max(at[x], Math.max(at[y], at[z])));
    }

    /** A new signal arriving at {@code arrival} (under {@link GateDelays#POLICY}). */
    private int add(int o, int x, int y, int z, double arrival) {
        if (4 * size == node.length) {
            grow();
        }
        at[size] = arrival;
        node[4 * size] = o;
        node[4 * size + 1] = x;
        node[4 * size + 2] = y;
        node[4 * size + 3] = z;
        firstReader[size] = -1;
        complement[size] = -1;
        return size++;
    }

    /** Doubles the per-signal arrays (apart from add, so that add stays small enough to inline). */
    private void grow() {
        int n = size * 2;
        node = Arrays.copyOf(node, 4 * n);
        name = Arrays.copyOf(name, n);
        complement = Arrays.copyOf(complement, n);
        carryOf = Arrays.copyOf(carryOf, n);
        firstReader = Arrays.copyOf(firstReader, n);
        nextReader = Arrays.copyOf(nextReader, n);
        at = Arrays.copyOf(at, n);
    }

    /**
     * The gate {@code o(x, y, z)}: the existing one if there is one, else a new one. Inputs are
     * sorted (x < y, and y < z for three), unused ones 0, so the newest input is y or z.
     */
    private int gate(int o, int x, int y, int z) {
        int s = find(o, x, y, z);
        return s >= 0 ? s : indexed(add(o, x, y, z));
    }

    /** The existing gate {@code o(x, y, z)}, inputs sorted, or -1. */
    private int find(int o, int x, int y, int z) {
        for (int s = firstReader[o >= XOR3 ? z : y]; s >= 0; s = nextReader[s]) {
            int k = 4 * s;
            if (node[k] == o && node[k + 1] == x && node[k + 2] == y && node[k + 3] == z) {
                return s;
            }
        }
        return -1;
    }

    /** Gate s, just made, listed among the readers of its newest input (so {@link #find} finds it). */
    private int indexed(int s) {
        int newest = node[4 * s] >= XOR3 ? node[4 * s + 3] : node[4 * s + 2];
        nextReader[s] = firstReader[newest];
        firstReader[newest] = s;
        return s;
    }

    /** Whether x is the complement of y (one is a NOT of the other, or they are ZERO and ONE). */
    private boolean complements(int x, int y) {
        return complement[x] == y;
    }

    /** Arrival time of a signal under {@link GateDelays#POLICY} (inputs at 0): steers the heap compressor. */
    double arrival(int s) {
        return at[s];
    }

    /**
     * Latest arrival at the given outputs over the live gates, under a delay model: a static
     * timing pass over the netlist as emitted (before synthesis).
     */
    double criticalPath(int[] outputs, GateDelays delays) {
        double[] path = new double[1];
        census(outputs, delays, path, new int[KINDS.length]);
        return path[0];
    }

    /**
     * {@link #census}'s working arrays, kept between builds (the search takes a census per
     * candidate): per signal, its live loads (gates reading it) plus {@link #OUTPUT} if it is an
     * output, so non-zero means live; and its time.
     */
    private int[] censusUses = new int[0];
    private double[] censusTime = new double[0];
    private static final int OUTPUT = 1 << 30;

    /**
     * The live signals ({@link #live}), the live gates of each kind and the longest path in two passes
     * over reused arrays (liveness and loads backwards, times forwards), as the search needs all
     * three for every candidate: adds the live gates of each kind to {@code counts}, leaves the
     * longest path under {@code delays} (when given) in {@code pathOut[0]}, returns the live inputs.
     */
    int census(int[] outputs, GateDelays delays, double[] pathOut, int[] counts) {
        if (censusUses.length < size) {
            censusUses = new int[node.length / 4];
            censusTime = new double[node.length / 4];
        }
        int[] uses = censusUses;
        Arrays.fill(uses, 0, size, 0);
        for (int s : outputs) {
            uses[s] |= OUTPUT;
        }
        int inputs = 0;
        for (int s = size - 1; s >= 2; s--) {
            if (uses[s] == 0) {
                continue;
            }
            int k = 4 * s;
            int o = node[k];
            if (o == INPUT) {
                inputs++;
                continue;
            }
            counts[o - NOT]++;
            // unused operand slots are the constant ZERO, whose count nothing reads: no branch on the kind
            uses[node[k + 1]]++;
            uses[node[k + 2]]++;
            uses[node[k + 3]]++;
        }
        if (delays != null) {
            double[] delay = delaysByKind(delays);
            // per load beyond the first, for gates only (inputs arrive at 0 whatever they drive)
            double[] perLoad = new double[MAJ + 1];
            Arrays.fill(perLoad, NOT, MAJ + 1, delays.perLoad());
            double[] t = censusTime;
            t[ZERO] = 0;
            t[ONE] = 0;
            for (int s = 2; s < size; s++) {
                int u = uses[s];
                if (u != 0) {
                    // dead signals keep stale times: no live gate reads them. Unused operand
                    // slots, and an input's, are the constant ZERO, at time 0.
                    int k = 4 * s;
                    int o = node[k];
                    double in = Math.max(t[node[k + 1]], Math.max(t[node[k + 2]], t[node[k + 3]]));
                    t[s] = in + delay[o] + perLoad[o] * Math.max(0, (u & ~OUTPUT) - 1);
                }
            }
            double worst = 0;
            for (int s : outputs) {
                worst = Math.max(worst, t[s]);
            }
            pathOut[0] = worst;
        }
        return inputs;
    }

    static int constant(boolean v) {
        return v ? ONE : ZERO;
    }

    static boolean isConst(int s) {
        return s == ZERO || s == ONE;
    }

    /** A primary input bit; {@link #rename} gives it its port name once ports are known. */
    int input() {
        int s = add(INPUT, 0, 0, 0);
        if (named) {
            name[s] = "in" + s;
        }
        return s;
    }

    void rename(int s, String n) {
        name[s] = n;
    }

    /** Names a signal (if it has no name yet) so the Verilog is readable. */
    void name(int s, String n) {
        if (!isConst(s) && name[s] == null) {
            name[s] = n;
        }
    }

    /** A comment printed before the next gate made. */
    void comment(String text) {
        if (comments.size() == commentAt.length) {
            commentAt = Arrays.copyOf(commentAt, commentAt.length * 2);
        }
        commentAt[comments.size()] = size;
        comments.add(text);
    }

    int not(int x) {
        int c = complement[x]; // constants and NOT gates always have one
        if (c < 0) {
            c = add(NOT, x, 0, 0); // may grow the arrays
            complement[x] = c;
            complement[c] = x;
        }
        return c;
    }

    int and(int x, int y) {
        if (x == ZERO || y == ZERO) {
            return ZERO;
        }
        if (x == ONE) {
            return y;
        }
        if (y == ONE || x == y) {
            return x;
        }
        if (complements(x, y)) {
            return ZERO;
        }
        return gate(AND, Math.min(x, y), Math.max(x, y), 0);
    }

    int or(int x, int y) {
        if (x == ONE || y == ONE) {
            return ONE;
        }
        if (x == ZERO) {
            return y;
        }
        if (y == ZERO || x == y) {
            return x;
        }
        if (complements(x, y)) {
            return ONE;
        }
        return gate(OR, Math.min(x, y), Math.max(x, y), 0);
    }

    int xor(int x, int y) {
        if (x == ZERO) {
            return y;
        }
        if (y == ZERO) {
            return x;
        }
        if (x == ONE) {
            return not(y);
        }
        if (y == ONE) {
            return not(x);
        }
        if (x == y) {
            return ZERO;
        }
        if (complements(x, y)) {
            return ONE;
        }
        return gate(XOR, Math.min(x, y), Math.max(x, y), 0);
    }

    /** The sum of a full adder, {@link #fullAdder}'s low half. */
    static int sum(long fullAdder) {
        return (int) fullAdder;
    }

    /** The carry of a full adder, {@link #fullAdder}'s high half. */
    static int carry(long fullAdder) {
        return (int) (fullAdder >>> 32);
    }

    /**
     * A full adder on x, y and z: its sum (XOR3) and carry (MAJ3, majority), read with
     * {@link #sum} and {@link #carry}. The two are always made together, the sum first, so a
     * carry is found through its sum: each sum gate records its carry, and MAJ3 gates are not
     * looked up: one lookup per full adder instead of two (the heaps make a full adder for
     * every bit they remove; on cardio 380 of them, half of the 1500 signals made).
     */
    long fullAdder(int x, int y, int z) {
        if (isConst(x) || isConst(y) || isConst(z) || x == y || y == z || x == z) {
            return pack(xor(xor(x, y), z), foldedMaj(x, y, z));
        }
        int lo = Math.min(x, Math.min(y, z));
        int hi = Math.max(x, Math.max(y, z));
        int mid = x + y + z - lo - hi;
        int sum = find(XOR3, lo, mid, hi);
        if (sum >= 0) {
            return pack(sum, carryOf[sum]); // the same full adder was made before
        }
        // sum and carry read the same inputs: their latest arrival found once
        double in = Math.max(at[lo], Math.max(at[mid], at[hi]));
        sum = indexed(add(XOR3, lo, mid, hi, POLICY_DELAY[XOR3] + in));
        int carry;
        if (complements(x, y)) {
            carry = z;
        } else if (complements(x, z)) {
            carry = y;
        } else if (complements(y, z)) {
            carry = x;
        } else {
            carry = add(MAJ, lo, mid, hi, POLICY_DELAY[MAJ] + in); // new: no MAJ3 on these inputs without this sum
        }
        carryOf[sum] = carry;
        return pack(sum, carry);
    }

    private static long pack(int sum, int carry) {
        return (long) carry << 32 | (sum & 0xFFFFFFFFL);
    }

    /** Majority of three of which one is a constant or two are the same signal. */
    private int foldedMaj(int x, int y, int z) {
        if (isConst(z)) {
            return z == ONE ? or(x, y) : and(x, y);
        }
        if (isConst(x)) {
            return foldedMaj(y, z, x);
        }
        if (isConst(y)) {
            return foldedMaj(x, z, y);
        }
        return x == y || x == z ? x : y; // two are equal: the majority is that signal
    }

    /** {@code sel ? x1 : x0}. */
    int mux(int sel, int x0, int x1) {
        if (x0 == x1) {
            return x0;
        }
        return or(and(sel, x1), and(not(sel), x0));
    }

    /** Marks what the outputs need; everything else is left out of the printout. */
    boolean[] live(int[] outputs) {
        census(outputs, null, null, new int[KINDS.length]);
        boolean[] live = new boolean[size];
        for (int s = 0; s < size; s++) {
            live[s] = censusUses[s] != 0;
        }
        return live;
    }

    String ref(int s) {
        if (s == ZERO) {
            return "1'b0";
        }
        if (s == ONE) {
            return "1'b1";
        }
        return name[s] != null ? name[s] : "n" + s;
    }

    /** Declarations and assignments of the live gates, in creation (topological) order. */
    void print(StringBuilder out, boolean[] live, String indent) {
        int nextComment = 0;
        for (int s = 2; s < size; s++) {
            while (nextComment < comments.size() && commentAt[nextComment] <= s) {
                out.append('\n').append(indent).append("// ").append(comments.get(nextComment++)).append('\n');
            }
            if (!live[s] || node[4 * s] == INPUT) {
                continue;
            }
            out.append(indent).append("wire ").append(ref(s)).append(" = ").append(expr(s)).append(";\n");
        }
    }

    private String expr(int s) {
        switch (node[4 * s]) {
            case NOT:
                return "~" + ref(node[4 * s + 1]);
            case AND:
                return ref(node[4 * s + 1]) + " & " + ref(node[4 * s + 2]);
            case OR:
                return ref(node[4 * s + 1]) + " | " + ref(node[4 * s + 2]);
            case XOR:
                return ref(node[4 * s + 1]) + " ^ " + ref(node[4 * s + 2]);
            case XOR3:
                return ref(node[4 * s + 1]) + " ^ " + ref(node[4 * s + 2]) + " ^ " + ref(node[4 * s + 3]);
            case MAJ:
                return "(" + ref(node[4 * s + 1]) + " & " + ref(node[4 * s + 2]) + ") | (" + ref(node[4 * s + 1]) + " & " + ref(node[4 * s + 3]) + ") | ("
                        + ref(node[4 * s + 2]) + " & " + ref(node[4 * s + 3]) + ")";
            default:
                throw new IllegalStateException("no expression for signal kind " + node[4 * s]);
        }
    }

    /** Values of all signals for the given input values (by input signal id); for tests. */
    boolean[] simulate(java.util.function.IntPredicate input) {
        boolean[] v = new boolean[size];
        v[ONE] = true;
        for (int s = 2; s < size; s++) {
            switch (node[4 * s]) {
                case INPUT:
                    v[s] = input.test(s);
                    break;
                case NOT:
                    v[s] = !v[node[4 * s + 1]];
                    break;
                case AND:
                    v[s] = v[node[4 * s + 1]] & v[node[4 * s + 2]];
                    break;
                case OR:
                    v[s] = v[node[4 * s + 1]] | v[node[4 * s + 2]];
                    break;
                case XOR:
                    v[s] = v[node[4 * s + 1]] ^ v[node[4 * s + 2]];
                    break;
                case XOR3:
                    v[s] = v[node[4 * s + 1]] ^ v[node[4 * s + 2]] ^ v[node[4 * s + 3]];
                    break;
                case MAJ:
                    v[s] = (v[node[4 * s + 1]] & v[node[4 * s + 2]]) | (v[node[4 * s + 1]] & v[node[4 * s + 3]]) | (v[node[4 * s + 2]] & v[node[4 * s + 3]]);
                    break;
                default:
                    break;
            }
        }
        return v;
    }

    /** Live gates, all kinds together (for reports). */
    int countLive(boolean[] live) {
        int n = 0;
        for (int s = 2; s < size; s++) {
            if (live[s] && node[4 * s] != INPUT) {
                n++;
            }
        }
        return n;
    }
}
