package org.pmlp.design;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.netlist.Activity;
import org.pmlp.eda.netlist.GateSimulator;
import org.pmlp.eda.netlist.Netlist;
import org.pmlp.eda.netlist.PowerAnalysis;
import org.pmlp.eda.netlist.PowerReport;
import org.pmlp.rtl.PortMap;
import org.pmlp.rtl.Registers;

/**
 * Simulates the synthesized gate-level netlist on the design's test vectors, one per clock: a
 * second, post-synthesis check against the golden model, and the switching activity that power
 * analysis needs (state-dependent leakage and dynamic power of every cell).
 */
public final class NetlistCheck {

    private NetlistCheck() {
    }

    /** Netlist answers compared with the golden model's, and the power measured over the run. */
    public record Result(int mismatches, int firstMismatch, PowerReport power) {
    }

    /** For a design with registered inputs and outputs. */
    public static Result run(Path netlistFile, CellLibrary library, PortMap ports, int[][] q, int[] golden,
                             double clockHz) {
        return run(netlistFile, library, ports, q, golden, clockHz, Registers.BOTH);
    }

    /**
     * Cycles from a vector at the input port to its class at the output are the register stages
     * (0 for a combinational design: its output in cycle t is the class of vector t).
     */
    public static Result run(Path netlistFile, CellLibrary library, PortMap ports, int[][] q, int[] golden,
                             double clockHz, Registers registers) {
        int latency = registers.stages();
        Netlist net = Netlist.read(netlistFile, library);
        List<boolean[]> cycles = new ArrayList<>(q.length + latency);
        for (int i = 0; i < q.length + latency; i++) {
            int[] v = q[Math.min(i, q.length - 1)];
            boolean[] bits = new boolean[Math.max(1, ports.width())];
            for (int p = 0; p < ports.width(); p++) {
                PortMap.Bit b = ports.bits().get(p);
                bits[p] = (v[b.feature()] >> b.bit() & 1) != 0;
            }
            cycles.add(bits);
        }
        Activity act = GateSimulator.simulate(net, "x", cycles);
        long[] y = act.outputValues("y");
        int mismatches = 0;
        int first = -1;
        for (int i = 0; i < q.length; i++) {
            if (y[i + latency] != golden[i]) {
                mismatches++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        return new Result(mismatches, first, PowerAnalysis.analyze(net, act, clockHz));
    }
}
