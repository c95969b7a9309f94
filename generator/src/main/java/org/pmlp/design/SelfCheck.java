package org.pmlp.design;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pmlp.ToolFailure;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.exec.Executor;
import org.pmlp.exec.Job;
import org.pmlp.exec.JobResult;
import org.pmlp.exec.LocalExecutor;
import org.pmlp.reference.ReferenceModel;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.util.Files2;
import org.pmlp.util.Parallel;

/**
 * Random MLPs under random configurations of every knob, each generated, linted and
 * co-simulated in Verilator against the golden model on random and corner-case vectors, the
 * golden model checked against the independent {@link ReferenceModel} on the same vectors, then
 * synthesized, its netlist simulated on the same vectors and proved equivalent to the RTL. Small
 * and realistic designs alternate unless a profile is given; a failing design's folder is kept
 * for inspection. Designs are written and judged here; their tool runs ({@code make -k all}:
 * simulation, synthesis, proof) go to an executor as one batch.
 */
public final class SelfCheck {
    /**
     * What one design gave: RTL-vs-golden, reference-vs-golden and netlist-vs-golden mismatches,
     * and whether its synthesized netlist was proved equivalent to the RTL.
     */
    public record DesignResult(long seed, int vectors, int mismatches, int referenceMismatches, int netlistMismatches,
                               boolean proved, String topology) {
        boolean failed() {
            return mismatches > 0 || referenceMismatches > 0 || netlistMismatches > 0 || !proved;
        }
    }

    /**
     * Totals; {@code mismatches} counts RTL and netlist mismatches; {@code failedJobs} the designs
     * whose tool job did not finish (after the executor's attempts).
     */
    public record Outcome(int designs, long vectors, long mismatches, long referenceMismatches, long proved,
                          List<DesignResult> failures, int failedJobs) {
        /** The closing line of {@code pmlp selfcheck}. */
        public String summary() {
            return String.format("%d designs, %d vectors, %d mismatches, %d reference mismatches, %d netlists proved",
                    designs, vectors, mismatches, referenceMismatches, proved);
        }

        public boolean passed() {
            return mismatches == 0 && referenceMismatches == 0 && proved == designs && failedJobs == 0;
        }
    }

    /** What a design's job leaves: simulation answers, synthesis result and the proof's log. */
    static final List<String> OUTPUTS = List.of("sim/predictions.txt", "synth/stat.txt", "synth/netlist.v", "synth/netlist.json",
            "equiv/abc.log");

    private SelfCheck() {
    }

    /** Small and realistic designs alternating, run here. */
    public static Outcome run(int designs, long seed, int jobs, long timeout, Path keep, PrintStream log) {
        return run(designs, seed, null, jobs, timeout, keep, log, new LocalExecutor(jobs, jobSeconds(timeout)));
    }

    /** The limit of one design's job: simulation build and run, synthesis, BLIF writing, and the proof. */
    public static long jobSeconds(long timeout) {
        return 4 * timeout + NetlistEquivalence.CHECKS * proveTimeout(timeout);
    }

    private static long proveTimeout(long timeout) {
        return Math.min(timeout, NetlistEquivalence.DEFAULT_TIMEOUT_SECONDS);
    }

    /**
     * @param profile every design's profile, or null to alternate small and realistic
     * @param executor runs the designs' tool jobs as one batch; a job that does not finish is
     *     reported and counted in {@link Outcome#failedJobs}
     */
    public static Outcome run(int designs, long seed, RandomDesigns.Profile profile, int jobs, long timeout, Path keep,
                              PrintStream log, Executor executor) {
        Path work = scratch(executor, "pmlp-selfcheck-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Written>> futures = new ArrayList<>();
            for (int i = 0; i < designs; i++) {
                long s = seed + i;
                RandomDesigns.Profile p = profile != null ? profile
                        : i % 2 == 0 ? RandomDesigns.Profile.SMALL : RandomDesigns.Profile.REALISTIC;
                futures.add(pool.submit(() -> write(s, p, work.resolve("d" + s), timeout)));
            }
            List<Written> written = futures.stream().map(Parallel::join).toList();
            List<JobResult> results = executor.run(work.resolve("batch"), written.stream().map(w -> new Job(
                    "seed " + w.seed(), w.dir(), List.of("make", "-k", "--no-print-directory", "all",
                    "TIMEOUT=" + timeout, "PROVE_TIMEOUT=" + proveTimeout(timeout)), OUTPUTS)).toList(), log);
            List<Future<DesignResult>> checked = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                Written w = written.get(i);
                checked.add(results.get(i).done() ? pool.submit(() -> check(w, timeout, keep)) : null);
            }
            long vectors = 0;
            long mismatches = 0;
            long referenceMismatches = 0;
            long proved = 0;
            int failedJobs = 0;
            List<DesignResult> failures = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                if (checked.get(i) == null) {
                    failedJobs++;
                    log.printf("design %d: its tool job failed: %s%n", written.get(i).seed(), results.get(i).failure());
                    continue;
                }
                DesignResult r = Parallel.join(checked.get(i));
                vectors += r.vectors();
                mismatches += r.mismatches() + r.netlistMismatches();
                referenceMismatches += r.referenceMismatches();
                proved += r.proved() ? 1 : 0;
                if (r.failed()) {
                    failures.add(r);
                    log.printf("design %d (%s): %d RTL mismatches, %d reference mismatches, %d netlist mismatches, "
                            + "netlist %s; kept in %s%n", r.seed(), r.topology(), r.mismatches(), r.referenceMismatches(),
                            r.netlistMismatches(), r.proved() ? "proved" : "NOT proved", keep.resolve("seed-" + r.seed()));
                }
                if ((i + 1) % 10 == 0 || i + 1 == written.size()) {
                    log.printf("checked %d of %d designs, %d vectors, %d mismatches, %d reference mismatches, "
                            + "%d netlists proved%n", i + 1, designs, vectors, mismatches, referenceMismatches, proved);
                }
            }
            return new Outcome(designs, vectors, mismatches, referenceMismatches, proved, failures, failedJobs);
        } finally {
            Parallel.shutdown(pool);
            DesignFolder.discard(work);
        }
    }

    /** A scratch folder: the system's temporary one here, the current folder (shared) for a cluster. */
    static Path scratch(Executor executor, String prefix) {
        if (!executor.needsSharedFolders()) {
            return Parallel.scratch(prefix);
        }
        try {
            return Files.createTempDirectory(Path.of("").toAbsolutePath(), "." + prefix);
        } catch (java.io.IOException e) {
            throw new ToolFailure("cannot create a scratch folder in the current folder (it must be on a filesystem"
                    + " the cluster's nodes share): " + e.getMessage());
        }
    }

    /** A random design written and linted, waiting for its tool job; its reference check is done. */
    private record Written(long seed, Path dir, TestVectors vectors, RtlDesign rtl, YosysSynthesis.Library library,
                           int referenceMismatches, String topology) {
    }

    private static Written write(long seed, RandomDesigns.Profile profile, Path dir, long timeout) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, profile);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 300, seed);
        RtlDesign rtl = DesignWriter.write(d, v, dir, null, s.style(), Double.NaN);
        Lint.check(new DesignFolder(dir).verilog(), timeout);
        int[] reference = ReferenceModel.of(d.model(), d.config(), s.calibration()).classifyAll(v.q());
        int referenceMismatches = 0;
        for (int k = 0; k < reference.length; k++) {
            if (reference[k] != v.golden()[k]) {
                referenceMismatches++;
            }
        }
        YosysSynthesis.Library lib = YosysSynthesis.prepareLibrary(dir, dir.resolve(DesignWriter.DEFAULT_LIBERTY));
        return new Written(seed, dir.toAbsolutePath().normalize(), v, rtl, lib, referenceMismatches,
                d.circuit().topology());
    }

    /** Judges what the design's job left: RTL answers, the netlist's answers, and the proof's verdict. */
    private static DesignResult check(Written w, long timeout, Path keep) {
        long seed = w.seed();
        Path dir = w.dir();
        TestVectors v = w.vectors();
        Verification.Outcome o = Verification.compare(VerilatorSimulation.readPredictions(dir), v.golden(), v.labels());
        YosysSynthesis.Result syn = YosysSynthesis.readResult(dir, Double.NaN, w.library());
        NetlistCheck.Result gate = NetlistCheck.run(new DesignFolder(dir).netlist(), syn.library(), w.rtl().ports(),
                v.q(), v.golden(), 5);
        NetlistEquivalence.Result proof = NetlistEquivalence.readFinished(dir, proveTimeout(timeout));
        boolean failed = o.mismatches() > 0 || w.referenceMismatches() > 0 || gate.mismatches() > 0 || !proof.proved();
        if (failed && keep != null) {
            Path target = keep.resolve("seed-" + seed);
            try {
                Files.createDirectories(keep);
                Files2.deleteTree(target);
                Files2.move(dir, target);
            } catch (java.io.IOException e) {
                throw new ToolFailure("cannot keep the failing design in " + target + ": " + e.getMessage());
            }
        } else {
            Files2.deleteTree(dir);
        }
        return new DesignResult(seed, o.vectors(), o.mismatches(), w.referenceMismatches(), gate.mismatches(),
                proof.proved(), w.topology());
    }
}
