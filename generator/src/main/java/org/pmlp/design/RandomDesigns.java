package org.pmlp.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.ArgmaxPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.MaskPass;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Pass;
import org.pmlp.approx.PruningPass;
import org.pmlp.approx.TruncationPass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.approx.Window;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.WidthInference;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.quant.CsdFormat;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.Po2Format;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.TernaryFormat;
import org.pmlp.quant.WeightFormat;
import org.pmlp.rtl.HeapStyle;

/**
 * Random MLPs with random configurations over every approximation knob, for the self-check and
 * the randomized equivalence tests. Everything follows from the seed.
 */
public final class RandomDesigns {
    private RandomDesigns() {
    }

    /** A random design: model, configuration, heap style and calibration inputs. */
    public record Sample(Mlp model, DesignConfig config, HeapStyle style, int[][] calibration) {
    }

    /**
     * How wild the samples are. SMALL: tiny networks and any knob value at all, for checking
     * bit-exactness in corners. REALISTIC: the sizes of printed MLPs and the literature's formats
     * under moderate approximation, for calibrating the cost model. WIDE: deep and wide values
     * with few neurons: up to 4 hidden layers, 8-bit inputs, weights of up to 16 bits, full-width
     * activations ({@code act_bits} 0) and any other knob; the weight width is lowered one bit at
     * a time until every sum fits the supported {@link WidthInference#MAX_BITS} bits, so the widest
     * sums sit near the limit (designs beyond it are refused, see {@code WidthLimitTest}).
     */
    public enum Profile { SMALL, REALISTIC, WIDE }

    public static Sample sample(long seed) {
        return sample(seed, Profile.SMALL);
    }

    public static Sample sample(long seed, Profile profile) {
        if (profile == Profile.WIDE) {
            return wide(seed);
        }
        SplittableRandom r = new SplittableRandom(seed);
        boolean small = profile == Profile.SMALL;
        int features = small ? 1 + r.nextInt(12) : 6 + r.nextInt(19);
        int hiddenLayers = 1 + (r.nextInt(small ? 4 : 6) == 0 ? 1 : 0);
        int classes = small ? 2 + r.nextInt(5) : 2 + r.nextInt(6);
        Mlp model = model(r, seed, features, hiddenLayers, classes, small ? 1 : 2);
        QuantSpec spec = small
                ? new QuantSpec(2 + r.nextInt(5), 3 + r.nextInt(6), r.nextInt(5) == 0 ? 0 : 3 + r.nextInt(6))
                : new QuantSpec(4, 8, 8);
        ModelShape shape = ModelShape.of(model);
        int[][] calibration = calibration(r, features, spec.inputBits());
        DesignConfig config = new DesignConfig(spec, small ? passes(r, shape, spec, false) : realistic(r, shape, spec));
        return new Sample(model, config, r.nextBoolean() ? HeapStyle.TWOS_COMPLEMENT : HeapStyle.SPLIT, calibration);
    }

    /** A WIDE sample: the largest weight width (from the drawn one down) at which every sum fits. */
    private static Sample wide(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int features = 2 + r.nextInt(4);
        int hiddenLayers = 1 + r.nextInt(4);
        int classes = 2 + r.nextInt(3);
        Mlp model = model(r, seed, features, hiddenLayers, classes, 2);
        int weightBits = 10 + r.nextInt(7);
        int[][] calibration = calibration(r, features, 8);
        long configSeed = r.nextLong();
        HeapStyle style = r.nextBoolean() ? HeapStyle.TWOS_COMPLEMENT : HeapStyle.SPLIT;
        for (int bits = weightBits; ; bits--) {
            QuantSpec spec = new QuantSpec(8, bits, 0);
            DesignConfig config = new DesignConfig(spec, passes(new SplittableRandom(configSeed), ModelShape.of(model), spec, true));
            try {
                DesignFlow.compileRetrained(model, config, calibration);
                return new Sample(model, config, style, calibration);
            } catch (org.pmlp.UserError tooWide) {
                if (bits == 2) {
                    throw new IllegalStateException("no weight width fits design " + seed + ": " + tooWide.getMessage());
                }
            }
        }
    }

    private static int[][] calibration(SplittableRandom r, int features, int inputBits) {
        int[][] calibration = new int[32][features];
        for (int[] row : calibration) {
            for (int i = 0; i < features; i++) {
                row[i] = r.nextInt(1 << inputBits);
            }
        }
        return calibration;
    }

    private static Mlp model(SplittableRandom r, long seed, int features, int hiddenLayers, int classes, int minHidden) {
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = features;
        for (int l = 0; l <= hiddenLayers; l++) {
            boolean last = l == hiddenLayers;
            int out = last ? classes : minHidden + r.nextInt(minHidden == 2 && hiddenLayers > 2 ? 2 : 5);
            double[][] w = new double[out][fanIn];
            double[] b = new double[out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < fanIn; i++) {
                    w[j][i] = r.nextInt(8) == 0 ? 0 : gaussian(r) * 1.5;
                }
                b[j] = gaussian(r);
            }
            layers.add(new DenseLayer(w, b, last ? Activation.SOFTMAX : Activation.RELU));
            fanIn = out;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add("f" + i);
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        return new Mlp(names, labels, new InputScaler.Identity(), layers, null, Map.of("random_seed", seed));
    }

    /** Any knob at any value; with {@code fullWidth}, every activation keeps its sum's full width. */
    private static List<Pass> passes(SplittableRandom r, ModelShape shape, QuantSpec spec, boolean fullWidth) {
        List<Pass> passes = new ArrayList<>();
        int layers = shape.layers();
        if (r.nextBoolean()) {
            WeightFormat[] formats = new WeightFormat[layers];
            for (int l = 0; l < layers; l++) {
                formats[l] = format(r, spec.weightBits());
            }
            passes.add(new WeightFormatPass(formats, 0));
        }
        if (r.nextInt(3) == 0) {
            double[] f = new double[layers];
            for (int l = 0; l < layers; l++) {
                f[l] = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.6;
            }
            passes.add(new PruningPass(f));
        }
        if (r.nextBoolean()) {
            int[] bits = new int[shape.features()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = r.nextInt(spec.inputBits() + 1);
            }
            passes.add(new InputBitsPass(bits));
        }
        ActivationPass act = fullWidth ? fullWidth(r, shape) : activation(r, shape, spec);
        passes.add(act);
        if (r.nextBoolean()) {
            passes.add(new MaskPass(masks(r, shape, spec, act)));
        }
        if (r.nextBoolean()) {
            int[][] cols = new int[layers][];
            for (int l = 0; l < layers; l++) {
                cols[l] = new int[shape.layerSizes()[l]];
                for (int j = 0; j < cols[l].length; j++) {
                    cols[l][j] = r.nextInt(3) == 0 ? 0 : r.nextInt(10);
                }
            }
            passes.add(new TruncationPass(cols, r.nextBoolean()));
        }
        if (r.nextBoolean()) {
            int k = shape.classes();
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] bits = null;
            if (r.nextBoolean()) {
                bits = new int[k - 1];
                for (int c = 0; c < bits.length; c++) {
                    bits[c] = 1 + r.nextInt(8);
                }
            }
            int[] low = null;
            if (r.nextBoolean()) {
                low = new int[k - 1];
                for (int c = 0; c < low.length; c++) {
                    low[c] = r.nextInt(12);
                }
            }
            passes.add(new ArgmaxPass(order, bits, low));
        }
        return passes;
    }

    /** The literature's knobs at moderate strength. */
    private static List<Pass> realistic(SplittableRandom r, ModelShape shape, QuantSpec spec) {
        List<Pass> passes = new ArrayList<>();
        int layers = shape.layers();
        if (r.nextInt(3) > 0) {
            WeightFormat[] formats = new WeightFormat[layers];
            for (int l = 0; l < layers; l++) {
                formats[l] = format(r, spec.weightBits());
            }
            passes.add(new WeightFormatPass(formats, 0));
        }
        if (r.nextBoolean()) {
            double[] f = new double[layers];
            for (int l = 0; l < layers; l++) {
                f[l] = r.nextDouble() * 0.5;
            }
            passes.add(new PruningPass(f));
        }
        if (r.nextBoolean()) {
            int[] bits = new int[shape.features()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = r.nextInt(6) == 0 ? 0 : Math.max(1, spec.inputBits() - r.nextInt(3));
            }
            passes.add(new InputBitsPass(bits));
        }
        Window[][] hidden = new Window[layers - 1][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new Window[] {Window.ofBits(4 + r.nextInt(5))};
        }
        passes.add(r.nextBoolean()
                ? new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0))
                : new ActivationPass(hidden, ActNode.Kind.RELU, Window.ofBits(4 + r.nextInt(5))));
        if (r.nextBoolean()) {
            long[][][] m = new long[layers][][];
            for (int l = 0; l < layers; l++) {
                int bits = l == 0 ? spec.inputBits() : hidden[l - 1][0].bits();
                m[l] = new long[shape.layerSizes()[l]][shape.fanIn(l)];
                for (long[] row : m[l]) {
                    for (int i = 0; i < row.length; i++) {
                        long full = (1L << bits) - 1;
                        row[i] = r.nextInt(3) == 0 ? full & ~((1L << r.nextInt(bits)) - 1) : full;
                    }
                }
            }
            passes.add(new MaskPass(m));
        }
        if (r.nextBoolean()) {
            int[][] cols = new int[layers][];
            for (int l = 0; l < layers; l++) {
                cols[l] = new int[shape.layerSizes()[l]];
                for (int j = 0; j < cols[l].length; j++) {
                    cols[l][j] = r.nextInt(7);
                }
            }
            passes.add(new TruncationPass(cols, r.nextBoolean()));
        }
        if (r.nextBoolean()) {
            int[] bits = new int[shape.classes() - 1];
            for (int c = 0; c < bits.length; c++) {
                bits[c] = 3 + r.nextInt(10);
            }
            passes.add(new ArgmaxPass(null, bits));
        }
        return passes;
    }

    private static WeightFormat format(SplittableRandom r, int bits) {
        switch (r.nextInt(4)) {
            case 0:
                return new Po2Format(bits);
            case 1:
                return new CsdFormat(bits, 1 + r.nextInt(Math.min(3, bits)));
            case 2:
                return new TernaryFormat(bits);
            default:
                return new FixedFormat(bits);
        }
    }

    private static ActivationPass fullWidth(SplittableRandom r, ModelShape shape) {
        Window[][] hidden = new Window[shape.layers() - 1][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new Window[] {Window.ofBits(0)};
        }
        return r.nextBoolean()
                ? new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0))
                : new ActivationPass(hidden, ActNode.Kind.RELU, Window.ofBits(0));
    }

    private static ActivationPass activation(SplittableRandom r, ModelShape shape, QuantSpec spec) {
        Window[][] hidden = new Window[shape.layers() - 1][];
        for (int l = 0; l < hidden.length; l++) {
            int n = shape.layerSizes()[l];
            if (r.nextBoolean()) {
                hidden[l] = new Window[] {window(r)};
            } else {
                hidden[l] = new Window[n];
                for (int j = 0; j < n; j++) {
                    hidden[l][j] = window(r);
                }
            }
        }
        if (r.nextBoolean()) {
            return new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, r.nextInt(3) == 0 ? r.nextInt(6) : 0));
        }
        return new ActivationPass(hidden, ActNode.Kind.RELU, window(r));
    }

    private static Window window(SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return Window.ofBits(r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(8));
            case 1: {
                int lsb = r.nextInt(10);
                return Window.of(lsb + r.nextInt(8), lsb);
            }
            default:
                return Window.ofBits(2 + r.nextInt(7));
        }
    }

    private static long[][][] masks(SplittableRandom r, ModelShape shape, QuantSpec spec, ActivationPass act) {
        long[][][] m = new long[shape.layers()][][];
        for (int l = 0; l < m.length; l++) {
            if (r.nextInt(3) == 0) {
                continue;
            }
            int n = shape.layerSizes()[l];
            int fanIn = shape.fanIn(l);
            m[l] = new long[n][fanIn];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < fanIn; i++) {
                    int bits = sourceBits(l, i, spec, act);
                    m[l][j][i] = r.nextInt(3) == 0 ? (1L << bits) - 1 : r.nextLong(1L << bits);
                }
            }
        }
        return m;
    }

    private static int sourceBits(int l, int i, QuantSpec spec, ActivationPass act) {
        if (l == 0) {
            return spec.inputBits();
        }
        Window[] w = act.hidden()[l - 1];
        Window win = w.length == 1 ? w[0] : w[i];
        if (win.explicit()) {
            return win.msb() - win.lsb() + 1;
        }
        return win.bits() == 0 ? org.pmlp.ir.WidthInference.MAX_BITS : win.bits(); // as PassRegistry checks masks
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
