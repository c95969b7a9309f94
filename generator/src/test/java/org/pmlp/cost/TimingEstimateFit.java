package org.pmlp.cost;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.pmlp.ir.Circuit;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;
import org.pmlp.rtl.VerilogEmitter;

/**
 * Not a test: fits {@link TimingEstimate}'s gate delays and register offsets to the OpenSTA
 * figures {@link TimingEstimateAccuracyTest#main} wrote (OUT/timing.csv), minimizing the largest
 * relative error (then the mean), by a seeded random local search. Prints the coefficients and
 * each design's error. Usage: {@code TimingEstimateFit OUT/timing.csv}.
 */
public final class TimingEstimateFit {
    private TimingEstimateFit() {
    }

    record Point(String name, java.util.function.ToDoubleFunction<GateDelays> path, Registers registers, HeapStyle style, double sta) {
    }

    /** Parameters: NOT, AND, OR, XOR, XOR3, MAJ delays; base offset; input-register and output-register offsets; delay per extra load. */
    static double estimate(double[] p, Point x) {
        GateDelays g = new GateDelays(p[0], p[1], p[2], p[3], p[4], p[5], p[9]);
        return x.path().applyAsDouble(g) * (x.style() == HeapStyle.SPLIT ? p[10] : 1) + p[6] + (x.registers().inputs() ? p[7] : 0)
                + (x.registers().outputs() ? p[8] : 0);
    }

    static double[] errors(double[] p, List<Point> pts) {
        double[] e = new double[pts.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(estimate(p, pts.get(i)) - pts.get(i).sta()) / pts.get(i).sta();
        }
        return e;
    }

    static final int ITER = Integer.getInteger("iter", 40000);
    static final double W_MAX = Double.parseDouble(System.getProperty("wmax", "3"));

    static double loss(double[] p, List<Point> pts) {
        double[] e = errors(p, pts);
        return W_MAX * Arrays.stream(e).max().orElse(0) + Arrays.stream(e).average().orElse(0);
    }

    public static void main(String[] args) throws Exception {
        List<Point> pts = new ArrayList<>();
        List<TimingEstimateAccuracyTest.Case> cases = TimingEstimateAccuracyTest.cases();
        double minMs = args.length > 1 ? Double.parseDouble(args[1]) : 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split(",");
            double sta = Double.parseDouble(f[1]);
            if (Double.isNaN(sta) || sta < minMs) {
                continue;
            }
            TimingEstimateAccuracyTest.Case c = cases.stream().filter(k -> k.name().equals(f[0])).findFirst().orElseThrow();
            pts.add(new Point(c.name(), VerilogEmitter.timing(c.compile().circuit(), c.sample().style()), c.registers(), c.sample().style(), sta));
        }
        GateDelays g = TimingEstimate.GATES;
        double[] p = {g.not(), g.and(), g.or(), g.xor(), g.xor3(), g.maj(), TimingEstimate.OFFSET_MS,
            TimingEstimate.INPUT_REGISTER_MS, TimingEstimate.OUTPUT_REGISTER_MS, g.perLoad(), TimingEstimate.SPLIT_FACTOR};
        double best = loss(p, pts);
        System.out.printf(Locale.ROOT, "before: largest %.1f%%%n", 100 * Arrays.stream(errors(p, pts)).max().orElse(0));
        SplittableRandom r = new SplittableRandom(Long.getLong("seed", 1));
        for (int it = 0; it < ITER; it++) {
            double[] q = p.clone();
            double scale = it < ITER / 2 ? 0.1 : 0.02;
            for (int k = 0; k < q.length; k++) {
                if (r.nextInt(3) == 0) {
                    double step = scale * r.nextGaussian();
                    q[k] = k < 6 ? Math.max(0.05, q[k] * (1 + step)) : k < 9 ? q[k] + 10 * step : k == 9 ? Math.max(0, q[k] + step) : q[k] * (1 + step);
                }
            }
            double l = loss(q, pts);
            if (l < best) {
                best = l;
                p = q;
            }
        }
        double[] e = errors(p, pts);
        for (int i = 0; i < pts.size(); i++) {
            System.out.printf(Locale.ROOT, "%-16s %-7s est %7.1f sta %7.1f %5.1f%%%n", pts.get(i).name(),
                    pts.get(i).registers().label(), estimate(p, pts.get(i)), pts.get(i).sta(), 100 * e[i]);
        }
        double[] s = e.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "params %s%nmedian %.1f%% largest %.1f%% n=%d%n", Arrays.toString(p),
                100 * s[s.length / 2], 100 * s[s.length - 1], s.length);
    }
}
