package org.pmlp.design;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.ToolFailure;
import org.pmlp.eda.StaReport;
import org.pmlp.eda.StaticTiming;
import org.pmlp.eda.Tools;

/** Times a synthesized design folder with OpenSTA and records the result in its report. */
public final class SignOffTiming {
    private SignOffTiming() {
    }

    /** Times synth/netlist.v with synth/cells.lib at {@code clockHz}; unmet clocks are warned about on {@code log}. */
    public static void run(Path folder, DesignReport report, double clockHz, long timeoutSeconds, Stopwatch sw, PrintStream log) {
        String text;
        try {
            text = Files.readString(folder.resolve("synth/cells.lib"));
        } catch (IOException e) {
            throw new ToolFailure("cannot read " + folder.resolve("synth/cells.lib") + ": " + e.getMessage());
        }
        if (!StaticTiming.hasDelays(text)) {
            report.timing = "unavailable: the cell library has no delay tables";
            log.println("timing: unavailable (the cell library has no delay tables)");
            return;
        }
        if (Tools.which(StaticTiming.TOOL) == null) {
            report.timing = "unavailable: OpenSTA (sta, Debian package opensta) is not installed";
            log.println("timing: unavailable (OpenSTA, command sta, not installed: apt-get install opensta)");
            return;
        }
        StaReport sta = sw.time("sta", () -> StaticTiming.run(folder, "synth/cells.lib", clockHz, "timing", timeoutSeconds));
        report.record(sta, clockHz);
        report.tools.put("sta", Tools.version("sta"));
        if (!sta.hasPath()) {
            log.println("timing: no paths (the class is a constant)");
            return;
        }
        log.printf("timing: worst path %.1f ms (%s -> %s), max clock %.3f Hz%n", sta.criticalPathMs(), sta.start(),
                sta.end(), sta.maxClockHz());
        if (!sta.met()) {
            log.printf("WARNING: the clock of %s Hz is not met: the worst path (%.1f ms) is longer than the period "
                    + "(%.1f ms); see sta/timing.txt%n", trim(clockHz), sta.criticalPathMs(), sta.periodMs());
        }
    }

    /** What `make sta` (part of `make all`, the verification job) leaves: OpenSTA's whole output. */
    public static final String JOB_REPORT = "sta/report.txt";

    /**
     * Records the timing that `make sta` measured in a verification job ({@link #JOB_REPORT}, run
     * with the folder's synth/cells.lib at the request's clock), without running OpenSTA again.
     */
    public static void read(Path folder, DesignReport report, double clockHz) {
        String lib;
        String text;
        try {
            lib = Files.readString(folder.resolve("synth/cells.lib"));
            text = Files.readString(folder.resolve(JOB_REPORT));
        } catch (IOException e) {
            report.timing = "unavailable: " + e.getMessage();
            return;
        }
        if (!StaticTiming.hasDelays(lib)) {
            report.timing = "unavailable: the cell library has no delay tables";
            return;
        }
        if (Tools.which(StaticTiming.TOOL) == null) {
            report.timing = "unavailable: OpenSTA (sta, Debian package opensta) is not installed";
            return;
        }
        if (text.contains("Error:")) {
            // Said in the report (timing_met n/a), not thrown: one design's failed timing run must not stop an exploration.
            report.timing = "unavailable: OpenSTA failed (" + JOB_REPORT + "): "
                    + org.pmlp.eda.ToolRunner.tail(text, 3).strip().replace('\n', ' ');
            return;
        }
        report.record(StaReport.parse(text), clockHz);
        report.tools.put("sta", Tools.version("sta"));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
