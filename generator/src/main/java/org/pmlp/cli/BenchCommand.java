package org.pmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.explore.Benchmark;
import org.pmlp.explore.ExploreRun;
import org.pmlp.explore.Nsga2Search;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark against the literature: for every dataset folder in --datasets (train.csv and "
                + "test.csv, already scaled, as in ../shared/datasets), train the float MLP with the literature's hidden "
                + "size, verify the exact bespoke baseline, explore at 1% and 5% allowed loss, and write OUT/summary.csv "
                + "and OUT/summary.md with the published figures beside ours.",
                "Give --liberty with the public EGFET 1.0 V library to compare power with the literature's."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--datasets", required = true, paramLabel = "DIR", description = "Folder of dataset folders.")
    Path datasets;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "Output folder.")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of training, search and retraining (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--population", defaultValue = "100", description = "Population size (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--generations", defaultValue = "300", description = "Generations (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--power", description = "Add estimated power as a third objective.")
    boolean power;

    @Option(names = "--retrain-epochs", defaultValue = "60",
            description = "Quantization-aware retraining epochs per weight-format combination (default: ${DEFAULT-VALUE}).")
    int retrainEpochs;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallel evaluations and verifications (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--verify-limit", defaultValue = "60", description = "Most front designs verified per exploration (default: ${DEFAULT-VALUE}).")
    int verifyLimit;

    @Mixin
    EdaOptions eda;

    @Mixin
    ExecutorOptions exec;

    @Override
    public Integer call() {
        eda.check();
        if (!Files.isDirectory(datasets)) {
            throw new UserError(datasets + ": no such folder");
        }
        ExploreRun.Options o = new ExploreRun.Options(0.01, power,
                new Nsga2Search.Options(population, generations, 0.6, 0, 0.5, seed), retrainEpochs, jobs, eda.liberty(), eda.timeout,
                eda.clockHz, verifyLimit, true);
        var executor = exec.create(jobs, ExploreRun.JOB_TIMEOUTS * eda.timeout);
        ExploreRun.prepareFolder(output);
        var rows = Benchmark.run(datasets, output, o, System.out, executor);
        System.out.printf("%nbenchmark of %d datasets written to %s (summary.csv, summary.md)%n", rows.size(), output);
        return 0;
    }
}
