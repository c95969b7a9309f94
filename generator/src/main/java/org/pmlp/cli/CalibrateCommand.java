package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.design.Calibration;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Benchmark and fit the cost model against the real flow: synthesize random designs (random "
                + "MLPs under random approximations) with Yosys, measure gate-level power, fit the model on half of "
                + "them, and print Spearman's rank correlation and the median relative error of the estimate on the "
                + "other half. Also measures the two bit-heap styles against each other.",
                "With -o, writes the model refitted on all designs, for --cost-model of generate, run, explore and "
                        + "bench (pmlp ships pdk/egfet_1v0.cost.json for its default library and "
                        + "pdk/PPDK_Standard_Library_1.0V_25C_TYP_X1.cost.json for the public EGFET 1.0 V one, made so)."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--designs", defaultValue = "100", description = "Random designs to synthesize (default: ${DEFAULT-VALUE}).")
    int designs;

    @Option(names = "--seed", defaultValue = "1", description = "First random design's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--liberty", paramLabel = "FILE", description = "Cell library (default: pmlp's EGFET 1.0 V library).")
    Path liberty;

    @Option(names = "--compare-heaps", defaultValue = "20",
            description = "Also synthesize this many designs with the split heap style (default: ${DEFAULT-VALUE}).")
    int compareHeaps;

    @Option(names = "--jobs", defaultValue = "2", description = "Parallel synthesis jobs (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit per tool run in seconds (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the fitted coefficients here.")
    Path output;

    @Option(names = "--samples", paramLabel = "FILE.csv",
            description = "Write every design's features, measured area and power, and estimates as CSV.")
    Path samples;

    @picocli.CommandLine.Mixin
    ExecutorOptions exec;

    @Override
    public Integer call() {
        if (designs < 4) {
            throw new UserError("--designs must be at least 4 (half fit, half held out), got " + designs);
        }
        OptionUse.requirePositive("--jobs", jobs);
        OptionUse.requireFileTarget("--output", output);
        OptionUse.requireFileTarget("--samples", samples);
        OptionUse.requirePositive("--timeout", timeout);
        if (compareHeaps < 0) {
            throw new UserError("--compare-heaps must be at least 0, got " + compareHeaps);
        }
        if (liberty != null && !java.nio.file.Files.isRegularFile(liberty)) {
            throw new UserError(liberty + ": no such liberty file");
        }
        long start = System.nanoTime();
        var executor = exec.create(jobs, 2 * timeout);
        Calibration.Outcome o = Calibration.run(designs, seed, liberty, compareHeaps, jobs, timeout, System.out, executor);
        System.out.printf("%ncost model calibration on %d random designs (seeds %d..%d; %d with constant outputs"
                + " excluded), %.0f s%n", o.samples().size(), seed, seed + designs - 1, designs - o.samples().size(),
                (System.nanoTime() - start) / 1e9);
        System.out.printf("held-out area:  Spearman %.4f, median relative error %.2f%%%n", o.areaSpearman(),
                100 * o.areaMedianError());
        System.out.printf("held-out power: Spearman %.4f, median relative error %.2f%%%n", o.powerSpearman(),
                100 * o.powerMedianError());
        if (Double.isNaN(o.initialAreaMedianError())) {
            System.out.println("pmlp ships no cost model for this library (see --cost-model)");
        } else {
            System.out.printf("shipped coefficients on the same designs: area Spearman %.4f, median relative error"
                    + " %.2f%%%n", o.initialAreaSpearman(), 100 * o.initialAreaMedianError());
        }
        if (!Double.isNaN(o.splitOverTwos())) {
            System.out.printf("heap styles: split / two's complement area, median over %d designs: %.3f%n",
                    Math.min(compareHeaps, designs), o.splitOverTwos());
        }
        if (samples != null) {
            StringBuilder csv = new StringBuilder("seed," + String.join(",", org.pmlp.cost.CostFeatures.NAMES)
                    + ",area_um2,estimated_area_um2,power_mw,estimated_power_mw,split_area_um2\n");
            for (Calibration.Sample s : o.samples()) {
                csv.append(s.seed());
                for (double v : s.features().vector()) {
                    csv.append(',').append((long) v);
                }
                csv.append(',').append(s.areaUm2()).append(',').append(o.model().areaUm2(s.features()))
                        .append(',').append(s.powerMw()).append(',').append(o.model().powerMw(s.features()))
                        .append(',').append(Double.isNaN(s.splitAreaUm2()) ? "" : Double.toString(s.splitAreaUm2()))
                        .append('\n');
            }
            Files2.writeAtomically(samples, csv.toString());
        }
        if (output != null) {
            Files2.writeAtomically(output, Json.write(Calibration.toJson(o, designs, seed,
                    liberty == null ? "pdk/egfet_1v0.lib" : liberty.toString())));
            System.out.println("coefficients written to " + output);
        }
        if (Calibration.failedJobs > 0) {
            System.out.printf("%d designs left out: their synthesis jobs failed (see above)%n", Calibration.failedJobs);
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }
}
