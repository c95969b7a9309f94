package org.pmlp.eda.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerAnalysisTest {
    private static final double EPS = 1e-15;

    @Test
    void inverterByHand() {
        Netlist net = VerilogFixtures.parse("""
                module top(x, y);
                  input x; output y;
                  INV i (.A(x), .Y(y));
                endmodule
                """, "i.v");
        List<boolean[]> x = List.of(new boolean[] {false}, new boolean[] {true}, new boolean[] {true},
                new boolean[] {false});
        PowerReport p = PowerAnalysis.analyze(net, GateSimulator.simulate(net, "x", x), 5.0);
        double seconds = 4 / 5.0;
        // x toggles twice; its load is INV.A = 3 pF at 2 V: 2 x 0.5 x 3e-12 x 4 J
        assertEquals(2 * 0.5 * 3e-12 * 4 / seconds * 1e3, p.switchingMw(), EPS);
        // Y toggles twice x mean(rise 2, fall 4) = 3 pJ
        assertEquals(2 * 3e-12 / seconds * 1e3, p.internalMw(), EPS);
        // A high 2 of 4 cycles: (4 x 2 + 20 x 2) / 4 = 12 nW
        assertEquals(12e-9 * 1e3, p.leakageMw(), EPS);
        assertEquals(10e-9 * 1e3, p.averageLeakageMw(), EPS);
        assertEquals(p.leakageMw() + p.switchingMw() + p.internalMw(), p.totalMw(), EPS);
        assertEquals(1.0, p.areaUm2());
        assertEquals(1e-8, p.areaCm2(), 1e-20);
        assertEquals(Map.of("INV", 1), p.cellCounts());
    }

    @Test
    void hiddenPowerCountsOnlyWhileItsConditionHolds() {
        Netlist net = VerilogFixtures.parse("""
                module top(x, y);
                  input [1:0] x; output y;
                  NAND2 n (.A1(x[0]), .A2(x[1]), .Y(y));
                endmodule
                """, "n.v");
        // x[0] toggles into cycles 1, 2, 3 and 4; x[1] is 0 in cycles 1 and 4 only
        List<boolean[]> x = List.of(new boolean[] {false, true}, new boolean[] {true, false},
                new boolean[] {false, true}, new boolean[] {true, true}, new boolean[] {false, false});
        Activity act = GateSimulator.simulate(net, "x", x);
        assertEquals(4, act.pinToggles(0, 0));
        assertEquals(2, act.internalPowerEvents(0, 0, 0));
        PowerReport p = PowerAnalysis.analyze(net, act, 1.0);
        assertEquals(2 * 7e-12 / 5 * 1e3, p.internalMw(), EPS); // mean(6, 8) pJ, twice, over 5 s
    }

    @Test
    void flipFlopClockEnergyAndStateLeakage() {
        Netlist net = VerilogFixtures.parse("""
                module top(clk, x, y);
                  input clk; input x; output y;
                  DFF r (.CP(clk), .D(x), .Q(y), .QN());
                endmodule
                """, "r.v");
        boolean[] one = {true};
        boolean[] zero = {false};
        List<boolean[]> x = List.of(one, one, zero, one); // Q: 0, 1, 1, 0
        PowerReport p = PowerAnalysis.analyze(net, GateSimulator.simulate(net, "x", x), 2.0);
        double seconds = 4 / 2.0;
        // clock net: 8 toggles x 0.5 x 5 pF x 4 V^2; x: 2 toggles x 0.5 x 1 pF x 4 V^2
        assertEquals((8 * 0.5 * 5e-12 * 4 + 2 * 0.5 * 1e-12 * 4) / seconds * 1e3, p.switchingMw(), EPS);
        // CP internal: 8 toggles x mean(10, 30) pJ; Q and QN have no tables
        assertEquals(8 * 20e-12 / seconds * 1e3, p.internalMw(), EPS);
        // half-cycles: clock low 4 x "!CP" (60); clock high: Q=1 twice "CP * Q" (100), twice no state (default 50)
        assertEquals((4 * 60 + 2 * 100 + 2 * 50) / 8.0 * 1e-9 * 1e3, p.leakageMw(), EPS);
        assertEquals(50e-9 * 1e3, p.averageLeakageMw(), EPS);
        assertEquals(8.0, p.areaUm2());
    }
}
