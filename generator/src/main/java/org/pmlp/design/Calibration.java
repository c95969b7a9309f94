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
import org.pmlp.cost.CostFeatures;
import org.pmlp.cost.CostModel;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.cost.Fit;
import org.pmlp.eda.YosysSynthesis;
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
        Path work = Parallel.scratch("pmlp-calibrate-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<Sample>> futures = new ArrayList<>();
            for (int i = 0; i < designs; i++) {
                long s = seed + i;
                boolean compare = i < compareHeaps;
                futures.add(pool.submit(() -> measure(s, work.resolve("d" + s), liberty, compare, timeout)));
            }
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Sample sample = Parallel.join(futures.get(i));
                if (sample != null) {
                    samples.add(sample);
                }
                if ((i + 1) % 10 == 0 || i + 1 == futures.size()) {
                    log.printf("synthesized %d of %d designs%n", i + 1, futures.size());
                }
            }
            return evaluate(samples);
        } finally {
            Parallel.shutdown(pool);
            DesignFolder.discard(work);
        }
    }

    private static Sample measure(long seed, Path dir, Path liberty, boolean compare, long timeout) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.REALISTIC);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 200, seed);
        if (java.util.Arrays.stream(v.golden()).distinct().count() < 2) {
            return null; // a constant classifier: synthesis deletes it, nothing to calibrate on
        }
        var rtl = DesignWriter.write(d, v, dir, liberty, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
        Path lib = liberty == null ? dir.resolve(DesignWriter.DEFAULT_LIBERTY) : liberty;
        YosysSynthesis.Result syn = YosysSynthesis.run(dir, lib, timeout);
        NetlistCheck.Result gate = NetlistCheck.run(new DesignFolder(dir).netlist(), syn.library(), rtl.ports(),
                v.q(), v.golden(), 5);
        if (gate.mismatches() > 0) {
            throw new ToolFailure("random design " + seed + ": the netlist disagrees with the golden model on "
                    + gate.mismatches() + " vectors");
        }
        double split = Double.NaN;
        if (compare) {
            Path dir2 = dir.resolveSibling(dir.getFileName() + "-split");
            DesignWriter.write(d, v, dir2, liberty, HeapStyle.SPLIT, Double.NaN);
            split = YosysSynthesis.run(dir2, liberty == null ? dir2.resolve(DesignWriter.DEFAULT_LIBERTY) : liberty,
                    timeout).areaUm2();
            Files2.deleteTree(dir2);
        }
        Files2.deleteTree(dir);
        return new Sample(seed, FeatureCounter.count(d.circuit(), HeapStyle.TWOS_COMPLEMENT), syn.areaUm2(),
                gate.power().totalMw(), split);
    }

    /**
     * Fits on every other design and scores on the rest (held out); the model returned is then
     * refitted on all designs.
     */
    static Outcome evaluate(List<Sample> samples) {
        List<Sample> fit = new ArrayList<>();
        List<Sample> held = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            (i % 2 == 0 ? fit : held).add(samples.get(i));
        }
        CostModel partial = fitModel(fit);
        CostModel initial = CostModel.defaults();
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
            initArea[i] = initial.areaUm2(s.features());
        }
        List<Double> ratios = new ArrayList<>();
        for (Sample s : samples) {
            if (!Double.isNaN(s.splitAreaUm2()) && s.areaUm2() > 0) {
                ratios.add(s.splitAreaUm2() / s.areaUm2());
            }
        }
        double ratio = ratios.isEmpty() ? Double.NaN : ratios.stream().sorted().toList().get(ratios.size() / 2);
        return new Outcome(fitModel(samples), samples, Fit.spearman(estArea, area), Fit.medianRelativeError(estArea, area),
                Fit.spearman(estPower, power), Fit.medianRelativeError(estPower, power), Fit.spearman(initArea, area),
                Fit.medianRelativeError(initArea, area), ratio);
    }

    static CostModel fitModel(List<Sample> samples) {
        double[][] x = new double[samples.size()][];
        double[] area = new double[samples.size()];
        double[] power = new double[samples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = samples.get(i).features().vector();
            area[i] = samples.get(i).areaUm2();
            power[i] = samples.get(i).powerMw();
        }
        return new CostModel(Fit.nonNegativeLeastSquares(x, area), Fit.nonNegativeLeastSquares(x, power),
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
        cal.put("liberty", liberty);
        cal.put("held_out_area_spearman", o.areaSpearman());
        cal.put("held_out_area_median_relative_error", o.areaMedianError());
        cal.put("held_out_power_spearman", o.powerSpearman());
        cal.put("held_out_power_median_relative_error", o.powerMedianError());
        cal.put("command", "pmlp calibrate --designs " + requested + " --seed " + seed + " -o pdk/egfet_1v0.cost.json");
        return o.model().toJson(extra);
    }
}
