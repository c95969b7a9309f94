package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pmlp.cost.CostFeatures;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;

/** Structural hashing and constant folding of the emitter's netlist, and the cost features read off it. */
class GatesTest {
    @Test
    void identicalGatesAreOneGateWhateverTheInputOrder() {
        Gates g = new Gates();
        int a = g.input();
        int b = g.input();
        int c = g.input();
        assertEquals(g.and(a, b), g.and(b, a));
        assertEquals(g.or(a, b), g.or(b, a));
        assertEquals(g.xor(a, b), g.xor(b, a));
        assertEquals(g.fullAdder(a, b, c), g.fullAdder(c, a, b));
        assertEquals(g.fullAdder(a, b, c), g.fullAdder(b, c, a));
        assertEquals(g.not(a), g.not(a));
        assertEquals(a, g.not(g.not(a)));
        assertTrue(g.and(a, b) != g.or(a, b));
        assertEquals(Gates.ZERO, g.and(a, g.not(a)));
        assertEquals(Gates.ONE, g.or(g.not(a), a));
        assertEquals(Gates.ONE, g.xor(a, g.not(a)));
        assertEquals(c, Gates.sum(g.fullAdder(a, a, c)));
        assertEquals(a, Gates.carry(g.fullAdder(a, a, c)));
        assertEquals(c, Gates.carry(g.fullAdder(a, g.not(a), c)));
        assertEquals(g.or(a, c), Gates.carry(g.fullAdder(Gates.ONE, a, c)));
        assertEquals(g.and(a, c), Gates.carry(g.fullAdder(a, Gates.ZERO, c)));
        int before = g.countLive(g.live(new int[] {Gates.sum(g.fullAdder(a, b, c))}));
        assertEquals(1, before);
    }

    /** Random gate networks: folding and hashing never change a function (checked on all 2^5 inputs). */
    @Test
    void foldingAndHashingKeepFunctions() {
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < 200; t++) {
            Gates g = new Gates();
            List<Integer> sig = new ArrayList<>(List.of(Gates.ZERO, Gates.ONE));
            int[] in = new int[5];
            for (int i = 0; i < in.length; i++) {
                in[i] = g.input();
                sig.add(in[i]);
            }
            List<int[]> ops = new ArrayList<>();
            List<Integer> out = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                int op = r.nextInt(6);
                int x = sig.get(r.nextInt(sig.size()));
                int y = sig.get(r.nextInt(sig.size()));
                int z = sig.get(r.nextInt(sig.size()));
                int s = switch (op) {
                    case 0 -> g.not(x);
                    case 1 -> g.and(x, y);
                    case 2 -> g.or(x, y);
                    case 3 -> g.xor(x, y);
                    case 4 -> Gates.sum(g.fullAdder(x, y, z));
                    default -> Gates.carry(g.fullAdder(x, y, z));
                };
                ops.add(new int[] {op, sig.indexOf(x), sig.indexOf(y), sig.indexOf(z)});
                sig.add(s);
                out.add(s);
            }
            for (int v = 0; v < 32; v++) {
                int vv = v;
                boolean[] val = g.simulate(s -> {
                    for (int i = 0; i < in.length; i++) {
                        if (in[i] == s) {
                            return (vv >> i & 1) != 0;
                        }
                    }
                    throw new AssertionError();
                });
                // the same network evaluated directly, without the netlist
                List<Boolean> ref = new ArrayList<>(List.of(false, true));
                for (int i = 0; i < in.length; i++) {
                    ref.add((v >> i & 1) != 0);
                }
                for (int k = 0; k < ops.size(); k++) {
                    int[] o = ops.get(k);
                    boolean x = ref.get(o[1]);
                    boolean y = ref.get(o[2]);
                    boolean z = ref.get(o[3]);
                    boolean e = switch (o[0]) {
                        case 0 -> !x;
                        case 1 -> x & y;
                        case 2 -> x | y;
                        case 3 -> x ^ y;
                        case 4 -> x ^ y ^ z;
                        default -> (x & y) | (x & z) | (y & z);
                    };
                    ref.add(e);
                    assertEquals(e, val[out.get(k)], "network " + t + " gate " + k + " input " + v);
                }
            }
        }
    }

    private static final Pattern WIRE = Pattern.compile("^\\s*wire (\\S+) = (.*);$", Pattern.MULTILINE);

    /**
     * The cost features are the printed netlist: on random designs, the gates of each kind in the
     * Verilog (one {@code wire} per gate) are the features' counts, and no two wires compute the
     * same expression of the same operands.
     */
    @Test
    void featuresCountThePrintedGatesAndNoGateIsPrintedTwice() {
        for (long seed = 1; seed <= 60; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed);
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            for (HeapStyle style : HeapStyle.values()) {
                RtlDesign rtl = VerilogEmitter.emit(d.circuit(), style, "gates test");
                int[] kinds = new int[Gates.KINDS.length];
                Set<String> exprs = new HashSet<>();
                Matcher m = WIRE.matcher(rtl.verilog());
                while (m.find()) {
                    String e = m.group(2);
                    assertTrue(exprs.add(e), "seed " + seed + ": printed twice: " + e);
                    kinds[kind(e)]++;
                }
                CostFeatures f = FeatureCounter.count(d.circuit(), style, Registers.BOTH);
                int[] counted = new int[Gates.KINDS.length];
                for (int i = 0; i < counted.length; i++) {
                    counted[i] = f.count(i);
                }
                assertArrayEquals(kinds, counted, "seed " + seed + " " + style);
                assertEquals(rtl.gates(), f.gates());
                assertEquals(rtl.ports().width() + rtl.outputBits(), f.flipFlops());
                assertEquals(0, FeatureCounter.count(d.circuit(), style, Registers.NONE).flipFlops());
                assertEquals(rtl.outputBits(), FeatureCounter.count(d.circuit(), style, Registers.OUTPUTS).flipFlops());
            }
        }
    }

    /**
     * The census builds its gates in one netlist per thread, emptied between builds: designs of
     * every profile (small and wide, so the netlist grows and shrinks) in a shuffled order, each
     * seen twice, give the counts the printed Verilog has and the critical path of a fresh build.
     */
    @Test
    void censusOfTheReusedNetlistIsAFreshBuilds() {
        List<CompiledDesign> designs = new ArrayList<>();
        for (RandomDesigns.Profile p : RandomDesigns.Profile.values()) {
            for (long seed = 1; seed <= 8; seed++) {
                RandomDesigns.Sample s = RandomDesigns.sample(seed, p);
                designs.add(DesignFlow.compileRetrained(s.model(), s.config(), s.calibration()));
            }
        }
        List<CompiledDesign> order = new ArrayList<>(designs);
        order.addAll(designs);
        java.util.Collections.shuffle(order, new java.util.Random(5));
        GateDelays delays = org.pmlp.cost.TimingEstimate.gates();
        for (CompiledDesign d : order) {
            for (HeapStyle style : HeapStyle.values()) {
                double[] path = new double[1];
                VerilogEmitter.GateCensus c = VerilogEmitter.census(d.circuit(), style, delays, path);
                RtlDesign rtl = VerilogEmitter.emit(d.circuit(), style, "reuse test");
                int[] kinds = new int[Gates.KINDS.length];
                Matcher m = WIRE.matcher(rtl.verilog());
                while (m.find()) {
                    kinds[kind(m.group(2))]++;
                }
                assertArrayEquals(kinds, c.gates(), style + " " + d.config().toJson());
                assertEquals(rtl.ports().width(), c.inputBits());
                assertEquals(VerilogEmitter.criticalPath(d.circuit(), style, delays), path[0]);
            }
        }
    }

    /** Kind of a printed gate expression, in {@link Gates#KINDS} order. */
    private static int kind(String e) {
        if (e.startsWith("(")) {
            return 5;
        }
        if (e.startsWith("~")) {
            return 0;
        }
        long xors = e.chars().filter(ch -> ch == '^').count();
        if (xors == 2) {
            return 4;
        }
        if (xors == 1) {
            return 3;
        }
        return e.contains("&") ? 1 : 2;
    }
}
