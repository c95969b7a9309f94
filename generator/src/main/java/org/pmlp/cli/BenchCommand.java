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
                + "size, verify the exact bespoke baseline, explore at 1%% and 5%% allowed loss, and write OUT/summary.csv "
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

    @Option(names = "--liberty-dir", paramLabel = "DIR",
            description = "A family of cell libraries, one per supply voltage (e.g. the public EGFET 0.6-2.0 V): the "
                    + "summary adds the exact and chosen designs' power and worst path at --low-vdd.")
    java.nio.file.Path libertyDir;

    @Option(names = "--low-vdd", paramLabel = "V", defaultValue = "0.6",
            description = "The voltage of --liberty-dir for the summary's low-voltage columns (default: ${DEFAULT-VALUE}).")
    double lowVdd;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        eda.check();
        OptionUse.requirePositive("--jobs", jobs);
        OptionUse.requirePositive("--verify-limit", verifyLimit);
        if (population < 4 || generations < 1 || retrainEpochs < 0) {
            throw new UserError("--population must be at least 4, --generations at least 1, --retrain-epochs at least 0");
        }
        eda.heapStyle();
        if (!Files.isDirectory(datasets)) {
            throw new UserError(datasets + ": no such folder");
        }
        ExploreRun.Options o = new ExploreRun.Options(0.01, power,
                new Nsga2Search.Options(population, generations, 0.6, 0, 0.5, seed), retrainEpochs, jobs, eda.liberty(), eda.timeout,
                eda.clockHz, verifyLimit, true, eda.heapStyle());
        if (libertyDir == null) {
            OptionUse.rejectGiven(spec, "it picks a voltage of --liberty-dir", "--low-vdd");
        }
        org.pmlp.eda.liberty.LibertyFamily.Member low = libertyDir == null ? null
                : org.pmlp.eda.liberty.LibertyFamily.read(libertyDir).at(lowVdd, "--low-vdd");
        ExploreRun.prepareFolder(output);
        var rows = Benchmark.run(datasets, output, o, low, System.out);
        System.out.printf("%nbenchmark of %d datasets written to %s (summary.csv, summary.md)%n", rows.size(), output);
        java.util.List<String> failed = rows.stream()
                .flatMap(r -> r.failed().stream().map(id -> r.dataset() + "/" + id)).toList();
        if (!failed.isEmpty()) {
            System.out.println("VERIFICATION FAILED: the RTL or netlist disagrees with the golden model in "
                    + String.join(", ", failed) + " (a pmlp bug; please report it)");
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }
}
