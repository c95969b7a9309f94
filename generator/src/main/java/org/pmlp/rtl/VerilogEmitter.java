package org.pmlp.rtl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.ArgmaxNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.Node;
import org.pmlp.ir.PartialProductRows;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.Tournament;
import org.pmlp.ir.WidthInference;

/**
 * Writes a width-inferred circuit as one flat Verilog-2005 module {@code top}: registered
 * inputs, a combinational core of explicit bit heaps (compressed by {@link HeapCompressor}),
 * activation windows and the comparator tournament, and a registered class output. Only
 * signals that reach the output are written, so {@code verilator --lint-only -Wall} is silent.
 */
public final class VerilogEmitter {
    private final Circuit circuit;
    private final HeapStyle style;
    private final Registers registers;
    /** Whether names and comments are made (not when only counting or timing the gates). */
    private final boolean printing;
    private final Gates g;
    private final HeapCompressor compressor;
    /** The heaps' columns, reused from neuron to neuron (a split heap needs two at once). */
    private final BitColumns heapA;
    private final BitColumns heapB;
    /** Each node's bits as gate signals, by {@link Node#index}. */
    private final int[][] bits;
    /** Each input's port-bit signals (-1: not a port bit), by {@link Node#index}. */
    private final int[][] inputSignals;
    /** The rows of the neuron whose heap is being built, reused from neuron to neuron. */
    private final PartialProductRows rows;
    private int[] y;
    /** Levels of the argmax built speculative ({@link #speculatedArgmax}). */
    private int speculated;
    /** For tests: build the argmax with this many speculated levels instead of choosing (-1: choose). */
    private int forcedSpeculation = -1;

    /**
     * What {@link #census} builds with, one per thread, kept from candidate to candidate of a
     * search: the netlist (reset each time), the compressor's and heaps' working arrays, and each
     * node's bit arrays (by node index, reused when the width is the same: every array is
     * rewritten before it is read, in topological order).
     */
    private static final class Workspace {
        final Gates gates;
        final HeapCompressor compressor = new HeapCompressor();
        final BitColumns heapA = new BitColumns(0);
        final BitColumns heapB = new BitColumns(0);
        final PartialProductRows rows = new PartialProductRows();
        private int[][] bits = new int[0][];
        private int[][] inputSignals = new int[0][];

        Workspace(boolean named) {
            this.gates = new Gates(named);
        }

        /** The node arrays for a circuit of {@code nodes} nodes. */
        void size(int nodes) {
            if (bits.length < nodes) {
                bits = java.util.Arrays.copyOf(bits, nodes);
                inputSignals = java.util.Arrays.copyOf(inputSignals, nodes);
            }
        }
    }

    private static final ThreadLocal<Workspace> CENSUS_WORKSPACE = ThreadLocal.withInitial(() -> new Workspace(false));

    private VerilogEmitter(Circuit circuit, HeapStyle style, Registers registers, boolean printing) {
        this(circuit, style, registers, printing, new Workspace(true));
    }

    private VerilogEmitter(Circuit circuit, HeapStyle style, Registers registers, boolean printing, Workspace w) {
        this.g = w.gates;
        this.compressor = w.compressor;
        this.heapA = w.heapA;
        this.heapB = w.heapB;
        this.rows = w.rows;
        w.size(circuit.nodeCount());
        this.bits = w.bits;
        this.inputSignals = w.inputSignals;
        this.circuit = circuit;
        this.style = style;
        this.registers = registers;
        this.printing = printing;
    }

    /** With registered inputs and outputs ({@link Registers#BOTH}). */
    public static RtlDesign emit(Circuit circuit, HeapStyle style, String headerComment) {
        return emit(circuit, style, Registers.BOTH, headerComment);
    }

    public static RtlDesign emit(Circuit circuit, HeapStyle style, Registers registers, String headerComment) {
        return new VerilogEmitter(circuit, style, registers, true).run(headerComment);
    }

    /**
     * The live gates of the netlist {@link #emit} prints, by kind, without printing it: the
     * cost model's features. The registers add no gates, so one census serves every
     * {@link Registers} choice.
     */
    public static GateCensus census(Circuit circuit, HeapStyle style) {
        return census(circuit, style, null, null);
    }

    /**
     * {@link #census(Circuit, HeapStyle)} and, with {@code delays}, {@link #criticalPath} from one
     * build of the gates (the search needs both for every candidate): the longest path under
     * {@code delays} is left in {@code pathOut[0]}.
     */
    public static GateCensus census(Circuit circuit, HeapStyle style, GateDelays delays, double[] pathOut) {
        Workspace w = CENSUS_WORKSPACE.get();
        w.gates.reset();
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, false, w);
        e.build();
        int[] counts = new int[Gates.KINDS.length];
        int inputs = e.g.census(e.y, delays, pathOut, counts);
        return new GateCensus(counts, inputs, e.y.length);
    }

    /**
     * Live gates of an emitted netlist, by kind ({@link #KINDS} order), its live input bits and
     * its output bits.
     */
    public record GateCensus(int[] gates, int inputBits, int outputBits) {
        /** The gate kinds the emitter prints: NOT, AND2, OR2, XOR2, XOR3 and MAJ3 (full adder carry). */
        public static final java.util.List<String> KINDS = java.util.List.of(Gates.KINDS);
    }

    /**
     * Longest path, in the delays' unit, from the registered inputs to the registered class
     * output through the gates {@link #emit} writes (before synthesis).
     */
    public static double criticalPath(Circuit circuit, HeapStyle style, GateDelays delays) {
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, false);
        e.build();
        return e.g.criticalPath(e.y, delays);
    }

    /**
     * The emitted gates' longest path as a function of the delay model: the gates are built once
     * and timed under each model asked (for fitting delays).
     */
    public static java.util.function.ToDoubleFunction<GateDelays> timing(Circuit circuit, HeapStyle style) {
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, false);
        e.build();
        return d -> e.g.criticalPath(e.y, d);
    }

    /** How many argmax levels the emitter builds speculative for the circuit (for tests). */
    static int speculatedLevels(Circuit circuit, HeapStyle style) {
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, false);
        e.build();
        return e.speculated;
    }

    /**
     * For tests: the combinational path estimate the emitter's choice compares with
     * {@link #ARGMAX_TARGET_MS} ({@link GateDelays#SPECULATION}), with the argmax built with
     * {@code speculated} levels speculative.
     */
    static double speculationEstimate(Circuit circuit, HeapStyle style, int speculated) {
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, false);
        e.forcedSpeculation = speculated;
        e.build();
        return e.g.criticalPath(e.y, GateDelays.SPECULATION) + GateDelays.SPECULATION_OFFSET_MS;
    }

    private void build() {
        buildHeaps();
        y = argmax(circuit.argmax());
    }

    /** Inputs, sums and activations, in topological order: everything but the argmax. */
    private void buildHeaps() {
        for (Node n : circuit.topologicalOrder()) {
            if (n instanceof InputNode in) {
                bits[in.index()] = inputBits(in);
            } else if (n instanceof SumNode s) {
                bits[s.index()] = sum(s);
            } else if (n instanceof ActNode a) {
                bits[a.index()] = activation(a);
            }
        }
    }

    private RtlDesign run(String headerComment) {
        build();
        boolean[] live = g.live(y);
        List<PortMap.Bit> ports = new ArrayList<>();
        for (InputNode in : circuit.inputs()) {
            int[] sig = inputSignals[in.index()];
            for (int j = 0; j < sig.length; j++) {
                if (sig[j] >= 0 && live[sig[j]]) {
                    g.rename(sig[j], "xr[" + ports.size() + "]");
                    ports.add(new PortMap.Bit(in.feature(), j));
                }
            }
        }
        PortMap map = new PortMap(List.copyOf(ports));
        return new RtlDesign(print(headerComment, map, y, live), map, y.length, g.countLive(live));
    }

    /**
     * Evaluates the emitted netlist itself, gate by gate, on quantized input vectors: an
     * emulation of the RTL that needs no simulator, for randomized equivalence tests.
     */
    static int[] emulate(Circuit circuit, HeapStyle style, int[][] q) {
        VerilogEmitter e = new VerilogEmitter(circuit, style, Registers.BOTH, true);
        e.run("emulation");
        int[] y = e.y;
        Map<Integer, int[]> inputOf = new HashMap<>();
        for (InputNode in : circuit.inputs()) {
            int[] sig = e.inputSignals[in.index()];
            for (int j = 0; j < sig.length; j++) {
                if (sig[j] >= 0) {
                    inputOf.put(sig[j], new int[] {in.feature(), j});
                }
            }
        }
        int[] out = new int[q.length];
        for (int v = 0; v < q.length; v++) {
            int[] row = q[v];
            boolean[] val = e.g.simulate(s -> {
                int[] fb = inputOf.get(s);
                return (row[fb[0]] >> fb[1] & 1) != 0;
            });
            int cls = 0;
            for (int j = 0; j < y.length; j++) {
                if (val[y[j]]) {
                    cls |= 1 << j;
                }
            }
            out[v] = cls;
        }
        return out;
    }

    /**
     * For tests: the value of an input (width-inferred circuit) as its emitted gates compute it,
     * for every port code, and in {@code gatesOut[0]} the number of gates making it.
     */
    static long[] inputValuesByGates(Circuit circuit, InputNode in, int[] gatesOut) {
        VerilogEmitter e = new VerilogEmitter(circuit, HeapStyle.TWOS_COMPLEMENT, Registers.BOTH, false);
        int[] out = e.inputBits(in);
        int[] sig = e.inputSignals[in.index()];
        int[] counts = new int[Gates.KINDS.length];
        e.g.census(out, null, null, counts);
        gatesOut[0] = java.util.Arrays.stream(counts).sum();
        long[] values = new long[1 << in.bits()];
        for (int x = 0; x < values.length; x++) {
            final int code = x;
            boolean[] v = e.g.simulate(s -> {
                for (int j = 0; j < sig.length; j++) {
                    if (sig[j] == s) {
                        return (code >> j & 1) != 0;
                    }
                }
                throw new IllegalStateException("unknown input " + s);
            });
            long value = 0;
            for (int b = 0; b < out.length; b++) {
                if (v[out[b]]) {
                    value |= 1L << b;
                }
            }
            values[x] = value;
        }
        return values;
    }

    private int[] inputBits(InputNode in) {
        if (in.table() != null) {
            return levelBits(in);
        }
        int[] sig = signalArray(in.index(), in.bits());
        int[] out = bitsArray(in.index(), in.width());
        for (int j = 0; j < in.bits(); j++) {
            sig[j] = (in.mask() >> j & 1) != 0 ? g.input() : -1;
            if (j < out.length) {
                out[j] = sig[j] < 0 ? Gates.ZERO : sig[j];
            }
        }
        inputSignals[in.index()] = sig;
        return out;
    }

    /**
     * An input with learned levels: every port bit is an input, and each bit of the value
     * {@code table[x] & mask} is its truth table over the port, built as a multiplexer tree on the
     * port bits from the top down, with constant and shared branches folded (a level bit becomes a
     * constant comparator, {@code x >= t}: a chain of ANDs and ORs). Port bits the value does not
     * depend on stay dead and are not ports.
     */
    private int[] levelBits(InputNode in) {
        int n = in.bits();
        int[] sig = signalArray(in.index(), n);
        for (int j = 0; j < n; j++) {
            sig[j] = g.input();
        }
        inputSignals[in.index()] = sig;
        int[] out = bitsArray(in.index(), in.width());
        boolean[] truth = new boolean[1 << n];
        for (int b = 0; b < out.length; b++) {
            for (int x = 0; x < truth.length; x++) {
                truth[x] = (in.valueOf(x) >> b & 1) != 0;
            }
            out[b] = truthTable(truth, 0, n, sig);
        }
        return out;
    }

    /** The function {@code truth[base + low bits]} of port bits {@code 0..n-1} (bit n-1 decides first). */
    private int truthTable(boolean[] truth, int base, int n, int[] sig) {
        if (n == 0) {
            return truth[base] ? Gates.ONE : Gates.ZERO;
        }
        int s = sig[n - 1];
        int lo = truthTable(truth, base, n - 1, sig);
        int hi = truthTable(truth, base + (1 << (n - 1)), n - 1, sig);
        if (lo == hi) {
            return lo;
        }
        if (hi == Gates.ONE) {
            return g.or(s, lo);
        }
        if (lo == Gates.ZERO) {
            return g.and(s, hi);
        }
        if (hi == Gates.ZERO) {
            return g.and(g.not(s), lo);
        }
        if (lo == Gates.ONE) {
            return g.or(g.not(s), hi);
        }
        return g.or(g.and(s, hi), g.and(g.not(s), lo));
    }

    /** An array of n signals for node {@code index}'s bits: the one kept from the last build when it fits. */
    private int[] bitsArray(int index, int n) {
        int[] b = bits[index];
        return b != null && b.length == n ? b : new int[n];
    }

    /** As {@link #bitsArray}, for an input's port-bit signals. */
    private int[] signalArray(int index, int n) {
        int[] b = inputSignals[index];
        return b != null && b.length == n ? b : new int[n];
    }

    /** Bit j of a node's value, sign- or zero-extended beyond its width. */
    private int bit(Node n, int j) {
        int[] b = bits[n.index()];
        if (j < b.length) {
            return b[j];
        }
        return n.signed() ? b[b.length - 1] : Gates.ZERO;
    }

    private int[] sum(SumNode s) {
        int w = s.width();
        circuit.partialProducts(s, rows);
        long constant = rows.constant();
        int heapBits = 0;
        for (int i = 0; printing && i < rows.size(); i++) {
            heapBits += Long.bitCount(rows.mask(i));
        }
        if (printing) {
            g.comment(String.format("neuron %s: %d partial-product bits, constant %d, %d-bit %s sum",
                    s.name(), heapBits, constant, w, s.signed() ? "signed" : "unsigned"));
        }
        int[] out = bitsArray(s.index(), w);
        if (style == HeapStyle.SPLIT) {
            splitHeap(constant, w, out);
        } else {
            twosComplementHeap(constant, w, out);
        }
        for (int k = 0; printing && k < out.length; k++) {
            g.name(out[k], s.name() + "_" + k);
        }
        return out;
    }

    /** The heap of {@link #rows} as one two's-complement sum, into {@code out}. */
    private void twosComplementHeap(long constant, int w, int[] out) {
        BitColumns cols = heapA.reset(w);
        long k = constant;
        for (int r = 0; r < rows.size(); r++) {
            Node source = rows.source(r);
            int[] src = bits[source.index()];
            int extension = source.signed() && src.length > 0 ? src[src.length - 1] : Gates.ZERO;
            int shift = rows.shift(r);
            boolean positive = rows.sign(r) > 0;
            // the mask's set bits below 63, lowest first: columns rise with them
            for (long m = rows.mask(r) & Long.MAX_VALUE; m != 0; m &= m - 1) {
                int j = Long.numberOfTrailingZeros(m);
                int col = j + shift;
                if (col >= w) {
                    break;
                }
                int b = j < src.length ? src[j] : extension;
                if (positive) {
                    cols.add(col, b);
                } else {
                    cols.add(col, g.not(b));
                    k -= 1L << col;
                }
            }
        }
        cols.addConstant(k);
        compressor.reduce(cols, g, out);
    }

    /** The heap of {@link #rows} as a sum of its positive rows less a sum of its negative ones, into {@code out}. */
    private void splitHeap(long constant, int w, int[] out) {
        BitColumns pos = heapA.reset(w);
        BitColumns neg = heapB.reset(w);
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < 63; j++) {
                int col = j + rows.shift(r);
                if ((rows.mask(r) >> j & 1) != 0 && col < w) {
                    (rows.sign(r) > 0 ? pos : neg).add(col, bit(rows.source(r), j));
                }
            }
        }
        (constant >= 0 ? pos : neg).addConstant(Math.abs(constant));
        int[] p = compressor.reduce(pos, g, new int[w]);
        int[] n = compressor.reduce(neg, g, new int[w]);
        // p - n = p + ~n + 1 (mod 2^w)
        BitColumns diff = heapA.reset(w);
        for (int c = 0; c < w; c++) {
            diff.add(c, p[c]);
            diff.add(c, g.not(n[c]));
        }
        diff.add(0, Gates.ONE);
        compressor.reduce(diff, g, out);
    }

    private int[] activation(ActNode a) {
        SumNode s = circuit.sumOf(a);
        int sw = s.width();
        int w = a.width();
        int[] out = bitsArray(a.index(), w);
        if (a.kind() == ActNode.Kind.IDENTITY) {
            for (int k = 0; k < w; k++) {
                out[k] = bit(s, a.lsb() + k);
            }
        } else {
            int neg = s.signed() ? bit(s, sw - 1) : Gates.ZERO;
            int top = s.signed() ? sw - 2 : sw - 1; // highest magnitude bit of a non-negative sum
            int sat = Gates.ZERO;
            for (int j = a.msb() + 1; j <= top; j++) {
                sat = g.or(sat, bit(s, j));
            }
            int keep = g.not(neg);
            for (int k = 0; k < w; k++) {
                int j = a.lsb() + k;
                int v = j <= top ? bit(s, j) : Gates.ZERO;
                out[k] = g.and(keep, g.or(sat, v));
            }
        }
        for (int k = 0; printing && k < w; k++) {
            g.name(out[k], a.name() + "_" + k);
        }
        return out;
    }

    private int[] argmax(ArgmaxNode am) {
        int k = am.classes();
        int vw = WidthInference.argmaxValueWidth(circuit);
        boolean signed = WidthInference.argmaxSigned(circuit);
        int iw = Math.max(1, 32 - Integer.numberOfLeadingZeros(k - 1));
        int[] order = am.order();
        Tournament t = Tournament.of(k);
        int[][] value = new int[k + t.comparators()][];
        int[][] index = new int[k + t.comparators()][];
        for (int i = 0; i < k; i++) {
            Node v = circuit.operand(am, order[i]);
            value[i] = new int[vw];
            for (int j = 0; j < vw; j++) {
                value[i][j] = bit(v, j);
            }
            index[i] = new int[iw];
            for (int j = 0; j < iw; j++) {
                index[i][j] = Gates.constant((order[i] >> j & 1) != 0);
            }
        }
        if (printing) {
            g.comment(String.format("argmax: %d classes, order %s, %d-bit %s values", k,
                    java.util.Arrays.toString(order), vw, signed ? "signed" : "unsigned"));
        }
        int nominal = WidthInference.argmaxNominalWidth(circuit);
        int[] bits = new int[t.comparators()];
        for (int c = 0; c < bits.length; c++) {
            bits[c] = ArgmaxNode.hardwareBits(am.compareShift(c, nominal), vw, signed);
        }
        int[] y = speculatedArgmax(t, bits, vw, signed, value, index);
        for (int j = 0; printing && j < y.length; j++) {
            g.name(y[j], "cls_" + j);
        }
        return y;
    }

    /**
     * The argmax with as few speculated levels as the clock needs: a tournament of four or more
     * levels (nine or more classes) is built sequential, then with its last 2, 3 and 4 levels
     * speculated ({@link ArgmaxGates}), and the first whose estimated combinational path
     * (the timing estimate's delays, frozen in {@link GateDelays#SPECULATION}) fits {@link #ARGMAX_TARGET_MS}
     * is kept, else the fastest. Speculation buys time with area (exact pendigits: +10.7% for
     * four levels where three meet its clock), so a design that meets the target without it
     * does not pay for it. The alternatives not kept are dead gates, neither printed nor
     * counted, and the choice follows from the circuit alone, so the RTL, the cost model and the
     * search's estimate all see the same gates.
     */
    private int[] speculatedArgmax(Tournament t, int[] bits, int vw, boolean signed, int[][] value, int[][] index) {
        int levels = new ArgmaxGates(g, t, bits, vw, signed, 0).levels();
        if (forcedSpeculation >= 0) {
            speculated = forcedSpeculation;
            return new ArgmaxGates(g, t, bits, vw, signed, forcedSpeculation).build(value, index);
        }
        if (levels < 4) {
            return new ArgmaxGates(g, t, bits, vw, signed, 0).build(value, index);
        }
        int[] y = null;
        for (int s : new int[] {0, 2, 3, ArgmaxGates.MAX_SPECULATED_LEVELS}) {
            int[][] v = java.util.Arrays.copyOf(value, value.length);
            int[][] ix = java.util.Arrays.copyOf(index, index.length);
            y = new ArgmaxGates(g, t, bits, vw, signed, s).build(v, ix);
            speculated = s;
            if (g.criticalPath(y, GateDelays.SPECULATION) + GateDelays.SPECULATION_OFFSET_MS <= ARGMAX_TARGET_MS) {
                break;
            }
        }
        return y;
    }

    /**
     * The combinational path, in ms as the timing estimate gives it, that the argmax's speculation
     * aims for: the literature's 200 ms period (5 Hz; pendigits' 250 ms is looser) less the
     * estimate's 10% error bound (README "Timing estimate"). Fixed rather than taken from
     * {@code --clock-hz}, so that one circuit always gives one netlist whatever the clock asked.
     */
    public static final double ARGMAX_TARGET_MS = 180;


    private String print(String headerComment, PortMap map, int[] y, boolean[] live) {
        StringBuilder sb = new StringBuilder();
        for (String line : headerComment.split("\n")) {
            sb.append("// ").append(line).append('\n');
        }
        int pw = Math.max(1, map.width());
        sb.append("//\n// Input port x packs the quantized feature bits the circuit uses:\n");
        appendPortComment(sb, map);
        sb.append(switch (registers) {
            case BOTH -> "// Output y is the class index, registered; latency one clock after x is registered.\n";
            case INPUTS -> "// Output y is the class index of the registered x (combinational after the input register).\n";
            case OUTPUTS -> "// Output y is the class index of x, registered at the next clock (x is not registered).\n";
            case NONE -> "// Output y is the class index of x: a combinational design, no registers and no clock.\n";
        });
        sb.append("`default_nettype none\n\n");
        sb.append("module top (\n");
        if (registers.clocked()) {
            sb.append("    input  wire clk,\n");
        }
        sb.append("    input  wire [").append(pw - 1).append(":0] x,\n");
        sb.append("    output ").append(registers.outputs() ? "reg " : "wire").append(" [").append(y.length - 1)
                .append(":0] y\n");
        sb.append(");\n");
        if (map.width() == 0) {
            sb.append("    /* verilator lint_off UNUSEDSIGNAL */\n");
            sb.append("    // No input bit is used: the class is a constant.\n");
        }
        if (registers.inputs()) {
            sb.append("    reg [").append(pw - 1).append(":0] xr;\n");
            sb.append("    always @(posedge clk) xr <= x;\n");
        } else {
            sb.append("    wire [").append(pw - 1).append(":0] xr = x;\n");
        }
        g.print(sb, live, "    ");
        sb.append(registers.outputs() ? "\n    always @(posedge clk) y <= {" : "\n    assign y = {");
        for (int j = y.length - 1; j >= 0; j--) {
            sb.append(g.ref(y[j])).append(j > 0 ? ", " : "");
        }
        sb.append("};\n");
        if (map.width() == 0) {
            sb.append("    /* verilator lint_on UNUSEDSIGNAL */\n");
        }
        sb.append("endmodule\n\n`default_nettype wire\n");
        return sb.toString();
    }

    private static void appendPortComment(StringBuilder sb, PortMap map) {
        List<PortMap.Bit> b = map.bits();
        int p = 0;
        while (p < b.size()) {
            int q = p;
            while (q + 1 < b.size() && b.get(q + 1).feature() == b.get(p).feature()
                    && b.get(q + 1).bit() == b.get(q).bit() + 1) {
                q++;
            }
            sb.append(String.format("//   x[%d:%d] = feature %d bits [%d:%d]%n", q, p, b.get(p).feature(),
                    b.get(q).bit(), b.get(p).bit()));
            p = q + 1;
        }
        if (b.isEmpty()) {
            sb.append("//   (none)\n");
        }
    }
}
