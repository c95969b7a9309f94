package org.pmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.explore.Benchmark;
import org.pmlp.explore.ExploreRun;
import org.pmlp.explore.Nsga2Search;
import org.pmlp.rtl.Registers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark against the literature: for every dataset folder in --datasets (train.csv and "
                + "test.csv, already scaled, as in ../shared/datasets), train the float MLP with the literature's hidden "
                + "size, verify the exact bespoke baseline, explore at 1%% and 5%% allowed loss, explore the other "
                + "networks of --topologies (by default no hidden layer, and one of 1 and of 2 neurons) at 5%%, and write OUT/summary.csv "
                + "and OUT/summary.md with the published figures beside ours. Designs are combinational by default "
                + "(--registers none), like the published ones; every verified design is timed with OpenSTA at the "
                + "clock (summary: critical_path_ms, timing_met), and the search treats a design whose estimated "
                + "worst path exceeds the period as infeasible. The clock is --clock-hz when given, else the "
                + "literature's per dataset: 5 Hz, pendigits 4 Hz.",
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

    @Option(names = "--generations", defaultValue = "1200", description = "Generations of the literature network's "
            + "searches; the other networks get half (default: ${DEFAULT-VALUE}, as explore's).")
    int generations;

    @Option(names = "--power", description = "Add estimated power as a third objective.")
    boolean power;

    @Option(names = "--registers", paramLabel = "none|inputs|outputs|both", defaultValue = "none",
            description = "Registered ports of every design (default: ${DEFAULT-VALUE}: combinational, as the published "
                    + "designs it is compared with are; inputs, outputs or both add flip-flops, which on small designs "
                    + "are most of the area).")
    String registers;

    @Option(names = "--retrain-epochs", defaultValue = "60",
            description = "Quantization-aware retraining epochs per weight-format combination (default: ${DEFAULT-VALUE}).")
    int retrainEpochs;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallel evaluations and verifications (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--verify-limit", defaultValue = "40", description = "Most designs verified per dataset, besides "
            + "the exact baseline: first the joint front of its searches (every network, both allowed losses: the designs "
            + "none of the others beats on training accuracy and estimated area), then the next fronts of what is left "
            + "while the budget lasts; a front that does not fit whole is spread along itself (default: ${DEFAULT-VALUE}).")
    int verifyLimit;

    @Mixin
    EdaOptions eda;

    @Mixin
    ExecutorOptions exec;

    @Option(names = "--per-dataset",
            description = "With --executor slurm: run each dataset as its own Slurm job (a pmlp bench process per "
                    + "dataset, verifying its designs on its node, --jobs at a time; give it CPUs with "
                    + "--slurm-opt=--cpus-per-task=N), instead of sending every exploration's verification jobs out.")
    boolean perDataset;

    @Option(names = "--only", hidden = true, paramLabel = "NAME",
            description = "Run the dataset NAME alone and leave its summary row in OUT/NAME/row.json (the job of --per-dataset).")
    String only;

    @Option(names = "--liberty-dir", paramLabel = "DIR",
            description = "A family of cell libraries, one per supply voltage (e.g. the public EGFET 0.6-2.0 V): the "
                    + "summary adds the exact and chosen designs' power and worst path at --low-vdd.")
    java.nio.file.Path libertyDir;

    @Option(names = "--low-vdd", paramLabel = "V", defaultValue = "0.6",
            description = "The voltage of --liberty-dir for the summary's low-voltage columns (default: ${DEFAULT-VALUE}).")
    double lowVdd;

    @Option(names = "--topologies", paramLabel = "NETS", defaultValue = org.pmlp.explore.Topologies.DEFAULT,
            description = "Networks explored besides the literature's (one hidden layer of its size, explored at 1%% "
                    + "and 5%% loss), separated by ';': hidden-layer sizes each, 0 for none (a linear classifier), "
                    + "e.g. 0;2;4,3 (at most 3 hidden layers); a leading t makes the hidden layers threshold "
                    + "neurons (1-bit, trained for them, no biases after them), e.g. t4; "
                    + "'none' for the literature's network alone. Each is "
                    + "trained with train's defaults and explored at 5%% loss from its own exact design with half the "
                    + "--generations; the summary and the anchors "
                    + "comparison pick from the verified designs of all (default: ${DEFAULT-VALUE}).")
    String topologies;

    @Option(names = "--anchors", paramLabel = "FILE",
            description = "Published points to compare with (columns dataset, work, test_accuracy, area_cm2, power_mw, "
                    + "vdd_v; e.g. ../shared/docs/anchors.csv): writes OUT/anchors.csv, OUT/anchors.md and "
                    + "OUT/DATASET/anchors-area.png, the smallest verified pmlp design at least as accurate as each "
                    + "point (default: none).")
    Path anchors;

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
        Registers reg = Registers.parse(registers, "--registers");
        java.util.List<int[]> nets = org.pmlp.explore.Topologies.parse(topologies, "--topologies");
        if (!Files.isDirectory(datasets)) {
            throw new UserError(datasets + ": no such folder");
        }
        ExploreRun.Options o = new ExploreRun.Options(0.01, power,
                new Nsga2Search.Options(population, generations, 0.6, 0, 0.5, seed), retrainEpochs, jobs, eda.liberty(), eda.timeout,
                clockGiven() ? eda.clockHz : Benchmark.LITERATURE_CLOCK, verifyLimit, true, eda.heapStyle(), reg, eda.costModel());
        if (libertyDir == null) {
            OptionUse.rejectGiven(spec, "it picks a voltage of --liberty-dir", "--low-vdd");
        }
        org.pmlp.eda.liberty.LibertyFamily.Member low = libertyDir == null ? null
                : org.pmlp.eda.liberty.LibertyFamily.read(libertyDir).at(lowVdd, "--low-vdd");
        java.util.List<org.pmlp.explore.Anchors.Anchor> published = anchors == null ? null
                : org.pmlp.explore.Anchors.read(anchors, org.pmlp.explore.AnchorComparison.knownDatasets(datasets));
        if (only != null) {
            OptionUse.rejectGiven(spec, "the submitting pmlp bench compares with the anchors", "--anchors");
            ExploreRun.prepareFolder(output);
            Benchmark.Row row = Benchmark.runOnly(datasets, only, output, o, nets, low, System.out);
            // The row (with its failed designs) is written either way; the submitting pmlp judges it.
            return row.failed().isEmpty() ? 0 : Main.VERIFICATION_FAILED;
        }
        if (perDataset && !exec.slurm()) {
            throw new UserError("--per-dataset needs --executor slurm");
        }
        // A dataset's job has its own time limits inside; its limit as a whole is Slurm's (--slurm-opt=--time=...).
        var executor = exec.create(jobs, ExploreRun.jobSeconds(eda.timeout));
        ExploreRun.prepareFolder(output);
        if (perDataset) {
            Benchmark.PerDataset r = Benchmark.runAsJobs(datasets, output, System.out, executor, this::jobCommand);
            compare(published, r.rows(), low);
            System.out.printf("%nbenchmark of %d datasets written to %s (summary.csv, summary.md)%s%n", r.rows().size(),
                    output, r.failed().isEmpty() ? "" : "; " + r.failed().size() + " dataset jobs failed (see above)");
            return r.failed().isEmpty() && failedDesigns(r.rows()) == 0 ? 0 : Main.VERIFICATION_FAILED;
        }
        var rows = Benchmark.run(datasets, output, o, nets, low, System.out, executor);
        compare(published, rows, low);
        System.out.printf("%nbenchmark of %d datasets written to %s (summary.csv, summary.md)%n", rows.size(), output);
        return failedDesigns(rows) == 0 ? 0 : Main.VERIFICATION_FAILED;
    }

    /** With --anchors: the comparison of the benchmarked datasets with the published points. */
    private void compare(java.util.List<org.pmlp.explore.Anchors.Anchor> published, List<Benchmark.Row> rows,
                         org.pmlp.eda.liberty.LibertyFamily.Member low) {
        if (published != null) {
            org.pmlp.explore.AnchorComparison.write(output, rows.stream().map(Benchmark.Row::dataset).toList(),
                    published, org.pmlp.explore.AnchorComparison.nominalVdd(eda.liberty()),
                    org.pmlp.explore.AnchorComparison.lowVoltage(low, eda.clockHz, eda.timeout), System.out);
        }
    }

    /** Says which designs failed verification (across the rows) and returns how many. */
    private static int failedDesigns(List<Benchmark.Row> rows) {
        java.util.List<String> failed = rows.stream()
                .flatMap(r -> r.failed().stream().map(id -> r.dataset() + "/" + id)).toList();
        if (!failed.isEmpty()) {
            System.out.println("VERIFICATION FAILED: the RTL or netlist disagrees with the golden model in "
                    + String.join(", ", failed) + " (a pmlp bug; please report it)");
        }
        return failed.size();
    }

    /** True when --clock-hz was given; otherwise each dataset runs at the literature's clock (pendigits 4 Hz). */
    private boolean clockGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--clock-hz");
    }

    /** The command of one dataset's job: this benchmark for that dataset alone, in a JVM like this one. */
    private List<String> jobCommand(String dataset) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.add(Path.of(e).toAbsolutePath().toString());
        }
        cmd.add(String.join(java.io.File.pathSeparator, cp));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of("bench", "--only", dataset, "--datasets", datasets.toAbsolutePath().toString(),
                "-o", output.toAbsolutePath().toString(), "--seed", Long.toString(seed),
                "--population", Integer.toString(population), "--generations", Integer.toString(generations),
                "--retrain-epochs", Integer.toString(retrainEpochs), "--jobs", Integer.toString(jobs),
                "--verify-limit", Integer.toString(verifyLimit), "--timeout", Long.toString(eda.timeout),
                "--heap", eda.heap, "--registers", registers, "--topologies", topologies));
        if (clockGiven()) {
            cmd.addAll(List.of("--clock-hz", Double.toString(eda.clockHz)));
        }
        if (power) {
            cmd.add("--power");
        }
        if (eda.liberty != null) {
            cmd.addAll(List.of("--liberty", eda.liberty.toAbsolutePath().toString()));
        }
        if (eda.costModel != null) {
            cmd.addAll(List.of("--cost-model", eda.costModel.toAbsolutePath().toString()));
        }
        if (libertyDir != null) {
            cmd.addAll(List.of("--liberty-dir", libertyDir.toAbsolutePath().toString(), "--low-vdd", Double.toString(lowVdd)));
        }
        return cmd;
    }
}
