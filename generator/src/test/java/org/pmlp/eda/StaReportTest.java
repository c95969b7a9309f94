package org.pmlp.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.ToolFailure;

/** Parsing what OpenSTA 2.0.17 prints for flows/sta.tcl (excerpts of real runs). */
class StaReportTest {
    static final String VIOLATED = """
            pmlp-sta clock_hz 5 period_ms 200.0 liberty synth/cells.lib
            Startpoint: x[20] (input port clocked by vclk)
            Endpoint: y[1] (output port clocked by vclk)
            Path Group: vclk
            Path Type: max

                Delay      Time   Description
            -------------------------------------------------------------
               0.0000    0.0000   clock vclk (rise edge)
               0.0000    0.0000 v x[20] (in)
              -0.5592   36.9428 ^ _08478_/Y (INVX1)
               0.0000  305.8331 ^ y[1] (out)
                       305.8331   data arrival time

             200.0000  200.0000   clock vclk (rise edge)
                       200.0000   data required time
            -------------------------------------------------------------
                       200.0000   data required time
                      -305.8331   data arrival time
            -------------------------------------------------------------
                      -105.8331   slack (VIOLATED)


            Group                    Internal    Switching      Leakage        Total
                                        Power        Power        Power        Power
            ------------------------------------------------------------------------
            Sequential           0.000000e+00 0.000000e+00 0.000000e+00 0.000000e+00   0.0%
            Combinational        1.984132e-01 9.340699e-04 4.581382e-02 2.451611e-01 100.0%
            ------------------------------------------------------------------------
            Total                1.984132e-01 9.340699e-04 4.581382e-02 2.451611e-01 100.0%
            """;

    @Test
    void violatedPathGivesPeriodMinusSlackAndEnds() {
        StaReport r = StaReport.parse(VIOLATED);
        assertEquals(200.0, r.periodMs(), 1e-9);
        assertEquals(305.8331, r.criticalPathMs(), 1e-9);
        assertEquals("x[20]", r.start());
        assertEquals("y[1]", r.end());
        assertFalse(r.met());
        assertEquals(1000 / 305.8331, r.maxClockHz(), 1e-9);
        assertEquals(45.81382, r.leakageMw(), 1e-6);
    }

    @Test
    void metPathWithSetupTimeCountsTheSetup() {
        // required 199.5 (0.5 ms setup): the shortest period is the arrival plus the setup
        String text = """
                pmlp-sta clock_hz 5 period_ms 200.0 liberty synth/cells.lib
                Startpoint: _1_ (rising edge-triggered flip-flop clocked by clk)
                Endpoint: _2_ (rising edge-triggered flip-flop clocked by clk)
                           150.0000   data arrival time
                           199.5000   data required time
                            49.5000   slack (MET)
                """;
        StaReport r = StaReport.parse(text);
        assertEquals(150.5, r.criticalPathMs(), 1e-9);
        assertTrue(r.met());
        assertEquals("_1_", r.start());
        assertTrue(Double.isNaN(r.leakageMw()));
    }

    @Test
    void theWorstOfSeveralPathGroupsIsTaken() {
        // a registered design: the clock group's path (register to output) and the path-delay
        // group's (register to register, through set_max_delay on the D pins)
        String text = """
                pmlp-sta clock_hz 5 period_ms 200.0 liberty synth/cells.lib
                Startpoint: _9174_ (rising edge-triggered flip-flop clocked by clk)
                Endpoint: _9140_/D (internal path endpoint)
                           301.2122   data arrival time
                          -101.2122   slack (VIOLATED)

                Startpoint: _9140_ (rising edge-triggered flip-flop clocked by clk)
                Endpoint: y[0] (output port clocked by clk)
                             6.7608   data arrival time
                           193.2391   slack (MET)
                """;
        StaReport r = StaReport.parse(text);
        assertEquals("_9174_", r.start());
        assertEquals("_9140_/D", r.end());
        assertEquals(301.2122, r.criticalPathMs(), 1e-9);
        String reversed = text.substring(0, text.indexOf("Startpoint")) + text.substring(text.indexOf("Startpoint: _9140_"))
                + "\n" + text.substring(text.indexOf("Startpoint"), text.indexOf("Startpoint: _9140_"));
        assertEquals("_9140_/D", StaReport.parse(reversed).end(), "order does not matter");
    }

    @Test
    void constantDesignHasNoPath() {
        StaReport r = StaReport.parse("pmlp-sta clock_hz 5 period_ms 200.0 liberty synth/cells.lib\nNo paths found.\n");
        assertFalse(r.hasPath());
        assertTrue(r.met());
        assertTrue(Double.isNaN(r.criticalPathMs()));
    }

    @Test
    void outputWithoutTheScriptsMarkIsAToolFailure() {
        assertThrows(ToolFailure.class, () -> StaReport.parse("Error: sta.tcl, 4 cannot open 'flows/sta.tcl'.\n"));
        assertThrows(ToolFailure.class, () -> StaReport.parse("pmlp-sta clock_hz 5 period_ms 200.0\nsomething else\n"));
    }

    @Test
    void libraryDelaysAreRecognized() {
        assertTrue(StaticTiming.hasDelays("cell (A) { pin (Y) { timing () { cell_rise (scalar) { values (\"1\"); } } } }"));
        assertFalse(StaticTiming.hasDelays("cell (A) { area : 1; pin (Y) { function : \"!A\"; } }"));
    }
}
