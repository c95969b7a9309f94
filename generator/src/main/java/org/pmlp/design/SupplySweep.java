package org.pmlp.design;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.ToolFailure;
import org.pmlp.eda.StaReport;
import org.pmlp.eda.StaticTiming;
import org.pmlp.eda.Tools;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.liberty.LibertyFamily;
import org.pmlp.eda.liberty.LibertyRepair;
import org.pmlp.rtl.PortMap;
import org.pmlp.rtl.Registers;

/**
 * Times and powers one synthesized netlist with every library of a voltage family (area does
 * not depend on the supply, so the design is synthesized once), and signs it off at the chosen
 * voltage: a given one, or (auto) the lowest whose worst path fits in the clock period.
 */
public final class SupplySweep {
    /** The family and the voltage asked for: NaN means auto. */
    public record Supply(LibertyFamily family, double vdd) {
        public boolean auto() {
            return Double.isNaN(vdd);
        }

        /** The library to synthesize with: the one asked for, or (auto) the lowest voltage's. */
        public LibertyFamily.Member synthesisLibrary() {
            return auto() ? family.members().get(0) : family.at(vdd);
        }
    }

    private SupplySweep() {
    }

    static void run(Path folder, DesignReport report, Supply supply, PortMap ports, TestVectors vectors,
                    Registers registers, double clockHz, long timeoutSeconds, Stopwatch sw, PrintStream log) {
        boolean sta = Tools.which(StaticTiming.TOOL) != null;
        List<DesignReport.VddPoint> rows = new ArrayList<>();
        List<NetlistCheck.Result> gates = new ArrayList<>();
        List<StaReport> timings = new ArrayList<>();
        for (LibertyFamily.Member m : supply.family().members()) {
            String text;
            try {
                text = Files.readString(m.file());
            } catch (IOException e) {
                throw new org.pmlp.UserError(m.file() + ": cannot read the liberty file: " + e.getMessage());
            }
            String repaired = LibertyRepair.repair(text, m.file().toString()).text();
            CellLibrary lib = CellLibrary.parse(repaired, m.file().toString());
            NetlistCheck.Result gate = sw.time("vdd_power", () -> NetlistCheck.run(new DesignFolder(folder).netlist(), lib,
                    ports, vectors.q(), vectors.golden(), clockHz, registers));
            StaReport t = null;
            if (sta && StaticTiming.hasDelays(repaired)) {
                String name = "vdd_" + m.label() + "V";
                Path copy = folder.resolve("sta/" + name + ".lib");
                try {
                    Files.createDirectories(copy.getParent());
                    Files.writeString(copy, repaired);
                } catch (IOException e) {
                    throw new ToolFailure("cannot write " + copy + ": " + e.getMessage());
                }
                try {
                    t = sw.time("vdd_sta", () -> StaticTiming.run(folder, "sta/" + name + ".lib", clockHz, name,
                            timeoutSeconds));
                } finally {
                    try {
                        Files.deleteIfExists(copy); // a repaired copy per voltage is large; the report stays
                    } catch (IOException e) {
                        // left behind: harmless
                    }
                }
            }
            double path = t == null || !t.hasPath() ? Double.NaN : t.criticalPathMs();
            boolean met = t != null && t.met();
            double total = gate.power().totalMw();
            rows.add(new DesignReport.VddPoint(m.volts(), m.file().toAbsolutePath().toString(), path, met,
                    gate.power().leakageMw(), gate.power().dynamicMw(), total, total / clockHz));
            gates.add(gate);
            timings.add(t);
        }
        int pick = choose(supply, rows, log);
        DesignReport.VddPoint chosen = rows.get(pick);
        report.vddTable = List.copyOf(rows);
        report.vdd = chosen.volts();
        report.record(gates.get(pick), clockHz);
        report.liberty = chosen.liberty();
        if (timings.get(pick) != null) {
            report.record(timings.get(pick), clockHz);
        } else {
            report.timing = "unavailable: the " + LibertyFamily.Member.label(chosen.volts()) + " V library has no delay tables"
                    + (sta ? "" : " or OpenSTA is not installed");
            report.criticalPathMs = Double.NaN;
            report.maxClockHz = Double.NaN;
        }
        for (DesignReport.VddPoint v : rows) {
            log.printf("vdd %s V: worst path %s, power %.3f mW (leakage %.3f, dynamic %.4f), batteries: %s%n",
                    LibertyFamily.Member.label(v.volts()),
                    Double.isNaN(v.criticalPathMs()) ? "n/a" : String.format("%.1f ms%s", v.criticalPathMs(),
                            v.timingMet() ? "" : " (clock not met)"),
                    v.totalMw(), v.leakageMw(), v.dynamicMw(), Batteries.fitting(v.totalMw()));
        }
        log.printf("vdd: signed off at %s V%n", LibertyFamily.Member.label(chosen.volts()));
        if (sta) {
            report.tools.put("sta", Tools.version("sta"));
        }
        if (!supply.auto() && "violated".equals(report.timing)) {
            log.printf("WARNING: the clock of %s Hz is not met at %s V: the worst path (%.1f ms) is longer than the "
                    + "period (%.1f ms)%n", clockHz, LibertyFamily.Member.label(chosen.volts()), report.criticalPathMs,
                    1000 / clockHz);
        }
    }

    /**
     * One voltage's figures for a finished, synthesized design folder (bench's low-voltage
     * columns): its stored test vectors simulated on the netlist with that library, and OpenSTA.
     */
    public static DesignReport.VddPoint point(Path folder, LibertyFamily.Member m, double clockHz, long timeoutSeconds) {
        DesignFolder f = new DesignFolder(folder);
        Verification.Stored v = Verification.read(f);
        String text;
        try {
            text = Files.readString(m.file());
        } catch (IOException e) {
            throw new org.pmlp.UserError(m.file() + ": cannot read the liberty file: " + e.getMessage());
        }
        String repaired = LibertyRepair.repair(text, m.file().toString()).text();
        CellLibrary lib = CellLibrary.parse(repaired, m.file().toString());
        NetlistCheck.Result gate = NetlistCheck.run(f.netlist(), lib, DesignWriter.readPorts(f), v.q(), v.golden(), clockHz,
                DesignWriter.readRegisters(f));
        StaReport t = null;
        if (Tools.which(StaticTiming.TOOL) != null && StaticTiming.hasDelays(repaired)) {
            String name = "vdd_" + m.label() + "V";
            Path copy = folder.resolve("sta/" + name + ".lib");
            try {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, repaired);
                t = StaticTiming.run(folder, "sta/" + name + ".lib", clockHz, name, timeoutSeconds);
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                throw new ToolFailure("cannot write " + copy + ": " + e.getMessage());
            }
        }
        double total = gate.power().totalMw();
        return new DesignReport.VddPoint(m.volts(), m.file().toAbsolutePath().toString(),
                t == null || !t.hasPath() ? Double.NaN : t.criticalPathMs(), t != null && t.met(),
                gate.power().leakageMw(), gate.power().dynamicMw(), total, total / clockHz);
    }

    /** The row to sign off: the voltage asked for, or the lowest meeting the clock (else the fastest, with a warning). */
    static int choose(Supply supply, List<DesignReport.VddPoint> rows, PrintStream log) {
        if (!supply.auto()) {
            for (int i = 0; i < rows.size(); i++) {
                if (Math.abs(rows.get(i).volts() - supply.vdd()) < 1e-6) {
                    return i;
                }
            }
            throw new IllegalStateException("no row for " + supply.vdd());
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).timingMet()) {
                return i;
            }
        }
        int fastest = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (!(rows.get(i).criticalPathMs() >= rows.get(fastest).criticalPathMs())) {
                fastest = i;
            }
        }
        log.printf("WARNING: --vdd auto: no voltage of %s meets the clock; signed off at the fastest, %s V%n",
                supply.family().voltages(), LibertyFamily.Member.label(rows.get(fastest).volts()));
        return fastest;
    }
}
