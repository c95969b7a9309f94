package org.pmlp.rtl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bit-level netlist under construction: signals are ints, gates fold constants as they are
 * made, and printing keeps only the signals that reach an output (so the Verilog has no unused
 * wires for the linter to flag).
 */
final class Gates {
    static final int ZERO = 0;
    static final int ONE = 1;

    private enum Op { CONST, INPUT, NOT, AND, OR, XOR, XOR3, MAJ }

    private Op[] op = new Op[256];
    private int[] a = new int[256];
    private int[] b = new int[256];
    private int[] c = new int[256];
    private String[] name = new String[256];
    private double[] at = new double[256];
    private final List<String> comments = new ArrayList<>();
    private int[] commentAt = new int[16];
    private int size;

    Gates() {
        add(Op.CONST, 0, 0, 0);
        add(Op.CONST, 1, 0, 0);
    }

    private int add(Op o, int x, int y, int z) {
        if (size == op.length) {
            int n = size * 2;
            op = Arrays.copyOf(op, n);
            a = Arrays.copyOf(a, n);
            b = Arrays.copyOf(b, n);
            c = Arrays.copyOf(c, n);
            name = Arrays.copyOf(name, n);
            at = Arrays.copyOf(at, n);
        }
        at[size] = o == Op.CONST || o == Op.INPUT ? 0
                : GateDelays.POLICY.of(o.ordinal() - Op.NOT.ordinal()) + Math.max(at[x], Math.max(
                        o == Op.NOT ? 0 : at[y], o == Op.XOR3 || o == Op.MAJ ? at[z] : 0));
        op[size] = o;
        a[size] = x;
        b[size] = y;
        c[size] = z;
        return size++;
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
        boolean[] live = live(outputs);
        int[] loads = delays.perLoad() == 0 ? null : loads(live);
        double[] t = new double[size];
        for (int s = 2; s < size; s++) {
            if (!live[s] || op[s] == Op.INPUT) {
                continue;
            }
            double in = t[a[s]];
            if (op[s] != Op.NOT) {
                in = Math.max(in, t[b[s]]);
            }
            if (op[s] == Op.XOR3 || op[s] == Op.MAJ) {
                in = Math.max(in, t[c[s]]);
            }
            t[s] = in + delays.of(op[s].ordinal() - Op.NOT.ordinal())
                    + (loads == null ? 0 : delays.perLoad() * Math.max(0, loads[s] - 1));
        }
        double worst = 0;
        for (int s : outputs) {
            worst = Math.max(worst, t[s]);
        }
        return worst;
    }

    /** Per signal, the live gate inputs it drives (an XOR3 or majority reading it once each). */
    private int[] loads(boolean[] live) {
        int[] n = new int[size];
        for (int s = 2; s < size; s++) {
            if (!live[s] || op[s] == Op.INPUT) {
                continue;
            }
            n[a[s]]++;
            if (op[s] != Op.NOT) {
                n[b[s]]++;
            }
            if (op[s] == Op.XOR3 || op[s] == Op.MAJ) {
                n[c[s]]++;
            }
        }
        return n;
    }

    static int constant(boolean v) {
        return v ? ONE : ZERO;
    }

    static boolean isConst(int s) {
        return s == ZERO || s == ONE;
    }

    /** A primary input bit; {@link #rename} gives it its port name once ports are known. */
    int input() {
        int s = add(Op.INPUT, 0, 0, 0);
        name[s] = "in" + s;
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
        if (x == ZERO) {
            return ONE;
        }
        if (x == ONE) {
            return ZERO;
        }
        if (op[x] == Op.NOT) {
            return a[x];
        }
        return add(Op.NOT, x, 0, 0);
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
        return add(Op.AND, x, y, 0);
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
        return add(Op.OR, x, y, 0);
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
        return add(Op.XOR, x, y, 0);
    }

    int xor3(int x, int y, int z) {
        if (isConst(x) || isConst(y) || isConst(z)) {
            return xor(xor(x, y), z);
        }
        return add(Op.XOR3, x, y, z);
    }

    /** Majority of three: the carry of a full adder. */
    int maj(int x, int y, int z) {
        if (isConst(z)) {
            return z == ONE ? or(x, y) : and(x, y);
        }
        if (isConst(x)) {
            return maj(y, z, x);
        }
        if (isConst(y)) {
            return maj(x, z, y);
        }
        return add(Op.MAJ, x, y, z);
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
        boolean[] live = new boolean[size];
        for (int s : outputs) {
            live[s] = true;
        }
        for (int s = size - 1; s >= 2; s--) {
            if (!live[s]) {
                continue;
            }
            switch (op[s]) {
                case XOR3:
                case MAJ:
                    live[c[s]] = true;
                    // fall through
                case AND:
                case OR:
                case XOR:
                    live[b[s]] = true;
                    // fall through
                case NOT:
                    live[a[s]] = true;
                    break;
                default:
                    break;
            }
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
            if (!live[s] || op[s] == Op.INPUT) {
                continue;
            }
            out.append(indent).append("wire ").append(ref(s)).append(" = ").append(expr(s)).append(";\n");
        }
    }

    private String expr(int s) {
        switch (op[s]) {
            case NOT:
                return "~" + ref(a[s]);
            case AND:
                return ref(a[s]) + " & " + ref(b[s]);
            case OR:
                return ref(a[s]) + " | " + ref(b[s]);
            case XOR:
                return ref(a[s]) + " ^ " + ref(b[s]);
            case XOR3:
                return ref(a[s]) + " ^ " + ref(b[s]) + " ^ " + ref(c[s]);
            case MAJ:
                return "(" + ref(a[s]) + " & " + ref(b[s]) + ") | (" + ref(a[s]) + " & " + ref(c[s]) + ") | ("
                        + ref(b[s]) + " & " + ref(c[s]) + ")";
            default:
                throw new IllegalStateException("no expression for " + op[s]);
        }
    }

    /** Values of all signals for the given input values (by input signal id); for tests. */
    boolean[] simulate(java.util.function.IntPredicate input) {
        boolean[] v = new boolean[size];
        v[ONE] = true;
        for (int s = 2; s < size; s++) {
            switch (op[s]) {
                case INPUT:
                    v[s] = input.test(s);
                    break;
                case NOT:
                    v[s] = !v[a[s]];
                    break;
                case AND:
                    v[s] = v[a[s]] & v[b[s]];
                    break;
                case OR:
                    v[s] = v[a[s]] | v[b[s]];
                    break;
                case XOR:
                    v[s] = v[a[s]] ^ v[b[s]];
                    break;
                case XOR3:
                    v[s] = v[a[s]] ^ v[b[s]] ^ v[c[s]];
                    break;
                case MAJ:
                    v[s] = (v[a[s]] & v[b[s]]) | (v[a[s]] & v[c[s]]) | (v[b[s]] & v[c[s]]);
                    break;
                default:
                    break;
            }
        }
        return v;
    }

    /** Gates of each kind among the live signals (for reports). */
    int countLive(boolean[] live) {
        int n = 0;
        for (int s = 2; s < size; s++) {
            if (live[s] && op[s] != Op.INPUT) {
                n++;
            }
        }
        return n;
    }
}
