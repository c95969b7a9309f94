package org.pmlp.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pmlp.ToolFailure;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.eda.Tools;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.exec.Job;
import org.pmlp.exec.JobResult;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.util.Files2;

/**
 * {@link RunPipeline}'s path cut in three, so the tool runs of many designs can go out as one
 * batch (to a cluster): {@link #prepare} compiles and writes the folder and lints it here,
 * {@link #job} is what runs elsewhere ({@code make -k all}: Verilator simulation, Yosys
 * synthesis and the ABC proof of the netlist against the RTL), and {@link #gather} reads the
 * folder back and does the Java checks here (RTL against the golden model, the gate-level
 * netlist simulation and its power) and reads the proof's verdict. Whichever executor
 * ran the job, the gathered report is the same.
 */
public final class DesignJob {
    /** What {@code make all} leaves in a design folder. */
    public static final List<String> OUTPUTS = List.of("sim/predictions.txt", "synth/stat.txt", "synth/netlist.v", "synth/netlist.json",
            "equiv/abc.log", SignOffTiming.JOB_REPORT);

    /** A written design folder and what the gathering step needs to judge it. */
    public record Prepared(String name, RunPipeline.Request request, Path folder, TestVectors vectors, RtlDesign rtl,
                           DesignReport report, YosysSynthesis.Library library, Stopwatch stopwatch,
                           org.pmlp.rtl.Registers registers) {
    }

    /** The run that prepares the jobs has already said which cost model it uses. */
    private static final java.io.PrintStream QUIET = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());

    private DesignJob() {
    }

    /**
     * Compiles and writes the design into {@code folder}, lints it and prepares its synthesis.
     * When {@code folder} already holds the very same design (an interrupted run's), it is kept
     * as it is, with whatever its job finished, so that job is not run again.
     */
    public static Prepared prepare(String name, RunPipeline.Request r, Path folder) {
        Stopwatch sw = new Stopwatch();
        DesignReport report = new DesignReport();
        Path fresh = fresh(folder);
        RunPipeline.Written w = RunPipeline.write(r, fresh, report, sw, QUIET);
        sw.time("lint", () -> Lint.check(new DesignFolder(fresh).verilog(), r.timeoutSeconds()));
        Path lib = r.liberty() == null ? fresh.resolve(DesignWriter.DEFAULT_LIBERTY) : r.liberty();
        YosysSynthesis.Library library = YosysSynthesis.prepareLibrary(fresh, lib);
        settle(fresh, folder);
        return new Prepared(name, r, folder.toAbsolutePath().normalize(), w.vectors(), w.rtl(), report, library, sw,
                w.design().config().registers());
    }

    /**
     * The tool runs: simulation, synthesis and the netlist proof, going on when the simulation
     * finds mismatches (or the proof fails: its log is the output, read by {@link #gather}).
     */
    public static Job job(Prepared p) {
        return new Job(p.name(), p.folder(), List.of("make", "-k", "--no-print-directory", "all",
                "TIMEOUT=" + p.request().timeoutSeconds(), "PROVE_TIMEOUT=" + p.request().proveTimeoutSeconds(),
                "CLOCK_HZ=" + Double.toString(p.request().clockHz())),
                OUTPUTS);
    }

    /**
     * Judges what the job left: RTL answers against the golden model, area, and the gate-level
     * netlist's answers and power. Writes report.json and report.md into the folder. A job that
     * did not finish gives a report that says so (no mismatch count, no area).
     */
    public static DesignReport gather(Prepared p, JobResult result) {
        DesignReport report = p.report();
        Stopwatch sw = p.stopwatch();
        Path folder = p.folder();
        if (!result.done()) {
            // The message names the job's folder; the design is published as request().out().
            report.failure = result.failure().replace(folder.toString(),
                    p.request().out().toAbsolutePath().normalize().toString());
        } else {
            double seconds = result.job().seconds();
            sw.add("job (simulate and synthesize)", seconds);
            int[] predicted = VerilatorSimulation.readPredictions(folder);
            Verification.Outcome o = Verification.compare(predicted, p.vectors().golden(), p.vectors().labels());
            report.rtlMismatches = o.mismatches();
            report.accuracyRtl = o.accuracy();
            report.tools.put("verilator", Tools.version("verilator"));
            YosysSynthesis.Result syn = YosysSynthesis.readResult(folder, seconds, p.library());
            report.areaCm2 = syn.areaCm2();
            report.cells = syn.cells();
            report.libertyRepairs = syn.repairs();
            report.tools.put("yosys", Tools.version("yosys"));
            NetlistCheck.Result gate = sw.time("power", () -> NetlistCheck.run(new DesignFolder(folder).netlist(),
                    syn.library(), p.rtl().ports(), p.vectors().q(), p.vectors().golden(), p.request().clockHz(), p.registers()));
            report.record(gate, p.request().clockHz());
            // Sign-off timing: OpenSTA ran in the job (make sta, at the request's clock); its report is read here.
            SignOffTiming.read(folder, report, p.request().clockHz());
            NetlistEquivalence.Result proof = NetlistEquivalence.readFinished(folder, p.request().proveTimeoutSeconds());
            sw.add("prove", proof.seconds());
            report.record(proof);
        }
        report.seconds = sw.seconds();
        DesignFolder f = new DesignFolder(folder);
        Files2.write(f.reportJson(), org.pmlp.util.Json.write(report.toJson()));
        Files2.write(f.reportMd(), report.toMarkdown());
        return report;
    }

    /** Where to write: the folder itself when it is new, else a fresh sibling to compare it with. */
    private static Path fresh(Path folder) {
        try {
            if (!Files.exists(folder)) {
                Files.createDirectories(folder);
                return folder;
            }
            return Files.createTempDirectory(folder.toAbsolutePath().getParent(), "." + folder.getFileName() + ".fresh-");
        } catch (IOException e) {
            throw new ToolFailure(folder + ": cannot create the design folder: " + e.getMessage());
        }
    }

    /** Keeps an existing folder holding exactly what was just written, else replaces it with the fresh one. */
    private static void settle(Path fresh, Path folder) {
        if (fresh.equals(folder)) {
            return;
        }
        try {
            if (sameFiles(fresh, folder)) {
                Files2.deleteTree(fresh);
            } else {
                Files2.deleteTree(folder);
                Files2.move(fresh, folder);
            }
        } catch (IOException e) {
            throw new ToolFailure(folder + ": cannot replace the design folder: " + e.getMessage());
        }
    }

    /** True when every file under {@code fresh} is in {@code existing} with the same bytes. */
    static boolean sameFiles(Path fresh, Path existing) throws IOException {
        try (Stream<Path> s = Files.walk(fresh)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Path other = existing.resolve(fresh.relativize(f).toString());
                if (!Files.isRegularFile(other) || Files.mismatch(f, other) != -1) {
                    return false;
                }
            }
        }
        return true;
    }
}
