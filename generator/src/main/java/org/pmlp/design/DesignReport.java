package org.pmlp.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.pmlp.Version;
import org.pmlp.util.Json;

/**
 * What a run measured about one design, written as {@code report.json} and {@code report.md}.
 * Fields that a run did not measure stay NaN / -1 and are written as null.
 */
public final class DesignReport {
    public String topology;
    public int testVectors;
    public int labelledVectors;
    public double accuracyFloat = Double.NaN;
    public double accuracyGolden = Double.NaN;
    public double accuracyRtl = Double.NaN;
    public int rtlMismatches = -1;
    public int netlistMismatches = -1;
    /** proved, failed or timeout (see NetlistEquivalence); null when not synthesized. */
    public String netlistEquivalence;
    public double netlistEquivalenceSeconds = Double.NaN;
    /** rtl/top.v against rtl/reference.v: proved, failed, timeout or skipped (not tried). */
    public String referenceEquivalence = "skipped";
    public double referenceEquivalenceSeconds = Double.NaN;
    public double areaCm2 = Double.NaN;
    public double estimatedAreaCm2 = Double.NaN;
    public double estimatedPowerMw = Double.NaN;
    public double powerMw = Double.NaN;
    public double leakageMw = Double.NaN;
    public double dynamicMw = Double.NaN;
    public double averageLeakageMw = Double.NaN;
    public double clockHz = Double.NaN;
    /**
     * Static timing (OpenSTA): "met", "violated", "no paths" (a constant design) or
     * "unavailable: why" (a library without delay tables); null when not synthesized.
     */
    public String timing;
    public double criticalPathMs = Double.NaN;
    public double maxClockHz = Double.NaN;
    public double timingClockHz = Double.NaN;
    public String pathStart;
    public String pathEnd;
    /** OpenSTA's report_power leakage, for the cross-check with pmlp's own. */
    public double staLeakageMw = Double.NaN;
    /** Per supply voltage of a --liberty-dir family (--vdd); empty without one. */
    public java.util.List<VddPoint> vddTable = java.util.List.of();
    /** The voltage the design was signed off at (--vdd), NaN without a family. */
    public double vdd = Double.NaN;

    /** Timing and power of the one netlist at one supply voltage. */
    public record VddPoint(double volts, String liberty, double criticalPathMs, boolean timingMet, double leakageMw,
                           double dynamicMw, double totalMw, double energyPerClassificationMj) {
    }

    /** Takes OpenSTA's figures, timed at {@code clock} Hz. */
    public void record(org.pmlp.eda.StaReport sta, double clock) {
        timingClockHz = clock;
        staLeakageMw = sta.leakageMw();
        if (!sta.hasPath()) {
            timing = "no paths";
            return;
        }
        timing = sta.met() ? "met" : "violated";
        criticalPathMs = sta.criticalPathMs();
        maxClockHz = sta.maxClockHz();
        pathStart = sta.start();
        pathEnd = sta.end();
    }

    /** Whether the clock is met: null when timing is unavailable or was not run. */
    public Boolean timingMet() {
        if (timing == null || timing.startsWith("unavailable")) {
            return null;
        }
        return !timing.equals("violated");
    }
    public Map<String, Integer> cells = new TreeMap<>();
    public String liberty;
    public String heapStyle;
    /** Registered ports: none (combinational), inputs, outputs or both. */
    public String registers;
    public int inputPortBits;
    public int rtlGates;
    public java.util.List<String> libertyRepairs = java.util.List.of();
    public Map<String, Double> seconds = new LinkedHashMap<>();
    public Map<String, String> tools = new LinkedHashMap<>();
    /** Why the design's verification job did not finish (batch executors), or null. */
    public String failure;

    /** Takes the post-synthesis check's figures. */
    public void record(NetlistCheck.Result gate, double clock) {
        netlistMismatches = gate.mismatches();
        powerMw = gate.power().totalMw();
        leakageMw = gate.power().leakageMw();
        dynamicMw = gate.power().dynamicMw();
        averageLeakageMw = gate.power().averageLeakageMw();
        clockHz = clock;
    }

    /** Takes the verdict of the netlist equivalence proof. */
    public void record(org.pmlp.eda.NetlistEquivalence.Result proof) {
        netlistEquivalence = proof.status().label();
        netlistEquivalenceSeconds = proof.seconds();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("pmlp", Version.VERSION);
        o.put("topology", topology);
        o.put("test_vectors", testVectors);
        o.put("labelled_vectors", labelledVectors);
        num(o, "accuracy_float", accuracyFloat);
        num(o, "accuracy_golden", accuracyGolden);
        num(o, "accuracy_rtl", accuracyRtl);
        count(o, "rtl_mismatches", rtlMismatches);
        count(o, "netlist_mismatches", netlistMismatches);
        o.put("netlist_equivalence", netlistEquivalence);
        num(o, "netlist_equivalence_seconds", netlistEquivalenceSeconds);
        o.put("reference_equivalence", referenceEquivalence);
        num(o, "reference_equivalence_seconds", referenceEquivalenceSeconds);
        num(o, "area_cm2", areaCm2);
        num(o, "estimated_area_cm2", estimatedAreaCm2);
        num(o, "estimated_power_mw", estimatedPowerMw);
        num(o, "power_mw", powerMw);
        ObjectNode p = o.putObject("power");
        num(p, "leakage_mw", leakageMw);
        num(p, "dynamic_mw", dynamicMw);
        num(p, "average_cell_leakage_mw", averageLeakageMw);
        num(p, "clock_hz", clockHz);
        p.put("units", "mW = W x 1000; leakage from the liberty's leakage_power_unit");
        num(p, "opensta_leakage_mw", staLeakageMw);
        o.put("timing", timing);
        num(o, "critical_path_ms", criticalPathMs);
        num(o, "max_clock_hz", maxClockHz);
        Boolean met = timingMet();
        if (met == null) {
            o.putNull("timing_met");
        } else {
            o.put("timing_met", met.booleanValue());
        }
        num(o, "timing_clock_hz", timingClockHz);
        o.put("critical_path_start", pathStart);
        o.put("critical_path_end", pathEnd);
        if (!vddTable.isEmpty()) {
            num(o, "vdd", vdd);
            var vt = o.putArray("vdd_table");
            for (VddPoint v : vddTable) {
                ObjectNode row = vt.addObject();
                row.put("vdd", v.volts());
                row.put("liberty", v.liberty());
                row.put("batteries", Batteries.fitting(v.totalMw()));
                num(row, "critical_path_ms", v.criticalPathMs());
                row.put("timing_met", v.timingMet());
                num(row, "leakage_mw", v.leakageMw());
                num(row, "dynamic_mw", v.dynamicMw());
                num(row, "total_mw", v.totalMw());
                num(row, "energy_per_classification_mj", v.energyPerClassificationMj());
            }
        }
        ObjectNode c = o.putObject("cells");
        cells.forEach(c::put);
        o.put("liberty", liberty);
        var rep = o.putArray("liberty_repairs");
        libertyRepairs.forEach(rep::add);
        o.put("heap_style", heapStyle);
        o.put("registers", registers);
        o.put("input_port_bits", inputPortBits);
        o.put("rtl_gates", rtlGates);
        ObjectNode s = o.putObject("seconds");
        seconds.forEach((k, v) -> s.put(k, Math.round(v * 1000) / 1000.0));
        ObjectNode t = o.putObject("tools");
        tools.forEach(t::put);
        if (failure != null) {
            o.put("failure", failure);
        }
        return o;
    }

    /**
     * A report as written by {@link #toJson()}; fields it lacks keep their "not measured" values.
     * Lenient on purpose: it reads reports of earlier pmlp versions.
     */
    public static DesignReport fromJson(com.fasterxml.jackson.databind.JsonNode o) {
        DesignReport r = new DesignReport();
        r.topology = text(o, "topology");
        r.testVectors = o.path("test_vectors").asInt(0);
        r.labelledVectors = o.path("labelled_vectors").asInt(0);
        r.accuracyFloat = num(o, "accuracy_float");
        r.accuracyGolden = num(o, "accuracy_golden");
        r.accuracyRtl = num(o, "accuracy_rtl");
        r.rtlMismatches = o.path("rtl_mismatches").asInt(-1);
        r.netlistMismatches = o.path("netlist_mismatches").asInt(-1);
        r.netlistEquivalence = text(o, "netlist_equivalence");
        r.netlistEquivalenceSeconds = num(o, "netlist_equivalence_seconds");
        if (text(o, "reference_equivalence") != null) {
            r.referenceEquivalence = text(o, "reference_equivalence");
        }
        r.referenceEquivalenceSeconds = num(o, "reference_equivalence_seconds");
        r.areaCm2 = num(o, "area_cm2");
        r.estimatedAreaCm2 = num(o, "estimated_area_cm2");
        r.estimatedPowerMw = num(o, "estimated_power_mw");
        r.powerMw = num(o, "power_mw");
        var p = o.path("power");
        r.leakageMw = num(p, "leakage_mw");
        r.dynamicMw = num(p, "dynamic_mw");
        r.averageLeakageMw = num(p, "average_cell_leakage_mw");
        r.clockHz = num(p, "clock_hz");
        r.staLeakageMw = num(p, "opensta_leakage_mw");
        r.timing = text(o, "timing");
        r.criticalPathMs = num(o, "critical_path_ms");
        r.maxClockHz = num(o, "max_clock_hz");
        r.timingClockHz = num(o, "timing_clock_hz");
        r.pathStart = text(o, "critical_path_start");
        r.pathEnd = text(o, "critical_path_end");
        o.path("cells").fields().forEachRemaining(e -> r.cells.put(e.getKey(), e.getValue().asInt()));
        r.liberty = text(o, "liberty");
        java.util.List<String> reps = new java.util.ArrayList<>();
        o.path("liberty_repairs").forEach(n -> reps.add(n.asText()));
        r.libertyRepairs = java.util.List.copyOf(reps);
        r.heapStyle = text(o, "heap_style");
        r.registers = text(o, "registers");
        r.inputPortBits = o.path("input_port_bits").asInt(0);
        r.rtlGates = o.path("rtl_gates").asInt(0);
        o.path("seconds").fields().forEachRemaining(e -> r.seconds.put(e.getKey(), e.getValue().asDouble()));
        o.path("tools").fields().forEachRemaining(e -> r.tools.put(e.getKey(), e.getValue().asText()));
        return r;
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode o, String k) {
        var n = o.path(k);
        return n.isTextual() ? n.asText() : null;
    }

    private static double num(com.fasterxml.jackson.databind.JsonNode o, String k) {
        var n = o.path(k);
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** Forgets what a synthesis measured (before a new synthesis, which may fail). */
    public void clearSynthesis() {
        areaCm2 = Double.NaN;
        cells = new TreeMap<>();
        libertyRepairs = java.util.List.of();
        netlistMismatches = -1;
        netlistEquivalence = null;
        netlistEquivalenceSeconds = Double.NaN;
        powerMw = Double.NaN;
        leakageMw = Double.NaN;
        dynamicMw = Double.NaN;
        averageLeakageMw = Double.NaN;
        clockHz = Double.NaN;
        timing = null;
        criticalPathMs = Double.NaN;
        maxClockHz = Double.NaN;
        timingClockHz = Double.NaN;
        pathStart = null;
        pathEnd = null;
        staLeakageMw = Double.NaN;
        for (String stage : new String[] {"synth", "power", "prove", "sta"}) {
            seconds.remove(stage);
        }
    }

    private static void num(ObjectNode o, String k, double v) {
        if (Double.isNaN(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static void count(ObjectNode o, String k, int v) {
        if (v < 0) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# pmlp design report: ").append(topology).append("\n\n");
        sb.append("| measure | value |\n|---|---|\n");
        row(sb, "float model accuracy (test set)", pct(accuracyFloat));
        row(sb, "golden model accuracy (bit-exact integer)", pct(accuracyGolden));
        row(sb, "RTL accuracy (Verilator)", pct(accuracyRtl));
        row(sb, "test vectors (labelled)", testVectors + " (" + labelledVectors + ")");
        row(sb, "RTL mismatches vs golden model", rtlMismatches < 0 ? "not simulated" : Integer.toString(rtlMismatches));
        row(sb, "netlist mismatches vs golden model", netlistMismatches < 0 ? "not simulated"
                : Integer.toString(netlistMismatches));
        row(sb, "netlist equivalent to the RTL (ABC cec or dsec proof, all inputs)", netlistEquivalence == null ? "not synthesized"
                : netlistEquivalence + String.format(" (%.1f s)", netlistEquivalenceSeconds));
        row(sb, "RTL equal to the behavioural reference rtl/reference.v (ABC dsec proof)", referenceEquivalence
                + (Double.isNaN(referenceEquivalenceSeconds) ? "" : String.format(" (%.1f s)", referenceEquivalenceSeconds)));
        row(sb, "area (Yosys, cell library)", Double.isNaN(areaCm2) ? "not synthesized" : String.format("%.3f cm^2", areaCm2));
        if (!Double.isNaN(estimatedAreaCm2)) {
            row(sb, "estimate (cost model, EGFET 1.0 V)", String.format("%.3f cm^2, %.3f mW", estimatedAreaCm2,
                    estimatedPowerMw));
        }
        if (!Double.isNaN(powerMw)) {
            row(sb, "power", String.format("%.3f mW (leakage %.3f mW, dynamic %.5f mW at %.0f Hz)", powerMw, leakageMw,
                    dynamicMw, clockHz));
            row(sb, "sum of average cell leakage", String.format("%.3f mW", averageLeakageMw));
            row(sb, "printed batteries that can supply it (about 30 / 15 / 6 mW)", Batteries.fitting(powerMw));
        }
        if (timing != null) {
            row(sb, "static timing (OpenSTA)", timingText());
        }
        if (!vddTable.isEmpty()) {
            row(sb, "supply voltage", String.format("%.1f V", vdd));
        }
        row(sb, "cell library", liberty);
        for (String note : libertyRepairs) {
            row(sb, "library repaired for mapping", note);
        }
        row(sb, "input port bits", Integer.toString(inputPortBits));
        if (registers != null) {
            row(sb, "registers", registers.equals("none") ? "none (combinational, no clock)"
                    : registers.equals("both") ? "inputs and outputs" : registers + " only");
        }
        if (!vddTable.isEmpty()) {
            sb.append("\n## Supply voltage (one netlist, timed and powered with each library)\n\n");
            sb.append("| V | critical path ms | meets clock | leakage mW | dynamic mW | total mW | energy/class. mJ |"
                    + " batteries (30 mW Molex, 15 mW Zinergy, 6 mW Blue Spark) |\n|---|---|---|---|---|---|---|---|\n");
            for (VddPoint v : vddTable) {
                sb.append(String.format("| %.1f | %.1f | %s | %.3f | %.4f | %.3f | %.2f | %s |%n", v.volts(),
                        v.criticalPathMs(), v.timingMet() ? "yes" : "no", v.leakageMw(), v.dynamicMw(), v.totalMw(),
                        v.energyPerClassificationMj(), Batteries.fitting(v.totalMw())));
            }
        }
        sb.append("\n## Cells\n\n| cell | count |\n|---|---|\n");
        cells.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sb.append("\n## Seconds per stage\n\n| stage | s |\n|---|---|\n");
        seconds.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(String.format("%.2f", v)).append(" |\n"));
        sb.append("\n## Tools\n\n");
        tools.forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        sb.append("\nPower is in mW (W x 1000). Leakage is the state-dependent cell leakage averaged over the\n"
                + "simulated cycles of the synthesized netlist; dynamic power counts internal and switching\n"
                + "energy of every toggle at the given clock.\n");
        return sb.toString();
    }

    private String timingText() {
        if (timing.startsWith("unavailable") || timing.equals("no paths")) {
            return timing;
        }
        return String.format("%.1f ms worst path (%s -> %s), max clock %.3f Hz; %s at %.4g Hz", criticalPathMs,
                pathStart, pathEnd, maxClockHz, timing.equals("met") ? "met" : "VIOLATED", timingClockHz);
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }
}
