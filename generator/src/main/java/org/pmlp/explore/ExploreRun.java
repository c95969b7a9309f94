package org.pmlp.explore;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.cost.CostModel;
import org.pmlp.data.Dataset;
import org.pmlp.exec.Executor;
import org.pmlp.exec.JobResult;
import org.pmlp.exec.LocalExecutor;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.DesignJob;
import org.pmlp.design.DesignReport;
import org.pmlp.design.RunPipeline;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.util.Files2;
import org.pmlp.util.Parallel;

/**
 * A whole exploration: baseline, search (checkpointed every generation), then verification of
 * every design on the final front (generated, co-simulated in Verilator, synthesized with Yosys,
 * in parallel), pareto.csv, plots and report.md in the run folder.
 */
public final class ExploreRun {
    /** What to explore and how. {@code liberty} null means the default library. */
    public record Options(double maxLoss, boolean power, Nsga2Search.Options search, int retrainEpochs, int jobs,
                          Path liberty, long timeout, double clockHz, int verifyLimit, boolean verify) {
    }

    /** A verified design of the front. */
    public record Verified(String id, Candidate candidate, DesignReport report) {
    }

    /** The outcome: the baseline and the verified front, smallest area first. */
    public record Outcome(Verified exact, List<Verified> front, double searchSeconds, long evaluations,
                          double exactTrainAccuracy) {
    }

    private ExploreRun() {
    }

    public static Outcome run(Mlp model, Dataset train, Dataset test, Options o, Path dir, String fingerprint,
                              PrintStream log) {
        return run(model, train, test, o, dir, fingerprint, log, localExecutor(o));
    }

    /** The local executor for these options: {@code jobs} designs at a time. */
    public static Executor localExecutor(Options o) {
        return new LocalExecutor(o.jobs(), JOB_TIMEOUTS * o.timeout());
    }

    /** Tool runs in one verification job (Verilator build, simulation, Yosys), each with its own time limit. */
    public static final int JOB_TIMEOUTS = 4;

    /** Where the verification jobs of a run are prepared and run; removed once every design is gathered. */
    public static final String BATCH = "verify";

    /** As above, with the verification jobs run by {@code executor} (one batch for the whole front). */
    public static Outcome run(Mlp model, Dataset train, Dataset test, Options o, Path dir, String fingerprint,
                              PrintStream log, Executor executor) {
        SearchSpace space = SearchSpace.of(model, QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, model, train, o.retrainEpochs(), o.search().seed(),
                CostModel.defaults(), HeapStyle.TWOS_COMPLEMENT);
        CandidateEvaluator.Score exact = ev.evaluate(space.exact());
        Objectives objectives = new Objectives(exact.accuracy() - o.maxLoss(), o.power());
        log.printf("exact bespoke baseline: training accuracy %.4f, estimated %.3f cm^2, %.2f mW; constraint: training"
                + " accuracy >= %.4f%n", exact.accuracy(), exact.areaCm2(), exact.powerMw(), objectives.minAccuracy());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.jobs()));
        try {
            Nsga2Search search = new Nsga2Search(ev, objectives, o.search(), pool);
            Nsga2Search.State state = Checkpoint.read(dir, fingerprint, ev);
            if (state != null) {
                log.printf("resuming at generation %d of %d (%d evaluations so far)%n", state.generation(),
                        o.search().generations(), state.evaluations());
            } else {
                state = search.initial();
            }
            long t0 = System.nanoTime();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("explore").setInitialMax(o.search().generations())
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build()) {
                bar.stepTo(state.generation() - 1);
                state = search.run(state, (s, best, rate) -> {
                    Checkpoint.write(dir, fingerprint, s);
                    bar.stepTo(s.generation() - 1);
                    bar.setExtraMessage(best == null ? String.format(" no feasible design yet, %.0f cand/s", rate)
                            : String.format(" best %.3f cm2 at %.4f, %.0f cand/s", best.score().areaCm2(),
                            best.score().accuracy(), rate));
                });
            }
            double searchSeconds = (System.nanoTime() - t0) / 1e9;
            List<Candidate> front = new ArrayList<>(state.archive());
            front.sort(Comparator.comparingDouble((Candidate c) -> c.score().areaCm2())
                    .thenComparing(c -> -c.score().accuracy()));
            log.printf("search: %d evaluations in %.1f s, %d designs on the front%s%n", state.evaluations(), searchSeconds,
                    front.size(), front.isEmpty() ? "" : String.format("; smallest %.3f cm^2 (estimate) at training"
                            + " accuracy %.4f", front.get(0).score().areaCm2(), front.get(0).score().accuracy()));
            if (front.size() > o.verifyLimit()) {
                front = spread(front, o.verifyLimit());
                log.printf("verifying %d of them, spread along the front (--verify-limit)%n", front.size());
            }
            if (!o.verify()) {
                return new Outcome(null, List.of(), searchSeconds, state.evaluations(), exact.accuracy());
            }
            List<Candidate> all = new ArrayList<>(front);
            all.add(new Candidate(space.exact(), exact));
            List<Verified> verified = verify(ev, all, train, test, o, dir, pool, executor, log);
            Verified base = verified.remove(verified.size() - 1);
            return new Outcome(base, verified, searchSeconds, state.evaluations(), exact.accuracy());
        } finally {
            Parallel.shutdown(pool);
        }
    }

    /** Keeps {@code n} designs evenly spaced by rank, always with both ends. */
    static List<Candidate> spread(List<Candidate> sorted, int n) {
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(sorted.get((int) Math.round(k * (sorted.size() - 1) / (double) Math.max(1, n - 1))));
        }
        return out.stream().distinct().toList();
    }

    /**
     * Verifies the front (and, last, the exact baseline, id "exact"): every design is prepared
     * here, their tool runs go to the executor as one batch, and the results are gathered here
     * and published as designs/ID.
     */
    private static List<Verified> verify(CandidateEvaluator ev, List<Candidate> designs, Dataset train, Dataset test,
                                         Options o, Path dir, ExecutorService pool, Executor executor, PrintStream log) {
        Path batch = dir.resolve(BATCH);
        List<Future<DesignJob.Prepared>> prepared = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            String id = i == designs.size() - 1 ? "exact" : String.format("d%02d", i + 1);
            Candidate c = designs.get(i);
            prepared.add(pool.submit(() -> DesignJob.prepare(id, request(ev, c, train, test, o, dir.resolve("designs")
                    .resolve(id)), batch.resolve(id))));
        }
        List<DesignJob.Prepared> ready = prepared.stream().map(Parallel::join).toList();
        List<JobResult> results = executor.run(batch, ready.stream().map(DesignJob::job).toList(), log);
        List<Future<DesignReport>> gathered = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            DesignJob.Prepared p = ready.get(i);
            JobResult r = results.get(i);
            gathered.add(pool.submit(() -> DesignJob.gather(p, r)));
        }
        List<Verified> out = new ArrayList<>();
        try {
            Files.createDirectories(dir.resolve("designs"));
        } catch (java.io.IOException e) {
            throw new org.pmlp.UserError(dir.resolve("designs") + ": cannot be created: " + e.getMessage());
        }
        for (int i = 0; i < ready.size(); i++) {
            DesignJob.Prepared p = ready.get(i);
            DesignReport r = Parallel.join(gathered.get(i));
            DesignFolder.publish(p.folder(), p.request().out());
            Verified v = new Verified(p.name(), designs.get(i), r);
            out.add(v);
            if (r.failure != null) {
                log.printf("%s: verification job failed; its logs and report.json are in %s%n", v.id(),
                        p.request().out());
            } else if (!v.id().equals("exact")) {
                log.printf("%s: train %.4f, test %s, %.3f cm^2 (est. %.3f), %.3f mW, %d mismatches%n", v.id(),
                        v.candidate().score().accuracy(), fmt(v.report().accuracyGolden), v.report().areaCm2,
                        v.candidate().score().areaCm2(), v.report().powerMw, v.report().rtlMismatches);
            }
        }
        Files2.deleteTree(batch);
        return out;
    }

    private static RunPipeline.Request request(CandidateEvaluator ev, Candidate c, Dataset train, Dataset test,
                                               Options o, Path out) {
        DesignConfig config = ev.compile(c.genome()).config();
        return new RunPipeline.Request(ev.modelFor(c.genome()), config, train, test, out, o.liberty(),
                HeapStyle.TWOS_COMPLEMENT, o.search().seed(), o.timeout(), true, true, o.clockHz());
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }

    static final String MARKER = ".pmlp-explore";

    /** Makes sure the run folder exists and is ours: new, empty, or made by pmlp before. */
    public static void prepareFolder(Path dir) {
        try {
            if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new org.pmlp.UserError(dir + ": exists, is not empty and is not a pmlp run folder;"
                                + " choose a new folder");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new org.pmlp.UserError(dir + ": cannot create the run folder: " + e.getMessage());
        }
        Files2.writeAtomically(dir.resolve(MARKER), "pmlp exploration run folder\n");
    }
}
