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
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.exec.Executor;
import org.pmlp.exec.Job;
import org.pmlp.exec.JobResult;
import org.pmlp.exec.LocalExecutor;
import org.pmlp.util.Files2;
import org.pmlp.util.Parallel;

/**
 * Random MLPs under random configurations of every knob, each generated, linted and
 * co-simulated in Verilator against the golden model on random and corner-case vectors. Small
 * and realistic designs alternate; a failing design's folder is kept for inspection.
 */
public final class SelfCheck {
    /** What one design gave. */
    public record DesignResult(long seed, int vectors, int mismatches, String topology) {
    }

    /** Totals. */
    public record Outcome(int designs, long vectors, long mismatches, List<DesignResult> failures, int failedJobs) {
    }

    private SelfCheck() {
    }

    public static Outcome run(int designs, long seed, int jobs, long timeout, Path keep, PrintStream log) {
        return run(designs, seed, jobs, timeout, keep, log, new LocalExecutor(jobs, 3 * timeout));
    }

    /**
     * As above, with the simulations run by {@code executor} as one batch. A job that does not
     * finish (after the executor's attempts) is reported and counted in {@link Outcome#failedJobs}.
     */
    public static Outcome run(int designs, long seed, int jobs, long timeout, Path keep, PrintStream log,
                              Executor executor) {
        Path work = scratch(executor, "pmlp-selfcheck-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Written>> futures = new ArrayList<>();
            for (int i = 0; i < designs; i++) {
                long s = seed + i;
                RandomDesigns.Profile profile = i % 2 == 0 ? RandomDesigns.Profile.SMALL : RandomDesigns.Profile.REALISTIC;
                futures.add(pool.submit(() -> write(s, profile, work.resolve("d" + s), timeout)));
            }
            List<Written> written = futures.stream().map(Parallel::join).toList();
            List<JobResult> results = executor.run(work.resolve("batch"), written.stream().map(w -> new Job("seed " + w.seed(),
                    w.dir(), List.of("make", "--no-print-directory", "sim", "TIMEOUT=" + timeout),
                    List.of("sim/predictions.txt"))).toList(), log);
            long vectors = 0;
            long mismatches = 0;
            int failedJobs = 0;
            List<DesignResult> failures = new ArrayList<>();
            for (int i = 0; i < written.size(); i++) {
                if (!results.get(i).done()) {
                    failedJobs++;
                    log.printf("design %d: its simulation job failed: %s%n", written.get(i).seed(),
                            results.get(i).failure());
                    continue;
                }
                DesignResult r = check(written.get(i), keep);
                vectors += r.vectors();
                mismatches += r.mismatches();
                if (r.mismatches() > 0) {
                    failures.add(r);
                    log.printf("design %d (%s): %d mismatches; kept in %s%n", r.seed(), r.topology(), r.mismatches(),
                            keep.resolve("seed-" + r.seed()));
                }
                if ((i + 1) % 10 == 0 || i + 1 == written.size()) {
                    log.printf("checked %d of %d designs, %d vectors, %d mismatches%n", i + 1, designs, vectors,
                            mismatches);
                }
            }
            return new Outcome(designs, vectors, mismatches, failures, failedJobs);
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

    /** A random design written and linted, waiting for its simulation. */
    private record Written(long seed, Path dir, TestVectors vectors, String topology) {
    }

    private static Written write(long seed, RandomDesigns.Profile profile, Path dir, long timeout) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, profile);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 300, seed);
        DesignWriter.write(d, v, dir, null, s.style(), Double.NaN);
        Lint.check(new DesignFolder(dir).verilog(), timeout);
        return new Written(seed, dir.toAbsolutePath().normalize(), v, d.circuit().topology());
    }

    private static DesignResult check(Written w, Path keep) {
        long seed = w.seed();
        Path dir = w.dir();
        TestVectors v = w.vectors();
        Verification.Outcome o = Verification.compare(VerilatorSimulation.readPredictions(dir), v.golden(), v.labels());
        if (o.mismatches() > 0 && keep != null) {
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
        return new DesignResult(seed, o.vectors(), o.mismatches(), w.topology());
    }
}
