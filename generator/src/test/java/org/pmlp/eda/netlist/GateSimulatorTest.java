package org.pmlp.eda.netlist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

class GateSimulatorTest {

    /** Registered 3-bit input, y[0] = !(!(x0 & x1) ^ x2) registered, y[1] constant 1. */
    static final String PIPELINE = """
            module top(clk, x, y);
              input clk;
              input [2:0] x;
              output [1:0] y;
              wire [2:0] xr;
              wire _0_, _1_;
              wire \\odd$1 ;
              DFF r0 (.CP(clk), .D(x[0]), .Q(xr[0]), .QN());
              DFF r1 (.CP(clk), .D(x[1]), .Q(xr[1]));
              DFF r2 (.CP(clk), .D(x[2]), .Q(xr[2]));
              INV g2 (.A(\\odd$1 ), .Y(_1_));
              XOR2 g1 (.A1(_0_), .A2(xr[2]), .Y(\\odd$1 ));
              NAND2 g0 (.A1(xr[0]), .A2(xr[1]), .Y(_0_));
              DFF o0 (.CP(clk), .D(_1_), .Q(y[0]));
              assign y[1] = 1'h1;
            endmodule
            """;

    static List<boolean[]> randomVectors(int cycles, int width, long seed) {
        Random r = new Random(seed);
        List<boolean[]> out = new ArrayList<>();
        for (int t = 0; t < cycles; t++) {
            boolean[] v = new boolean[width];
            for (int b = 0; b < width; b++) {
                v[b] = r.nextBoolean();
            }
            out.add(v);
        }
        return out;
    }

    private static boolean f(boolean[] x) {
        return !(!(x[0] && x[1]) ^ x[2]);
    }

    @Test
    void simulatesAPipelineOverWordBoundaries() {
        Netlist net = VerilogFixtures.parse(PIPELINE, "p.v");
        for (int cycles : new int[] {1, 2, 63, 64, 65, 200}) {
            List<boolean[]> x = randomVectors(cycles, 3, cycles);
            Activity act = GateSimulator.simulate(net, "x", x);
            assertEquals(cycles, act.cycles());
            long[] y = act.outputValues("y");
            boolean[] zero = new boolean[3];
            for (int t = 0; t < cycles; t++) {
                boolean y0 = t == 0 ? false : f(t == 1 ? zero : x.get(t - 2));
                assertEquals((y0 ? 1 : 0) | 2, y[t], "cycles " + cycles + ", t " + t);
            }
            // xr[0] is x[0] one cycle late: check the counters against a direct count
            int r0 = VerilogFixtures.instance(net, "r0");
            int xr0 = net.instances().get(r0).net(2);
            long ones = 0;
            long toggles = 0;
            for (int t = 0; t < cycles; t++) {
                boolean v = t > 0 && x.get(t - 1)[0];
                boolean prev = t > 1 && x.get(t - 2)[0];
                ones += v ? 1 : 0;
                toggles += t > 0 && v != prev ? 1 : 0;
            }
            assertEquals(ones, act.ones(xr0));
            assertEquals(toggles, act.toggles(xr0));
            assertEquals(toggles, act.pinToggles(r0, 2));
            assertEquals(2L * cycles, act.pinToggles(r0, 0)); // clock pin
        }
    }

    @Test
    void countsLeakageStatesIncludingUnconnectedPinsAndTheClock() {
        Netlist net = VerilogFixtures.parse(PIPELINE, "p.v");
        int cycles = 150;
        List<boolean[]> x = randomVectors(cycles, 3, 7);
        Activity act = GateSimulator.simulate(net, "x", x);
        // DFF r0: states "CP * Q" then "!CP"; clock low half: all "!CP"; clock high half: Q decides
        long q = 0;
        for (int t = 1; t < cycles; t++) {
            q += x.get(t - 1)[0] ? 1 : 0;
        }
        int r0 = VerilogFixtures.instance(net, "r0");
        int g2 = VerilogFixtures.instance(net, "g2");
        assertEquals(q, act.leakageHalfCycles(r0, 0));
        assertEquals(cycles, act.leakageHalfCycles(r0, 1));
        assertEquals(cycles - q, act.leakageHalfCycles(r0, 2));
        // QN of r0 is unconnected but toggles with Q
        assertEquals(act.pinToggles(r0, 2), act.pinToggles(r0, 3));
        // INV g2: "A" half-cycles = 2 x cycles its input is 1
        int odd = net.instances().get(g2).net(0);
        assertEquals(2 * act.ones(odd), act.leakageHalfCycles(g2, 0));
        assertEquals(2 * (cycles - act.ones(odd)), act.leakageHalfCycles(g2, 1));
        assertEquals(0, act.leakageHalfCycles(g2, 2));
        int clk = net.port("clk").orElseThrow().net(0);
        assertEquals(2L * cycles, act.toggles(clk));
    }

    @Test
    void appliesAsynchronousClearAndPreset() {
        Netlist net = VerilogFixtures.parse("""
                module top(clk, x, y);
                  input clk;
                  input [2:0] x;
                  output y;
                  DFFR r (.CP(clk), .D(x[0]), .RN(x[1]), .SN(x[2]), .Q(y));
                endmodule
                """, "r.v");
        List<boolean[]> x = randomVectors(300, 3, 3);
        boolean[] y = GateSimulator.simulate(net, "x", x).outputBit("y", 0);
        boolean stored = false;
        for (int t = 0; t < x.size(); t++) {
            boolean[] v = x.get(t);
            boolean clear = !v[1];
            boolean preset = !v[2];
            assertEquals(!clear && (preset || stored), y[t], "t " + t);
            stored = !clear && (preset || v[0]); // what the edge ending cycle t stores
        }
    }

    @Test
    void rejectsFeedbackLatchesAndMisusedClocks() {
        String feedback = """
                module top(clk, x, y);
                  input clk; input x; output y;
                  wire d;
                  DFF r (.CP(clk), .D(d), .Q(y));
                  XOR2 g (.A1(y), .A2(x), .Y(d));
                endmodule
                """;
        Netlist fb = VerilogFixtures.parse(feedback, "fb.v");
        UserError e = assertThrows(UserError.class, () -> GateSimulator.simulate(fb, "x", randomVectors(4, 1, 1)));
        assertTrue(e.getMessage().startsWith("fb.v: expected a feed-forward netlist, got a feedback loop through flip-flops: "
                + "DFF r -> XOR2 g"), e.getMessage());

        Netlist comb = VerilogFixtures.parse("""
                module top(x, y);
                  input x; output y;
                  wire a;
                  NAND2 g1 (.A1(x), .A2(a), .Y(y));
                  INV g2 (.A(y), .Y(a));
                endmodule
                """, "c.v");
        e = assertThrows(UserError.class, () -> GateSimulator.simulate(comb, "x", randomVectors(4, 1, 1)));
        assertTrue(e.getMessage().contains("got a combinational loop: "), e.getMessage());

        Netlist latch = VerilogFixtures.parse("""
                module top(clk, x, y);
                  input clk; input x; output y;
                  LATCH l (.G(clk), .D(x), .Q(y));
                endmodule
                """, "l.v");
        e = assertThrows(UserError.class, () -> GateSimulator.simulate(latch, "x", randomVectors(4, 1, 1)));
        assertTrue(e.getMessage().startsWith("l.v: instance l: expected combinational cells and edge-triggered"),
                e.getMessage());
        assertTrue(e.getMessage().contains("LATCH, which the library describes as a latch"), e.getMessage());

        Netlist gated = VerilogFixtures.parse("""
                module top(clk, x, y);
                  input clk; input x; output y;
                  wire g;
                  NAND2 a (.A1(clk), .A2(x), .Y(g));
                  DFF r (.CP(g), .D(x), .Q(y));
                endmodule
                """, "g.v");
        e = assertThrows(UserError.class, () -> GateSimulator.simulate(gated, "x", randomVectors(4, 1, 1)));
        assertEquals("g.v: instance a: expected port clk on flip-flop clock pins only, got it on pin A1 of NAND2",
                e.getMessage());

        Netlist tri = VerilogFixtures.parse("""
                module top(x, y);
                  input [1:0] x; output y;
                  TBUF t (.I(x[0]), .OE(x[1]), .Y(y));
                endmodule
                """, "t.v");
        e = assertThrows(UserError.class, () -> GateSimulator.simulate(tri, "x", randomVectors(4, 2, 1)));
        assertEquals("t.v: instance t: expected cells with two-state outputs, got three-state cell TBUF", e.getMessage());
    }

    @Test
    void checksStimulusShape() {
        Netlist net = VerilogFixtures.parse(PIPELINE, "p.v");
        assertThrows(IllegalArgumentException.class, () -> GateSimulator.simulate(net, "x", randomVectors(3, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> GateSimulator.simulate(net, "clk", randomVectors(3, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> GateSimulator.simulate(net, "x", List.of()));
        Activity act = GateSimulator.simulate(net, "x", randomVectors(3, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> act.outputValues("nope"));
        assertArrayEquals(new boolean[] {true, true, true}, act.outputBit("y", 1));
    }
}
