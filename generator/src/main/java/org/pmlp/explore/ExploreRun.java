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
import org.pmlp.cost.CostModels;
import org.pmlp.data.Dataset;
import org.pmlp.Version;
import org.pmlp.eda.NetlistEquivalence;
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
import org.pmlp.rtl.Registers;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;
import org.pmlp.util.Parallel;

/**
 * A whole exploration: baseline, search (checkpointed as it goes), then verification of
 * every design on the final front (generated, co-simulated in Verilator, synthesized with Yosys,
 * in parallel), pareto.csv, plots and report.md in the run folder.
 */
public final class ExploreRun {
    /**
     * What to explore and how. {@code liberty} null means the default library; {@code heap} is the
     * bit-heap style both the cost estimate and the verified designs use; {@code registers} the
     * registered ports of every design (the cost estimate counts their flip-flops); {@code clockHz}
     * is also the search's timing constraint (an estimated path longer than its period is infeasible);
     * {@code costModel} is the {@code --cost-model} file (null: the model matching the liberty, see
     * {@link CostModels}).
     */
    public record Options(double maxLoss, boolean power, Nsga2Search.Options search, int retrainEpochs, int jobs,
                          Path liberty, long timeout, double clockHz, int verifyLimit, boolean verify, HeapStyle heap,
                          Registers registers, Path costModel) {
        /** With registered inputs and outputs and the cost model matching the liberty. */
        public Options(double maxLoss, boolean power, Nsga2Search.Options search, int retrainEpochs, int jobs,
                       Path liberty, long timeout, double clockHz, int verifyLimit, boolean verify, HeapStyle heap) {
            this(maxLoss, power, search, retrainEpochs, jobs, liberty, timeout, clockHz, verifyLimit, verify, heap,
                    Registers.BOTH, null);
        }

        /** The same options at another clock (bench: the literature's clock of each dataset). */
        public Options withClockHz(double hz) {
            return new Options(maxLoss, power, search, retrainEpochs, jobs, liberty, timeout, hz, verifyLimit, verify,
                    heap, registers, costModel);
        }

        /** The same options with another allowed loss (bench explores each dataset at two). */
        public Options withMaxLoss(double loss) {
            return new Options(loss, power, search, retrainEpochs, jobs, liberty, timeout, clockHz, verifyLimit, verify,
                    heap, registers, costModel);
        }
    }

    /**
     * A verified design of the front. {@code trainAccuracy} is the golden training accuracy of the
     * design as written in its folder, which must equal the search's score.
     */
    public record Verified(String id, Candidate candidate, DesignReport report, double trainAccuracy) {
        /** Null when the delivered design is the one the search scored, else why not. */
        public String scoreDisagreement() {
            return FrontCheck.disagreement(id, candidate.score().accuracy(), trainAccuracy);
        }
    }

    /** The outcome: the baseline and the verified front, smallest area first. */
    public record Outcome(Verified exact, List<Verified> front, double searchSeconds, long evaluations,
                          double exactTrainAccuracy) {
        /** Every verified design (baseline and front) whose folder does not reproduce its search score. */
        public List<String> scoreDisagreements() {
            List<String> out = new ArrayList<>();
            List<Verified> all = new ArrayList<>(front);
            if (exact != null) {
                all.add(0, exact);
            }
            for (Verified v : all) {
                if (v.scoreDisagreement() != null) {
                    out.add(v.scoreDisagreement());
                }
            }
            return out;
        }
    }

    private ExploreRun() {
    }

    /**
     * @param inputs what the caller knows the run depends on (input files, data options); the
     *     options, library and cost model are added here, so the checkpoint's fingerprint is complete
     */
    public static Outcome run(Mlp model, Dataset train, Dataset test, Options o, Path dir, RunFingerprint inputs,
                              PrintStream log) {
        return run(model, train, test, o, dir, inputs, log, localExecutor(o));
    }

    /** The local executor for these options: {@code jobs} designs at a time. */
    public static Executor localExecutor(Options o) {
        return new LocalExecutor(o.jobs(), jobSeconds(o.timeout()));
    }

    /**
     * Tool runs in one verification job bounded by the tool timeout (Verilator build, simulation,
     * Yosys synthesis, Yosys writing the proof's BLIF files), each with its own time limit.
     */
    public static final int JOB_TIMEOUTS = 4;

    /** The limit of one verification job as a whole: its tool runs, and the netlist proof's checks' own bounds. */
    public static long jobSeconds(long toolTimeoutSeconds) {
        return JOB_TIMEOUTS * toolTimeoutSeconds + NetlistEquivalence.CHECKS * NetlistEquivalence.DEFAULT_TIMEOUT_SECONDS;
    }

    /** Where the verification jobs of a run are prepared and run; removed once every design is gathered. */
    public static final String BATCH = "verify";

    /** As above, with the verification jobs run by {@code executor} (one batch for the whole front). */
    public static Outcome run(Mlp model, Dataset train, Dataset test, Options o, Path dir, RunFingerprint inputs,
                              PrintStream log, Executor executor) {
        Searched s = search(model, train, o, dir, inputs, log);
        List<Candidate> front = s.front();
        if (front.size() > o.verifyLimit()) {
            front = spread(front, o.verifyLimit());
            log.printf("verifying %d of them, spread along the front (--verify-limit)%n", front.size());
        }
        if (!o.verify()) {
            return new Outcome(null, List.of(), s.seconds(), s.evaluations(), s.exact().score().accuracy());
        }
        return verify(List.of(new Plan("", s, front, true, o, dir)), train, test, dir.resolve(BATCH), log, executor).get(0);
    }

    /**
     * A finished search: its evaluator (which compiles the designs), the exact baseline and the
     * whole front, smallest estimated area first.
     */
    public record Searched(CandidateEvaluator evaluator, Candidate exact, List<Candidate> front, double seconds,
                           long evaluations) {
    }

    /** The search alone (checkpointed in {@code dir} as it goes): nothing is verified yet. */
    public static Searched search(Mlp model, Dataset train, Options o, Path dir, RunFingerprint inputs,
                                  PrintStream log) {
        SearchSpace space = SearchSpace.of(model, QuantSpec.DEFAULT);
        CostModel cost = CostModels.resolve(o.costModel(), o.liberty(), log);
        RunFingerprint fingerprint = complete(inputs, o, cost);
        // Staging folders of design verifications an interruption cut short (nothing else writes there now).
        DesignFolder.removeLeftovers(dir.resolve("designs"));
        CandidateEvaluator ev = new CandidateEvaluator(space, model, train, o.retrainEpochs(), o.search().seed(),
                cost, o.heap(), o.registers());
        CandidateEvaluator.Score exact = ev.evaluate(space.exact());
        Objectives objectives = new Objectives(exact.accuracy() - o.maxLoss(), o.power(), 1000.0 / o.clockHz());
        log.printf("exact bespoke baseline: training accuracy %.4f, estimated %.3f cm^2, %.2f mW, worst path %.0f ms;"
                + " constraints: training accuracy >= %.4f, estimated worst path <= %.0f ms (--clock-hz %s, registers %s)%n",
                exact.accuracy(), exact.areaCm2(), exact.powerMw(), exact.pathMs(), objectives.minAccuracy(),
                objectives.maxPathMs(), fmtHz(o.clockHz()), o.registers().label());
        if (!objectives.meetsClock(exact)) {
            log.printf("warning: the exact design's estimated worst path (%.0f ms) exceeds the clock period (%.0f ms):"
                    + " it is infeasible in the search (still verified as the baseline)%n", exact.pathMs(),
                    objectives.maxPathMs());
        }
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
                Checkpoint.Pace pace = Checkpoint.pace();
                state = search.run(state, (st, best, rate) -> {
                    if (pace.due(st.generation() > o.search().generations())) {
                        Checkpoint.write(dir, fingerprint, st);
                    }
                    bar.stepTo(st.generation() - 1);
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
            return new Searched(ev, new Candidate(space.exact(), exact), List.copyOf(front), searchSeconds,
                    state.evaluations());
        } finally {
            Parallel.shutdown(pool);
        }
    }

    /**
     * One exploration's share of a verification batch: {@code front} (designs of the search) as
     * d01, d02, ... and, with {@code verifyExact}, the exact baseline as "exact", in {@code dir};
     * {@code label} names the exploration in the log ("" for none, e.g. "net-0/loss5").
     */
    public record Plan(String label, Searched searched, List<Candidate> front, boolean verifyExact, Options options, Path dir) {
    }

    /**
     * Verifies the plans' designs as one batch of {@code executor} (in {@code batch}; every design's
     * job in its exploration's {@link #BATCH} folder), so no exploration waits for another's last
     * design. A plan without {@code verifyExact} has no exact baseline in its outcome.
     */
    public static List<Outcome> verify(List<Plan> plans, Dataset train, Dataset test, Path batch, PrintStream log,
                                       Executor executor) {
        int jobs = plans.stream().mapToInt(p -> p.options().jobs()).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<List<Future<DesignJob.Prepared>>> prepared = new ArrayList<>();
            for (Plan plan : plans) {
                List<Future<DesignJob.Prepared>> mine = new ArrayList<>();
                List<Candidate> designs = designs(plan);
                for (int i = 0; i < designs.size(); i++) {
                    String id = plan.verifyExact() && i == designs.size() - 1 ? "exact" : String.format("d%02d", i + 1);
                    Candidate c = designs.get(i);
                    mine.add(pool.submit(() -> DesignJob.prepare(id, request(plan.searched().evaluator(), c.genome(),
                            train, test, plan.dir().resolve("designs").resolve(id), plan.options(), true),
                            plan.dir().resolve(BATCH).resolve(id))));
                }
                prepared.add(mine);
            }
            List<List<DesignJob.Prepared>> ready = prepared.stream().map(l -> l.stream().map(Parallel::join).toList())
                    .toList();
            List<JobResult> results = executor.run(batch, ready.stream().flatMap(List::stream).map(DesignJob::job)
                    .toList(), log);
            List<Outcome> out = new ArrayList<>();
            int next = 0;
            for (int k = 0; k < plans.size(); k++) {
                Plan plan = plans.get(k);
                List<JobResult> mine = results.subList(next, next + ready.get(k).size());
                next += ready.get(k).size();
                String prefix = plan.label().isEmpty() ? "" : plan.label() + "/";
                List<Verified> verified = gather(plan, designs(plan), ready.get(k), mine, train, prefix, pool, log);
                Verified base = null;
                if (plan.verifyExact()) {
                    base = verified.remove(verified.size() - 1);
                    if (base.scoreDisagreement() != null) {
                        log.println(base.scoreDisagreement());
                    }
                }
                Searched s = plan.searched();
                out.add(new Outcome(base, verified, s.seconds(), s.evaluations(), s.exact().score().accuracy()));
                Files2.deleteTree(plan.dir().resolve(BATCH));
            }
            Files2.deleteTree(batch);
            return out;
        } finally {
            Parallel.shutdown(pool);
        }
    }

    private static List<Candidate> designs(Plan plan) {
        List<Candidate> all = new ArrayList<>(plan.front());
        if (plan.verifyExact()) {
            all.add(plan.searched().exact());
        }
        return all;
    }

    /** Reads the finished jobs of one plan and publishes its designs as designs/ID. */
    private static List<Verified> gather(Plan plan, List<Candidate> designs, List<DesignJob.Prepared> ready,
                                         List<JobResult> results, Dataset train, String prefix, ExecutorService pool,
                                         PrintStream log) {
        Options o = plan.options();
        List<Future<Verified>> gathered = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            DesignJob.Prepared p = ready.get(i);
            JobResult r = results.get(i);
            Candidate c = designs.get(i);
            // The front check reads the folder's own model and config, as pmlp generate would.
            gathered.add(pool.submit(() -> new Verified(p.name(), c, DesignJob.gather(p, r),
                    FrontCheck.trainAccuracy(p.folder(), train, o.search().seed()))));
        }
        List<Verified> out = new ArrayList<>();
        Path designsDir = plan.dir().resolve("designs");
        try {
            Files.createDirectories(designsDir);
        } catch (java.io.IOException e) {
            throw new org.pmlp.UserError(designsDir + ": cannot be created: " + e.getMessage());
        }
        for (int i = 0; i < ready.size(); i++) {
            DesignJob.Prepared p = ready.get(i);
            Verified v = Parallel.join(gathered.get(i));
            DesignReport r = v.report();
            DesignFolder.publish(p.folder(), p.request().out());
            out.add(v);
            if (r.failure != null) {
                log.printf("%s%s: verification job failed; its logs and report.json are in %s%n", prefix, v.id(),
                        p.request().out());
            } else if (!v.id().equals("exact")) {
                log.printf("%s%s: train %.4f, test %s, %.3f cm^2 (est. %.3f), %.3f mW, %d mismatches%n", prefix,
                        v.id(), v.candidate().score().accuracy(), fmt(v.report().accuracyGolden), v.report().areaCm2,
                        v.candidate().score().areaCm2(), v.report().powerMw, v.report().rtlMismatches);
            }
            if (!v.id().equals("exact") && v.scoreDisagreement() != null) {
                log.println(v.scoreDisagreement()); // the baseline's is printed by verify()
            }
        }
        return out;
    }

    /** The caller's items plus everything in the options, the pmlp version and the cost model. */
    public static RunFingerprint complete(RunFingerprint inputs, Options o, CostModel cost) {
        RunFingerprint f = new RunFingerprint();
        inputs.items().forEach(f::option);
        Nsga2Search.Options s = o.search();
        return f.option("pmlp version", Version.VERSION).option("width inference", org.pmlp.ir.WidthInference.METHOD)
                .option("--seed", s.seed()).option("--max-loss", o.maxLoss())
                .option("--power", o.power()).option("--population", s.population())
                .option("--generations", s.generations()).option("--offspring", s.offspringFraction())
                .option("--mutation", s.mutation()).option("--crossover", s.crossover())
                .option("--max-age", s.maxAge()).option("--retrain-epochs", o.retrainEpochs())
                .option("--registers", o.registers().label()).option("--clock-hz", o.clockHz())
                .file("--liberty", o.liberty()).content("cost model (" + cost.source() + ")",
                        Json.write(cost.toJson(null)));
    }

    /** Keeps {@code n} designs evenly spaced by rank, always with both ends. */
    static List<Candidate> spread(List<Candidate> sorted, int n) {
        List<Candidate> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(sorted.get((int) Math.round(k * (sorted.size() - 1) / (double) Math.max(1, n - 1))));
        }
        return out.stream().distinct().toList();
    }

    /** How a genome's design is generated (and, with {@code tools}, simulated and synthesized) into {@code out}. */
    static RunPipeline.Request request(CandidateEvaluator ev, int[][] genome, Dataset train, Dataset test, Path out,
                                       Options o, boolean tools) {
        DesignConfig config = ev.compile(genome).config();
        return new RunPipeline.Request(ev.modelFor(genome), config, train, test, out, o.liberty(),
                o.heap(), o.search().seed(), o.timeout(), tools, tools, o.clockHz()).withCostModel(o.costModel());
    }

    private static String fmtHz(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
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
