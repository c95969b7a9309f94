package org.pmlp.design;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pmlp.ToolFailure;
import org.pmlp.cost.CellFigures;
import org.pmlp.cost.CostFeatures;
import org.pmlp.cost.CostModel;
import org.pmlp.cost.CostModels;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.cost.Fit;
import org.pmlp.cost.ScaleFit;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.exec.Executor;
import org.pmlp.exec.Job;
import org.pmlp.exec.JobResult;
import org.pmlp.exec.LocalExecutor;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.util.Files2;
import org.pmlp.util.Parallel;
import org.pmlp.util.Json;

/**
 * Calibrates the cost model against the real flow: synthesizes random designs with Yosys,
 * measures their power on the gate-level netlist, fits the model's coefficients, and reports
 * how well the estimate ranks and predicts designs it was not fitted on. Also measures the two
 * heap styles against each other.
 */
public final class Calibration {
    /** One synthesized design: its features and what the flow measured. */
    public record Sample(long seed, CostFeatures features, double areaUm2, double powerMw, double splitAreaUm2) {
    }

    /** Figures of a calibration run. */
    public record Outcome(CostModel model, List<Sample> samples, double areaSpearman, double areaMedianError,
                          double powerSpearman, double powerMedianError, double initialAreaSpearman,
                          double initialAreaMedianError, double splitOverTwos) {
    }

    private Calibration() {
    }

    public static Outcome run(int designs, long seed, Path liberty, int compareHeaps, int jobs, long timeout,
                              PrintStream log) {
        return run(designs, seed, liberty, compareHeaps, jobs, timeout, log, new LocalExecutor(jobs, 2 * timeout));
    }

    /**
     * As above, with the syntheses run by {@code executor} as one batch. Designs whose job did not
     * finish (after the executor's attempts) are reported, counted in {@link #failedJobs} and left
     * out of the fit.
     */
    public static Outcome run(int designs, long seed, Path liberty, int compareHeaps, int jobs, long timeout,
                              PrintStream log, Executor executor) {
        List<Sample> out = samples(designs, seed, liberty, compareHeaps, jobs, timeout, log, executor);
        return evaluate(out, CellFigures.of(liberty), shipped(liberty));
    }

    /** How well a model estimates designs: Spearman's rho and the median relative error, area and power. */
    public record Score(double areaSpearman, double areaMedianError, double powerSpearman, double powerMedianError) {
    }

    /** Scores {@code model} on the given synthesized designs (held out: not those it was fitted on). */
    public static Score score(CostModel model, List<Sample> samples) {
        int n = samples.size();
        double[] area = new double[n];
        double[] power = new double[n];
        double[] estArea = new double[n];
        double[] estPower = new double[n];
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            area[i] = s.areaUm2();
            power[i] = s.powerMw();
            estArea[i] = model.areaUm2(s.features());
            estPower[i] = model.powerMw(s.features());
        }
        return new Score(Fit.spearman(estArea, area), Fit.medianRelativeError(estArea, area),
                Fit.spearman(estPower, power), Fit.medianRelativeError(estPower, power));
    }

    /**
     * Synthesizes random designs (seeds {@code seed} on) with Yosys and measures them: their
     * features, synthesized area and gate-level power. Designs with constant outputs are skipped;
     * designs whose job failed are reported and counted in {@link #failedJobs}.
     */
    public static List<Sample> samples(int designs, long seed, Path liberty, int compareHeaps, int jobs, long timeout,
                                       PrintStream log, Executor executor) {
        Path work = SelfCheck.scratch(executor, "pmlp-calibrate-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Written>> futures = new ArrayList<>();
            for (int i = 0; i < designs; i++) {
                long s = seed + i;
                boolean compare = i < compareHeaps;
                futures.add(pool.submit(() -> write(s, work.resolve("d" + s), liberty, compare)));
            }
            List<Written> written = futures.stream().map(Parallel::join).filter(w -> w != null).toList();
            List<Job> batch = new ArrayList<>();
            for (Written w : written) {
                batch.add(synthJob("seed " + w.seed(), w.dir(), timeout));
                if (w.split() != null) {
                    batch.add(synthJob("seed " + w.seed() + " (split heap)", w.split(), timeout));
                }
            }
            List<JobResult> results = executor.run(work.resolve("batch"), batch, log);
            List<Future<Sample>> samples = new ArrayList<>();
            int k = 0;
            int failed = 0;
            for (Written w : written) {
                JobResult main = results.get(k++);
                JobResult split = w.split() == null ? null : results.get(k++);
                for (JobResult r : split == null ? List.of(main) : List.of(main, split)) {
                    if (!r.done()) {
                        log.printf("%s: its synthesis job failed: %s%n", r.job().name(), r.failure());
                    }
                }
                if (!main.done() || split != null && !split.done()) {
                    failed++;
                    continue;
                }
                samples.add(pool.submit(() -> measure(w)));
            }
            List<Sample> out = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                out.add(Parallel.join(samples.get(i)));
                if ((i + 1) % 10 == 0 || i + 1 == samples.size()) {
                    log.printf("measured %d of %d synthesized designs%n", i + 1, samples.size());
                }
            }
            failedJobs = failed;
            return out;
        } finally {
            Parallel.shutdown(pool);
            DesignFolder.discard(work);
        }
    }

    /** Designs left out of the last run because their synthesis job failed (batch executors). */
    public static volatile int failedJobs;

    private static Job synthJob(String name, Path dir, long timeout) {
        return new Job(name, dir, List.of("make", "--no-print-directory", "synth", "TIMEOUT=" + timeout),
                List.of("synth/stat.txt", "synth/netlist.v", "synth/netlist.json"));
    }

    /** A random design written with its library prepared, waiting for synthesis (and its split-heap twin). */
    private record Written(long seed, Path dir, Path split, CompiledDesign design, TestVectors vectors,
                           org.pmlp.rtl.RtlDesign rtl, YosysSynthesis.Library library) {
    }

    private static Written write(long seed, Path dir, Path liberty, boolean compare) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.REALISTIC);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 200, seed);
        if (java.util.Arrays.stream(v.golden()).distinct().count() < 2) {
            return null; // a constant classifier: synthesis deletes it, nothing to calibrate on
        }
        var rtl = DesignWriter.write(d, v, dir, liberty, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
        YosysSynthesis.Library lib = YosysSynthesis.prepareLibrary(dir,
                liberty == null ? dir.resolve(DesignWriter.DEFAULT_LIBERTY) : liberty);
        Path dir2 = null;
        if (compare) {
            dir2 = dir.resolveSibling(dir.getFileName() + "-split");
            DesignWriter.write(d, v, dir2, liberty, HeapStyle.SPLIT, Double.NaN);
            YosysSynthesis.prepareLibrary(dir2, liberty == null ? dir2.resolve(DesignWriter.DEFAULT_LIBERTY) : liberty);
            dir2 = dir2.toAbsolutePath().normalize();
        }
        return new Written(seed, dir.toAbsolutePath().normalize(), dir2, d, v, rtl, lib);
    }

    private static Sample measure(Written w) {
        YosysSynthesis.Result syn = YosysSynthesis.readResult(w.dir(), Double.NaN, w.library());
        NetlistCheck.Result gate = NetlistCheck.run(new DesignFolder(w.dir()).netlist(), syn.library(), w.rtl().ports(),
                w.vectors().q(), w.vectors().golden(), 5);
        if (gate.mismatches() > 0) {
            throw new ToolFailure("random design " + w.seed() + ": the netlist disagrees with the golden model on "
                    + gate.mismatches() + " vectors");
        }
        double split = Double.NaN;
        if (w.split() != null) {
            split = YosysSynthesis.readResult(w.split(), Double.NaN, w.library()).areaUm2();
            Files2.deleteTree(w.split());
        }
        Files2.deleteTree(w.dir());
        return new Sample(w.seed(), FeatureCounter.count(w.design().circuit(), HeapStyle.TWOS_COMPLEMENT), syn.areaUm2(),
                gate.power().totalMw(), split);
    }

    /**
     * Fits on every other design and scores on the rest (held out); the model returned is then
     * refitted on all designs.
     */
    static Outcome evaluate(List<Sample> samples, CellFigures cells, CostModel initial) {
        List<Sample> fit = new ArrayList<>();
        List<Sample> held = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            (i % 2 == 0 ? fit : held).add(samples.get(i));
        }
        CostModel partial = fitModel(fit, cells);
        double[] area = new double[held.size()];
        double[] power = new double[held.size()];
        double[] estArea = new double[held.size()];
        double[] estPower = new double[held.size()];
        double[] initArea = new double[held.size()];
        for (int i = 0; i < held.size(); i++) {
            Sample s = held.get(i);
            area[i] = s.areaUm2();
            power[i] = s.powerMw();
            estArea[i] = partial.areaUm2(s.features());
            estPower[i] = partial.powerMw(s.features());
            initArea[i] = initial == null ? Double.NaN : initial.areaUm2(s.features());
        }
        List<Double> ratios = new ArrayList<>();
        for (Sample s : samples) {
            if (!Double.isNaN(s.splitAreaUm2()) && s.areaUm2() > 0) {
                ratios.add(s.splitAreaUm2() / s.areaUm2());
            }
        }
        double ratio = ratios.isEmpty() ? Double.NaN : ratios.stream().sorted().toList().get(ratios.size() / 2);
        return new Outcome(fitModel(samples, cells), samples, Fit.spearman(estArea, area), Fit.medianRelativeError(estArea, area),
                Fit.spearman(estPower, power), Fit.medianRelativeError(estPower, power), Fit.spearman(initArea, area),
                Fit.medianRelativeError(initArea, area), ratio);
    }

    /** The shipped model of a liberty (null: none matches its cells). */
    private static CostModel shipped(Path liberty) {
        CostModel m = CostModels.resolve(null, liberty, new PrintStream(java.io.OutputStream.nullOutputStream()));
        return m.source().startsWith("uncalibrated") ? null : m;
    }

    static CostModel fitModel(List<Sample> samples, CellFigures cells) {
        double[][] x = new double[samples.size()][];
        double[] area = new double[samples.size()];
        double[] power = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).features().vector();
            area[i] = samples.get(i).areaUm2();
            power[i] = samples.get(i).powerMw();
        }
        ScaleFit.Result a = ScaleFit.fit(x, cells.areaUm2(), area);
        ScaleFit.Result p = ScaleFit.fit(x, cells.leakageMw(), power);
        return new CostModel(cells, a.scale(), a.factor(), p.scale(), p.factor(),
                "calibrated on " + samples.size() + " designs");
    }

    /** The coefficient file, with the figures that justify it. */
    public static ObjectNode toJson(Outcome o, int requested, long seed, String liberty) {
        ObjectNode extra = Json.object();
        ObjectNode cal = extra.putObject("calibration");
        cal.put("designs", requested);
        cal.put("designs_used", o.samples().size());
        cal.put("excluded", "random designs whose golden outputs are constant (synthesis deletes them)");
        cal.put("seed", seed);
        cal.put("liberty", java.nio.file.Path.of(liberty).getFileName().toString());
        cal.put("held_out_area_spearman", o.areaSpearman());
        cal.put("held_out_area_median_relative_error", o.areaMedianError());
        cal.put("held_out_power_spearman", o.powerSpearman());
        cal.put("held_out_power_median_relative_error", o.powerMedianError());
        cal.put("command", "pmlp calibrate --designs " + requested + " --seed " + seed
                + (liberty.equals(CellFigures.DEFAULT_LIBERTY) ? "" : " --liberty " + java.nio.file.Path.of(liberty).getFileName())
                + " -o pdk/" + java.nio.file.Path.of(liberty).getFileName().toString().replaceFirst("\\.lib$", "")
                + ".cost.json");
        return o.model().toJson(extra);
    }
}
