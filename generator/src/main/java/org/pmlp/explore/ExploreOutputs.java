package org.pmlp.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.design.ConstantDesign;
import org.pmlp.design.DesignReport;
import org.pmlp.util.Files2;

/** pareto.csv, the two plots and report.md of an exploration. */
public final class ExploreOutputs {
    public static final String CSV = "pareto.csv";

    private ExploreOutputs() {
    }

    public static void write(Path dir, ExploreRun.Outcome o, String title, double maxLoss, String command) {
        StringBuilder csv = new StringBuilder("id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,"
                + "rtl_mismatches,netlist_mismatches,netlist_equivalence,constant,timing_met,critical_path_ms,config\n");
        for (ExploreRun.Verified v : withExact(o)) {
            DesignReport r = v.report();
            csv.append(v.id()).append(',').append(fmt(v.candidate().score().accuracy())).append(',')
                    .append(fmt(r.accuracyGolden)).append(',').append(fmt(v.candidate().score().areaCm2())).append(',')
                    .append(fmt(r.areaCm2)).append(',').append(fmt(r.powerMw)).append(',').append(r.rtlMismatches)
                    .append(',').append(r.netlistMismatches < 0 ? "" : Integer.toString(r.netlistMismatches))
                    .append(',').append(netlistEquivalence(r))
                    .append(',').append(isConstant(dir, v) ? "yes" : "no")
                    .append(',').append(timingMet(r)).append(',').append(fmt(r.criticalPathMs))
                    .append(',').append("designs/").append(v.id()).append("/config.json").append('\n');
        }
        Files2.writeAtomically(dir.resolve(CSV), csv.toString());
        List<ParetoPlot.Point> pts = new ArrayList<>();
        List<String> constant = constantIds(dir, o);
        for (ExploreRun.Verified v : o.front()) {
            if (constant.contains(v.id())) {
                continue; // not a classifier: it would sit at area 0 as the "best" design
            }
            if (v.report().failure != null) {
                continue; // a design whose verification job failed has no measured point
            }
            pts.add(new ParetoPlot.Point(v.report().accuracyGolden, v.report().areaCm2, v.report().powerMw));
        }
        ParetoPlot.Point exact = o.exact() == null ? null : new ParetoPlot.Point(o.exact().report().accuracyGolden,
                o.exact().report().areaCm2, o.exact().report().powerMw);
        if (pts.isEmpty() && exact == null) {
            // bench verified nothing of this exploration (none of it chosen over the dataset's searches): no plot
            Files2.writeAtomically(dir.resolve("report.md"), markdown(o, title, maxLoss, command, List.of(), false));
            return;
        }
        ParetoPlot.write(dir.resolve("pareto-area.png"), title + ": accuracy vs area", "area (cm^2, Yosys)", pts, exact,
                false);
        ParetoPlot.write(dir.resolve("pareto-power.png"), title + ": accuracy vs power", "power (mW)", pts, exact, true);
        Files2.writeAtomically(dir.resolve("report.md"), markdown(o, title, maxLoss, command, constant, true));
    }

    /** @param plots whether the two plots were drawn, to link them */
    private static String markdown(ExploreRun.Outcome o, String title, double maxLoss, String command,
                                   List<String> constant, boolean plots) {
        StringBuilder sb = new StringBuilder();
        sb.append("# pmlp exploration: ").append(title).append("\n\n");
        sb.append("Command: `").append(command).append("`\n\n");
        DesignReport e = o.exact() == null ? null : o.exact().report();
        if (e != null) {
            sb.append(String.format("Exact bespoke baseline (8-bit weights, 4-bit inputs): test accuracy %s, %.3f cm^2, "
                    + "%.3f mW (training accuracy %.4f). Constraint: training accuracy loss <= %.3f.%n%n",
                    fmt(e.accuracyGolden), e.areaCm2, e.powerMw, o.exactTrainAccuracy(), maxLoss));
        } else {
            sb.append(String.format("Exact bespoke baseline (training accuracy %.4f) not verified: pmlp bench did not"
                    + " choose it over the dataset's other searches (--verify-limit). Constraint: training accuracy loss <= %.3f.%n%n",
                    o.exactTrainAccuracy(), maxLoss));
        }
        sb.append(String.format("Search: %d candidates evaluated in %.1f s. Every design below was generated, "
                + "co-simulated in Verilator against the golden model and synthesized with Yosys.%n%n",
                o.evaluations(), o.searchSeconds()));
        sb.append("| id | train acc | test acc | est. area cm^2 | area cm^2 | power mW | area vs exact | "
                + "mismatches |\n|---|---|---|---|---|---|---|---|\n");
        for (ExploreRun.Verified v : withExact(o)) {
            DesignReport r = v.report();
            sb.append(String.format("| %s | %.4f | %s | %.3f | %.3f | %.3f | %s | %d |%n", v.id(),
                    v.candidate().score().accuracy(), fmt(r.accuracyGolden), v.candidate().score().areaCm2(),
                    r.areaCm2, r.powerMw, constant.contains(v.id()) ? "constant circuit, not a classifier"
                            : e == null ? "-" : String.format("%.2fx smaller", e.areaCm2 / r.areaCm2),
                    r.rtlMismatches));
        }
        if (plots) {
            sb.append("\n![accuracy vs area](pareto-area.png)\n\n![accuracy vs power](pareto-power.png)\n");
        }
        return sb.toString();
    }

    /** The exact baseline (when verified) and the front. */
    private static List<ExploreRun.Verified> withExact(ExploreRun.Outcome o) {
        List<ExploreRun.Verified> rows = new ArrayList<>();
        if (o.exact() != null) {
            rows.add(o.exact());
        }
        rows.addAll(o.front());
        return rows;
    }

    /**
     * The proof of the netlist against the RTL (proved, failed or timeout); "n/a" when the design
     * was not synthesized.
     */
    static String netlistEquivalence(DesignReport r) {
        return r.netlistEquivalence == null ? "n/a" : r.netlistEquivalence;
    }

    /** OpenSTA's verdict at the clock: yes, no, or n/a (not synthesized, or a library without delays). */
    public static String timingMet(DesignReport r) {
        Boolean met = r.timingMet();
        return met == null ? "n/a" : met ? "yes" : "no";
    }

    /** The ids of the designs whose worst path (OpenSTA) does not fit in the clock period: a failed constraint. */
    public static List<String> timingViolations(ExploreRun.Outcome o) {
        List<String> out = new ArrayList<>();
        List<ExploreRun.Verified> all = new ArrayList<>(o.front());
        if (o.exact() != null) {
            all.add(0, o.exact());
        }
        for (ExploreRun.Verified v : all) {
            if ("violated".equals(v.report().timing)) {
                out.add(v.id());
            }
        }
        return out;
    }

    /**
     * A design whose verification job failed, whose RTL or netlist disagrees with the golden model,
     * or whose netlist was refuted.
     */
    public static boolean failed(DesignReport r) {
        return r.failure != null || r.rtlMismatches > 0 || r.netlistMismatches > 0 || "failed".equals(netlistEquivalence(r));
    }

    /** The ids of the designs whose netlist proof ran out of time (neither proved nor refuted). */
    public static List<String> unproved(ExploreRun.Outcome o) {
        List<String> out = new ArrayList<>();
        List<ExploreRun.Verified> all = new ArrayList<>(o.front());
        if (o.exact() != null) {
            all.add(0, o.exact());
        }
        for (ExploreRun.Verified v : all) {
            if ("timeout".equals(netlistEquivalence(v.report()))) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** The ids of the failed designs, the exact baseline included. */
    public static List<String> failures(ExploreRun.Outcome o) {
        List<String> out = new ArrayList<>();
        if (o.exact() != null && failed(o.exact().report())) {
            out.add(o.exact().id());
        }
        for (ExploreRun.Verified v : o.front()) {
            if (failed(v.report())) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** The ids of the designs whose verification job did not finish, the exact baseline included. */
    public static List<String> jobFailures(ExploreRun.Outcome o) {
        List<String> out = new ArrayList<>();
        for (String id : failures(o)) {
            ExploreRun.Verified v = o.exact() != null && id.equals(o.exact().id()) ? o.exact()
                    : o.front().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
            if (v.report().failure != null) {
                out.add(id);
            }
        }
        return out;
    }

    /** The ids of the constant designs, the exact baseline included. */
    public static List<String> constantIds(Path dir, ExploreRun.Outcome o) {
        List<String> out = new ArrayList<>();
        if (o.exact() != null && isConstant(dir, o.exact())) {
            out.add(o.exact().id());
        }
        for (ExploreRun.Verified v : o.front()) {
            if (isConstant(dir, v)) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** Whether a verified design is a constant circuit (see {@link ConstantDesign}). */
    public static boolean isConstant(Path dir, ExploreRun.Verified v) {
        return ConstantDesign.reason(v.report(), dir.resolve("designs").resolve(v.id())) != null;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format("%.6g", v);
    }
}
