package org.pmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.explore.ExploreOutputs;
import org.pmlp.explore.ExploreRun;
import org.pmlp.explore.Nsga2Search;
import org.pmlp.explore.ResumeHint;
import org.pmlp.explore.RunFingerprint;
import org.pmlp.rtl.Registers;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Design-space exploration: NSGA-II (Jenetics) over weight formats per layer (with the "
                + "retraining each implies), input bits per feature (0 drops it), per-connection bit masks, heap "
                + "truncation, hidden activation windows, argmax comparator bits and class order. Objectives: "
                + "bit-exact training accuracy and estimated area (and power with --power), subject to --max-loss "
                + "against the exact bespoke baseline and to the clock: a design whose estimated worst path is longer "
                + "than the period of --clock-hz is infeasible. Every design on the final front is then generated, "
                + "co-simulated in Verilator and synthesized with Yosys.",
                "Writes DIR/pareto.csv, DIR/designs/*, DIR/pareto-area.png, DIR/pareto-power.png, DIR/report.md. "
                        + "Checkpoints after the first generation, then at most once a second, and after the last: after "
                        + "Ctrl-C or a crash, `pmlp explore --resume DIR` continues from the last one "
                        + "(options given beside --resume override the saved ones if they leave the search unchanged, "
                        + "like --jobs; one that changes it, or a changed input file, is refused by name)."})
final class ExploreCommand implements Callable<Integer> {
    static final String ARGS_FILE = "explore.json";

    @Option(names = "--model", paramLabel = "MODEL", description = "The trained model (pmlp JSON, ONNX, scikit-learn export).")
    Path model;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Run folder.")
    Path output;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its last completed generation; verification jobs found"
            + " finished are kept, with either --executor (give it to change the run's).")
    Path resume;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the search and retraining (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-loss", defaultValue = "0.01",
            description = "Largest training-accuracy loss against the exact bespoke baseline (default: ${DEFAULT-VALUE}).")
    double maxLoss;

    @Option(names = "--population", defaultValue = "100", description = "Population size (default: ${DEFAULT-VALUE}).")
    int population;

    // 1200, not 300: the search takes seconds beside verification, and at 300 cardio's fronts were far
    // from converged (README, Design-space exploration).
    @Option(names = "--generations", defaultValue = "1200",
            description = "Generations (default: ${DEFAULT-VALUE}; the literature used population 1000 x 30 "
                    + "generations, about half the evaluations).")
    int generations;

    @Option(names = "--offspring", defaultValue = "0.6",
            description = "Share of each generation that is new offspring (default: ${DEFAULT-VALUE}).")
    double offspring;

    @Option(names = "--mutation", defaultValue = "0",
            description = "Per-gene mutation probability; 0 chooses 6 / genome length, at most 0.05 (default: ${DEFAULT-VALUE}).")
    double mutation;

    @Option(names = "--crossover", defaultValue = "0.5", description = "Crossover probability (default: ${DEFAULT-VALUE}).")
    double crossover;

    @Option(names = "--max-age", paramLabel = "GENERATIONS", defaultValue = "" + Nsga2Search.DEFAULT_MAX_AGE,
            description = "A population member older than this many generations is replaced by a random new one "
                    + "(Jenetics' ageing; default: ${DEFAULT-VALUE}, with which the benchmark was measured). 0: never, "
                    + "plain NSGA-II. The archive keeps every feasible non-dominated design either way.")
    int maxAge;

    @Option(names = "--power", description = "Add estimated power as a third objective.")
    boolean power;

    @Option(names = "--registers", paramLabel = "none|inputs|outputs|both", defaultValue = "both",
            description = "Registered ports of every design: none (combinational, as the printed-MLP literature "
                    + "publishes), inputs, outputs or both (default: ${DEFAULT-VALUE}). The area and power estimates "
                    + "count the flip-flops of the registered ports only, and the timing estimate follows the choice.")
    String registers;

    @Option(names = "--retrain-epochs", defaultValue = "60",
            description = "Quantization-aware retraining epochs per weight-format combination (default: ${DEFAULT-VALUE};"
                    + " on pendigits 60 epochs made po2 output weights feasible at 1%% loss where 20 did not).")
    int retrainEpochs;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallel evaluations and verifications (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--verify-limit", defaultValue = "60",
            description = "Most front designs to verify; a larger front is sampled evenly (default: ${DEFAULT-VALUE}).")
    int verifyLimit;

    @Option(names = "--no-verify", description = "Search only: skip generating, simulating and synthesizing the front.")
    boolean noVerify;

    @Option(names = "--scaler", paramLabel = "auto|minmax|none", description = "For imported models: input scaling.")
    String scaler;

    @Mixin
    DataOptions data;

    @Mixin
    EdaOptions eda;

    @Mixin
    ExecutorOptions exec;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (resume != null) {
            // Options given beside --resume are laid over the saved ones; the checkpoint's fingerprint
            // refuses, by name, any that would change the run (--executor and --jobs do not).
            return resumeRun();
        }
        if (model == null || output == null) {
            throw new UserError("give --model MODEL and -o DIR (or --resume DIR)");
        }
        check();
        Path dir = output;
        ExploreRun.prepareFolder(dir);
        List<String> args = savedArgs();
        Path argsFile = dir.resolve(ARGS_FILE);
        if (Files.exists(dir.resolve(org.pmlp.explore.Checkpoint.FILE))) {
            throw new UserError(dir + ": holds an exploration already; continue it with --resume " + dir
                    + " or choose another folder");
        }
        var o = Json.object();
        var a = o.putArray("args");
        args.forEach(a::add);
        Files2.writeAtomically(argsFile, Json.write(o));
        return execute(dir, "explore " + String.join(" ", args));
    }

    /**
     * Continues the run in the --resume folder with its saved arguments; options given beside
     * --resume are laid over them (--jobs, say), and the checkpoint refuses any that changes the
     * search, naming it.
     */
    private int resumeRun() {
        Path argsFile = resume.resolve(ARGS_FILE);
        if (!Files.exists(argsFile)) {
            throw new UserError(resume + ": no " + ARGS_FILE + " here; not an exploration run folder");
        }
        List<String> args = new ArrayList<>(Json.read(argsFile).get("args").strings());
        List<String> extra = ownArgs();
        for (int i = 0; i < extra.size(); i++) {
            if (extra.get(i).equals("--resume")) {
                i++;
            } else if (!extra.get(i).startsWith("--resume=")) {
                args.add(extra.get(i));
            }
        }
        ExploreCommand again = new ExploreCommand();
        new CommandLine(again).setOverwrittenOptionsAllowed(true).parseArgs(args.toArray(new String[0]));
        if (extra.stream().anyMatch(a -> a.startsWith("-o") || a.startsWith("--output"))) {
            throw new UserError("-o is not taken with --resume: the run continues in " + resume);
        }
        again.check();
        // The folder may have moved since the run began: continue where it is now.
        return again.execute(resume, "explore " + String.join(" ", args) + " (resumed)");
    }

    /**
     * The arguments saved for --resume: the options given, each file path made absolute, so the
     * run can be resumed from any working directory (the inputs are fingerprinted by content).
     */
    List<String> savedArgs() {
        List<String> out = new ArrayList<>();
        for (OptionSpec o : spec.commandLine().getParseResult().matchedOptions()) {
            String name = o.longestName();
            if (o.arity().max() == 0) {
                out.add(name);
                continue;
            }
            for (String v : o.originalStringValues()) {
                // name=value keeps a value that itself starts with "--" (--slurm-opt=--time=10) a value.
                out.add(name + "=" + (o.type() == Path.class ? Path.of(v).toAbsolutePath().normalize() : v));
            }
        }
        return out;
    }

    /** This command's own arguments as given (the parse starts at the top command). */
    private List<String> ownArgs() {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        return args;
    }

    private void check() {
        if (noVerify) {
            // --clock-hz stays: the search's timing constraint is its period.
            OptionUse.rejectGiven(spec, "--no-verify searches only, it verifies nothing", "--liberty", "--timeout",
                    "--verify-limit", "--test", "--executor", "--slurm-opt");
        }
        Registers.parse(registers, "--registers");
        eda.check();
        OptionUse.requirePositive("--jobs", jobs);
        OptionUse.requirePositive("--verify-limit", verifyLimit);
        if (retrainEpochs < 0) {
            throw new UserError("--retrain-epochs must be at least 0, got " + retrainEpochs);
        }
        exec.create(jobs, ExploreRun.jobSeconds(eda.timeout)); // a bad executor option or no sbatch: before any work
        if (!(maxLoss >= 0 && maxLoss < 1)) {
            throw new UserError("--max-loss must be in [0, 1), got " + maxLoss);
        }
        if (maxAge < 0) {
            throw new UserError("--max-age must be 0 (never) or a number of generations, got " + maxAge);
        }
        if (population < 4 || generations < 1) {
            throw new UserError("--population must be at least 4 and --generations at least 1");
        }
        if (!(offspring > 0 && offspring < 1) || crossover < 0 || crossover > 1 || mutation < 0 || mutation > 1) {
            throw new UserError("--offspring must be in (0, 1); --crossover and --mutation in [0, 1]");
        }
    }

    private int execute(Path dir, String command) {
        var executor = exec.create(jobs, ExploreRun.jobSeconds(eda.timeout));
        ModelLoading.Result loaded = ModelLoading.load(model, scaler, data, seed, System.out);
        if (loaded.data().train() == null) {
            throw new UserError("exploration needs training data: --train FILE");
        }
        ExploreRun.Options opts = new ExploreRun.Options(maxLoss, power,
                new Nsga2Search.Options(population, generations, offspring, mutation, crossover, seed, maxAge),
                retrainEpochs, jobs, eda.liberty(), eda.timeout, eda.clockHz, verifyLimit, !noVerify, eda.heapStyle(),
                Registers.parse(registers, "--registers"), eda.costModel());
        ExploreRun.Outcome out;
        try (ResumeHint hint = ResumeHint.install(dir, System.err)) {
            out = ExploreRun.run(loaded.model(), loaded.data().train(), loaded.data().test(), opts, dir, fingerprint(),
                    System.out, executor);
        }
        if (noVerify) {
            System.out.println("search done (--no-verify): the front was not verified; see " + dir);
            return 0;
        }
        ExploreOutputs.write(dir, out, loaded.model().topology(), maxLoss, "pmlp " + command);
        System.out.printf("%d verified designs; results in %s (pareto.csv, report.md, pareto-area.png)%n",
                out.front().size(), dir);
        List<String> constant = ExploreOutputs.constantIds(dir, out);
        if (!constant.isEmpty()) {
            System.out.println("warning: constant circuits (one answer whatever the inputs, flagged in pareto.csv): "
                    + String.join(", ", constant));
        }
        List<String> unproved = ExploreOutputs.unproved(out);
        if (!unproved.isEmpty()) {
            System.out.println("warning: the netlist proof ran out of time (not proved, not refuted; see pareto.csv): "
                    + String.join(", ", unproved));
        }
        List<String> late = ExploreOutputs.timingViolations(out);
        if (!late.isEmpty()) {
            System.out.println("warning: failed timing constraint (OpenSTA: the worst path is longer than the clock period "
                    + "at --clock-hz; timing_met = no in pareto.csv): " + String.join(", ", late));
        }
        List<String> jobsFailed = ExploreOutputs.jobFailures(out);
        List<String> failed = new ArrayList<>(ExploreOutputs.failures(out));
        failed.removeAll(jobsFailed);
        if (!jobsFailed.isEmpty()) {
            System.out.println("VERIFICATION FAILED: the verification jobs of " + String.join(", ", jobsFailed)
                    + " did not finish (see above; each design's report.json says why)");
        }
        if (!failed.isEmpty()) {
            System.out.println("VERIFICATION FAILED: the RTL or netlist disagrees with the golden model in "
                    + String.join(", ", failed) + " (a pmlp bug; please report it)");
        }
        if (!jobsFailed.isEmpty() || !failed.isEmpty()) {
            return Main.VERIFICATION_FAILED;
        }
        List<String> disagreements = out.scoreDisagreements();
        if (!disagreements.isEmpty()) {
            System.out.println("VERIFICATION FAILED: a delivered design is not the one the search scored: "
                    + String.join("; ", disagreements));
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }

    /**
     * What the run depends on besides ExploreRun's own options: the input files by content and
     * how they are read. (ExploreRun adds the search options, library and cost model.)
     */
    RunFingerprint fingerprint() {
        return new RunFingerprint().file("--model", model).file("--train", data.train).file("--test", data.test)
                .option("--split", data.split).option("--label", data.label).option("--header", data.header)
                .option("--impute", data.impute).option("--scaler", scaler).option("--heap", eda.heap);
    }
}
