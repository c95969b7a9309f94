package org.pmlp.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.explore.ExploreOutputs;
import org.pmlp.explore.ExploreRun;
import org.pmlp.explore.Nsga2Search;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Design-space exploration: NSGA-II (Jenetics) over weight formats per layer (with the "
                + "retraining each implies), input bits per feature (0 drops it), per-connection bit masks, heap "
                + "truncation, hidden activation windows, argmax comparator bits and class order. Objectives: "
                + "bit-exact training accuracy and estimated area (and power with --power), subject to --max-loss "
                + "against the exact bespoke baseline. Every design on the final front is then generated, "
                + "co-simulated in Verilator and synthesized with Yosys.",
                "Writes DIR/pareto.csv, DIR/designs/*, DIR/pareto-area.png, DIR/pareto-power.png, DIR/report.md. "
                        + "Checkpoints every generation: after Ctrl-C or a crash, `pmlp explore --resume DIR` continues."})
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

    @Option(names = "--generations", defaultValue = "300",
            description = "Generations (default: ${DEFAULT-VALUE}; the literature used 1000 x 30, which needs about as "
                    + "many evaluations but finds larger designs here).")
    int generations;

    @Option(names = "--offspring", defaultValue = "0.6",
            description = "Share of each generation that is new offspring (default: ${DEFAULT-VALUE}).")
    double offspring;

    @Option(names = "--mutation", defaultValue = "0",
            description = "Per-gene mutation probability; 0 chooses 6 / genome length, at most 0.05 (default: ${DEFAULT-VALUE}).")
    double mutation;

    @Option(names = "--crossover", defaultValue = "0.5", description = "Crossover probability (default: ${DEFAULT-VALUE}).")
    double crossover;

    @Option(names = "--power", description = "Add estimated power as a third objective.")
    boolean power;

    @Option(names = "--retrain-epochs", defaultValue = "60",
            description = "Quantization-aware retraining epochs per weight-format combination (default: ${DEFAULT-VALUE};"
                    + " on pendigits 60 epochs made po2 output weights feasible at 1% loss where 20 did not).")
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
            return resumeRun();
        }
        if (model == null || output == null) {
            throw new UserError("give --model MODEL and -o DIR (or --resume DIR)");
        }
        check();
        Path dir = output;
        ExploreRun.prepareFolder(dir);
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0); // the parse starts at the top command; keep this command's own arguments
        }
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

    private int resumeRun() {
        Path argsFile = resume.resolve(ARGS_FILE);
        if (!Files.exists(argsFile)) {
            throw new UserError(resume + ": no " + ARGS_FILE + " here; not an exploration run folder");
        }
        List<String> args = Json.read(argsFile).get("args").strings();
        ExploreCommand again = new ExploreCommand();
        new CommandLine(again).parseArgs(args.toArray(new String[0]));
        CommandLine.ParseResult given = spec.commandLine().getParseResult();
        if (given.hasMatchedOption("--executor") || given.hasMatchedOption("--slurm-opt")) {
            again.exec = exec; // a run may resume with another executor: finished jobs are kept
        }
        again.check();
        return again.execute(again.output, "explore " + String.join(" ", args) + " (resumed)");
    }

    private void check() {
        eda.check();
        exec.create(jobs, ExploreRun.JOB_TIMEOUTS * eda.timeout); // a bad executor option or no sbatch: before any work
        if (!(maxLoss >= 0 && maxLoss < 1)) {
            throw new UserError("--max-loss must be in [0, 1), got " + maxLoss);
        }
        if (population < 4 || generations < 1) {
            throw new UserError("--population must be at least 4 and --generations at least 1");
        }
        if (!(offspring > 0 && offspring < 1) || crossover < 0 || crossover > 1 || mutation < 0 || mutation > 1) {
            throw new UserError("--offspring must be in (0, 1); --crossover and --mutation in [0, 1]");
        }
    }

    private int execute(Path dir, String command) {
        var executor = exec.create(jobs, ExploreRun.JOB_TIMEOUTS * eda.timeout);
        ModelLoading.Result loaded = ModelLoading.load(model, scaler, data, seed, System.out);
        if (loaded.data().train() == null) {
            throw new UserError("exploration needs training data: --train FILE");
        }
        ExploreRun.Options opts = new ExploreRun.Options(maxLoss, power,
                new Nsga2Search.Options(population, generations, offspring, mutation, crossover, seed), retrainEpochs, jobs,
                eda.liberty(), eda.timeout, eda.clockHz, verifyLimit, !noVerify);
        String fingerprint = fingerprint();
        ExploreRun.Outcome out = ExploreRun.run(loaded.model(), loaded.data().train(), loaded.data().test(), opts, dir,
                fingerprint, System.out, executor);
        if (noVerify) {
            System.out.println("search done (--no-verify): the front was not verified; see " + dir);
            return 0;
        }
        ExploreOutputs.write(dir, out, loaded.model().topology(), maxLoss, "pmlp " + command);
        long bad = out.front().stream().filter(v -> v.report().rtlMismatches != 0 || v.report().netlistMismatches != 0)
                .count();
        System.out.printf("%d verified designs; results in %s (pareto.csv, report.md, pareto-area.png)%n",
                out.front().size(), dir);
        return bad == 0 ? 0 : Main.VERIFICATION_FAILED;
    }

    /** Identifies the inputs of a run, so --resume refuses changed models, data or options. */
    private String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files = new ArrayList<>(List.of(model));
            if (data.train != null) {
                files.add(data.train);
            }
            if (data.test != null) {
                files.add(data.test);
            }
            for (Path f : files) {
                md.update(Files.readAllBytes(f));
            }
            md.update((seed + "|" + maxLoss + "|" + population + "|" + generations + "|" + offspring + "|" + mutation
                    + "|" + crossover + "|" + power + "|" + retrainEpochs + "|" + data.split + "|" + data.label + "|"
                    + scaler).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserError("cannot read an input file: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
