package org.pmlp.explore;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.design.DesignReport;
import org.pmlp.util.Files2;

/** pareto.csv, the two plots and report.md of an exploration. */
public final class ExploreOutputs {
    public static final String CSV = "pareto.csv";

    private ExploreOutputs() {
    }

    public static void write(Path dir, ExploreRun.Outcome o, String title, double maxLoss, String command) {
        StringBuilder csv = new StringBuilder(
                "id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,rtl_mismatches,config\n");
        List<ExploreRun.Verified> rows = new ArrayList<>();
        rows.add(o.exact());
        rows.addAll(o.front());
        for (ExploreRun.Verified v : rows) {
            DesignReport r = v.report();
            csv.append(v.id()).append(',').append(fmt(v.candidate().score().accuracy())).append(',')
                    .append(fmt(r.accuracyGolden)).append(',').append(fmt(v.candidate().score().areaCm2())).append(',')
                    .append(fmt(r.areaCm2)).append(',').append(fmt(r.powerMw)).append(',').append(r.rtlMismatches)
                    .append(',').append("designs/").append(v.id()).append("/config.json").append('\n');
        }
        Files2.writeAtomically(dir.resolve(CSV), csv.toString());
        List<ParetoPlot.Point> pts = new ArrayList<>();
        for (ExploreRun.Verified v : o.front()) {
            if (v.report().failure != null) {
                continue; // a design whose verification job failed has no measured point
            }
            pts.add(new ParetoPlot.Point(v.report().accuracyGolden, v.report().areaCm2, v.report().powerMw));
        }
        ParetoPlot.Point exact = new ParetoPlot.Point(o.exact().report().accuracyGolden, o.exact().report().areaCm2,
                o.exact().report().powerMw);
        ParetoPlot.write(dir.resolve("pareto-area.png"), title + ": accuracy vs area", "area (cm^2, Yosys)", pts, exact,
                false);
        ParetoPlot.write(dir.resolve("pareto-power.png"), title + ": accuracy vs power", "power (mW)", pts, exact, true);
        Files2.writeAtomically(dir.resolve("report.md"), markdown(o, title, maxLoss, command));
    }

    static String markdown(ExploreRun.Outcome o, String title, double maxLoss, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# pmlp exploration: ").append(title).append("\n\n");
        sb.append("Command: `").append(command).append("`\n\n");
        DesignReport e = o.exact().report();
        sb.append(String.format("Exact bespoke baseline (8-bit weights, 4-bit inputs): test accuracy %s, %.3f cm^2, "
                + "%.3f mW (training accuracy %.4f). Constraint: training accuracy loss <= %.3f.%n%n",
                fmt(e.accuracyGolden), e.areaCm2, e.powerMw, o.exactTrainAccuracy(), maxLoss));
        sb.append(String.format("Search: %d candidates evaluated in %.1f s. Every design below was generated, "
                + "co-simulated in Verilator against the golden model and synthesized with Yosys.%n%n",
                o.evaluations(), o.searchSeconds()));
        sb.append("| id | train acc | test acc | est. area cm^2 | area cm^2 | power mW | area vs exact | "
                + "mismatches |\n|---|---|---|---|---|---|---|---|\n");
        List<ExploreRun.Verified> rows = new ArrayList<>();
        rows.add(o.exact());
        rows.addAll(o.front());
        for (ExploreRun.Verified v : rows) {
            DesignReport r = v.report();
            sb.append(String.format("| %s | %.4f | %s | %.3f | %.3f | %.3f | %.2fx smaller | %d |%n", v.id(),
                    v.candidate().score().accuracy(), fmt(r.accuracyGolden), v.candidate().score().areaCm2(),
                    r.areaCm2, r.powerMw, e.areaCm2 / r.areaCm2, r.rtlMismatches));
        }
        sb.append("\n![accuracy vs area](pareto-area.png)\n\n![accuracy vs power](pareto-power.png)\n");
        return sb.toString();
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format("%.6g", v);
    }
}
