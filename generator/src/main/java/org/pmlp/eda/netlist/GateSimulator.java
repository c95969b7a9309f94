package org.pmlp.eda.netlist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.CompiledExpr;

/**
 * Cycle-based, bit-parallel simulation of a feed-forward pipeline netlist: one rising edge of
 * port {@value #CLOCK_PORT} per input vector, 64 cycles per {@code long} (lane t = cycle t).
 *
 * <p>A flip-flop's Q in cycle t is what it loaded at the edge ending cycle t-1 (0 in cycle 0),
 * so with flip-flop D inputs treated as ordinary dependencies the netlist is evaluated in
 * topological order, a flip-flop shifting its loaded value by one lane. Asynchronous
 * clear/preset act within the cycle and at the edge (clear wins over preset). Netlists with
 * feedback, latches or three-state cells are rejected.
 */
public final class GateSimulator {
    /** The clock port. */
    public static final String CLOCK_PORT = "clk";

    private GateSimulator() {
    }

    /**
     * Simulates a design whose only data input is {@code inputPort} (besides {@value #CLOCK_PORT}).
     *
     * @param vectorsPerCycle bit i of element t is bit i (LSB first) of the port in cycle t
     */
    public static Activity simulate(Netlist net, String inputPort, List<boolean[]> vectorsPerCycle) {
        return simulate(net, Map.of(inputPort, vectorsPerCycle));
    }

    /** Simulates with every non-clock input port given its vectors (all of the same length). */
    public static Activity simulate(Netlist net, Map<String, List<boolean[]>> inputs) {
        return new Run(net, inputs).run();
    }

    /** The state of one simulation. */
    private static final class Run {
        private final Netlist net;
        private final int cycles;
        private final int words;
        private final int[] inputNets;     // one per stimulated input bit
        private final long[][] inputWords; // [bit][word]
        private final int clockNet;
        private final CellModel[] models;
        private final int[] order;

        Run(Netlist net, Map<String, List<boolean[]>> inputs) {
            this.net = net;
            int n = -1;
            for (List<boolean[]> v : inputs.values()) {
                if (n >= 0 && v.size() != n) {
                    throw new IllegalArgumentException("input ports have different numbers of vectors");
                }
                n = v.size();
            }
            if (n <= 0) {
                throw new IllegalArgumentException("no input vectors");
            }
            this.cycles = n;
            this.words = (n + 63) >>> 6;
            this.clockNet = clockNet();
            int bits = 0;
            for (Port p : net.ports()) {
                if (p.direction() == Port.Direction.INPUT && !p.name().equals(CLOCK_PORT)) {
                    if (!inputs.containsKey(p.name())) {
                        throw new IllegalArgumentException("no vectors for input port " + p.name() + " of " + net.moduleName());
                    }
                    bits += p.width();
                }
            }
            for (String name : inputs.keySet()) {
                Port p = net.port(name).orElse(null);
                if (p == null || p.direction() != Port.Direction.INPUT || name.equals(CLOCK_PORT)) {
                    throw new IllegalArgumentException(name + " is not a data input port of " + net.moduleName());
                }
            }
            inputNets = new int[bits];
            inputWords = new long[bits][words];
            int k = 0;
            for (Port p : net.ports()) {
                if (p.direction() != Port.Direction.INPUT || p.name().equals(CLOCK_PORT)) {
                    continue;
                }
                List<boolean[]> vectors = inputs.get(p.name());
                for (int b = 0; b < p.width(); b++, k++) {
                    inputNets[k] = p.net(b);
                    for (int t = 0; t < cycles; t++) {
                        boolean[] v = vectors.get(t);
                        if (v.length != p.width()) {
                            throw new IllegalArgumentException("vector " + t + " for port " + p.name() + " has "
                                    + v.length + " bits; the port has " + p.width());
                        }
                        if (v[b]) {
                            inputWords[k][t >>> 6] |= 1L << (t & 63);
                        }
                    }
                }
            }
            this.models = models();
            this.order = EvaluationOrder.of(net, models);
        }

        private int clockNet() {
            Port clk = net.port(CLOCK_PORT).orElse(null);
            if (clk == null) {
                return -1;
            }
            if (clk.direction() != Port.Direction.INPUT || clk.width() != 1 || clk.net(0) < 2) {
                throw new UserError(net.source() + ": expected port " + CLOCK_PORT + " to be a one-bit input, got " + clk);
            }
            return clk.net(0);
        }

        /** Compiles each cell type once and checks the clock wiring of every instance. */
        private CellModel[] models() {
            Map<Cell, CellModel> byCell = new HashMap<>();
            List<Instance> instances = net.instances();
            CellModel[] out = new CellModel[instances.size()];
            for (int i = 0; i < out.length; i++) {
                Instance inst = instances.get(i);
                String where = net.source() + ": instance " + inst.name();
                CellModel m = byCell.get(inst.cell());
                if (m == null) {
                    m = CellModel.of(inst.cell(), where);
                    byCell.put(inst.cell(), m);
                }
                for (int pin : m.inputPins) {
                    boolean onClock = clockNet >= 0 && inst.net(pin) == clockNet;
                    String pinName = inst.cell().pins().get(pin).name();
                    if (pin == m.clockPin && !onClock) {
                        throw new UserError(where + ": expected clock pin " + pinName + " on port " + CLOCK_PORT
                                + ", got net " + net.netName(inst.net(pin)));
                    }
                    if (pin != m.clockPin && onClock) {
                        throw new UserError(where + ": expected port " + CLOCK_PORT + " on flip-flop clock pins only, got it on pin "
                                + pinName + " of " + inst.cell().name());
                    }
                }
                out[i] = m;
            }
            return out;
        }

        Activity run() {
            int netCount = net.netCount();
            List<Instance> instances = net.instances();
            long[] value = new long[netCount];
            long[] lastLane = new long[netCount];
            long[] ones = new long[netCount];
            long[] toggles = new long[netCount];
            long[][] pinToggles = new long[instances.size()][];
            long[][] pinLast = new long[instances.size()][];
            long[][][] internalEvents = new long[instances.size()][][];
            long[][] leakage = new long[instances.size()][];
            long[] loadedCarry = new long[instances.size()];
            int maxVars = 1;
            int maxStack = 1;
            for (int i = 0; i < instances.size(); i++) {
                Cell cell = instances.get(i).cell();
                pinToggles[i] = new long[cell.pins().size()];
                pinLast[i] = new long[cell.pins().size()];
                internalEvents[i] = new long[cell.pins().size()][];
                for (int p = 0; p < cell.pins().size(); p++) {
                    internalEvents[i][p] = new long[cell.pins().get(p).internalPower().size()];
                }
                leakage[i] = new long[cell.leakageStates().size() + 1];
                maxVars = Math.max(maxVars, cell.variables().size());
                maxStack = Math.max(maxStack, models[i].stackDepth);
            }
            long[] vars = new long[maxVars];
            long[] stack = new long[maxStack];
            Map<String, long[][]> outputs = new LinkedHashMap<>();
            for (Port p : net.ports()) {
                if (p.direction() == Port.Direction.OUTPUT) {
                    outputs.put(p.name(), new long[p.width()][words]);
                }
            }

            for (int w = 0; w < words; w++) {
                int lanes = Math.min(64, cycles - 64 * w);
                long valid = lanes == 64 ? -1L : (1L << lanes) - 1;
                long firstLaneMask = w == 0 ? ~1L : -1L; // no toggle into cycle 0
                value[Netlist.CONST0] = 0L;
                value[Netlist.CONST1] = -1L;
                for (int k = 0; k < inputNets.length; k++) {
                    value[inputNets[k]] = inputWords[k][w];
                }
                for (int i : order) {
                    CellModel m = models[i];
                    Instance inst = instances.get(i);
                    evaluate(m, inst, i, value, vars, stack, loadedCarry);
                    countTransitions(m, vars, stack, valid & firstLaneMask, lanes, pinToggles[i], pinLast[i],
                            internalEvents[i]);
                    countLeakageStates(m, vars, stack, valid, lanes, leakage[i]);
                }
                for (int n = 2; n < netCount; n++) {
                    long v = value[n];
                    ones[n] += Long.bitCount(v & valid);
                    toggles[n] += Long.bitCount((v ^ (v << 1 | lastLane[n])) & valid & firstLaneMask);
                    lastLane[n] = v >>> (lanes - 1) & 1L;
                }
                for (Port p : net.ports()) {
                    if (p.direction() == Port.Direction.OUTPUT) {
                        long[][] out = outputs.get(p.name());
                        for (int b = 0; b < p.width(); b++) {
                            out[b][w] = value[p.net(b)] & valid;
                        }
                    }
                }
            }
            if (clockNet >= 0) { // the clock is not simulated as data: high half of each cycle, two edges
                ones[clockNet] = cycles / 2;
                toggles[clockNet] = 2L * cycles;
            }
            for (int i = 0; i < instances.size(); i++) {
                if (models[i].clockPin >= 0) {
                    pinToggles[i][models[i].clockPin] = 2L * cycles;
                }
            }
            return new Activity(net, cycles, ones, toggles, pinToggles, internalEvents, leakage, outputs);
        }

        /** Computes the pins and state of one instance for the current word into {@code vars}. */
        private static void evaluate(CellModel m, Instance inst, int i, long[] value, long[] vars, long[] stack,
                                     long[] loadedCarry) {
            for (int pin : m.inputPins) {
                vars[pin] = pin == m.clockPin ? 0L : value[inst.net(pin)];
            }
            if (m.flipFlop) {
                long clr = m.clear == null ? 0L : m.clear.eval(vars, stack);
                long pre = m.preset == null ? 0L : m.preset.eval(vars, stack);
                long loaded = ~clr & (pre | m.data.eval(vars, stack)); // value the edge ending this lane stores
                long stored = loaded << 1 | loadedCarry[i];
                loadedCarry[i] = loaded >>> 63;
                long q = ~clr & (pre | stored);
                vars[m.stateSlot] = q;
                if (m.invertedSlot >= 0) {
                    vars[m.invertedSlot] = ~q;
                }
            }
            for (int k = 0; k < m.outputPins.length; k++) {
                int pin = m.outputPins[k];
                long v = m.outputFunctions[k].eval(vars, stack);
                vars[pin] = v;
                int n = inst.net(pin);
                if (n >= 0) {
                    value[n] = v;
                }
            }
        }

        /**
         * Counts pin transitions into cycles of this word, and those during which each internal
         * power {@code when} holds (evaluated on the new cycle's values). A clock pin makes two
         * transitions per cycle; its {@code when}s are evaluated with the clock low.
         */
        private static void countTransitions(CellModel m, long[] vars, long[] stack, long countable, int lanes,
                                             long[] toggles, long[] last, long[][] events) {
            for (int pin = 0; pin < toggles.length; pin++) {
                CompiledExpr[] cases = m.internalWhen[pin];
                if (pin == m.clockPin) {
                    long valid = lanes == 64 ? -1L : (1L << lanes) - 1;
                    for (int c = 0; c < cases.length; c++) {
                        events[pin][c] += 2L * Long.bitCount(cases[c] == null ? valid : cases[c].eval(vars, stack) & valid);
                    }
                    continue;
                }
                long v = vars[pin];
                long changed = (v ^ (v << 1 | last[pin])) & countable;
                last[pin] = v >>> (lanes - 1) & 1L;
                toggles[pin] += Long.bitCount(changed);
                for (int c = 0; c < cases.length; c++) {
                    events[pin][c] += Long.bitCount(cases[c] == null ? changed : changed & cases[c].eval(vars, stack));
                }
            }
        }

        /**
         * Adds half-cycles per leakage state: the first matching {@code when} (in library order)
         * wins; states reading the clock are evaluated with it low and high.
         */
        private static void countLeakageStates(CellModel m, long[] vars, long[] stack, long valid, int lanes,
                                               long[] counts) {
            int states = m.leakageWhen.length;
            int phases = m.leakageReadsClock ? 2 : 1;
            long weight = 2 / phases;
            long matchedHalfCycles = 0;
            for (int phase = 0; phase < phases; phase++) {
                if (m.clockPin >= 0) {
                    vars[m.clockPin] = phase == 0 ? 0L : -1L;
                }
                long matched = 0L;
                for (int s = 0; s < states; s++) {
                    long hit = m.leakageWhen[s].eval(vars, stack) & valid & ~matched;
                    matched |= hit;
                    long c = weight * Long.bitCount(hit);
                    counts[s] += c;
                    matchedHalfCycles += c;
                }
            }
            counts[states] += 2L * lanes - matchedHalfCycles;
        }
    }
}
