package org.pmlp.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Pass;
import org.pmlp.approx.PassKind;
import org.pmlp.approx.PassRegistry;
import org.pmlp.approx.RandomDraw;
import org.pmlp.ir.WidthInference;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantSpec;
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
        if (small && noHiddenLayer(seed)) {
            hiddenLayers = 0; // a linear classifier: the output layer on the inputs (bench's topology 0)
        }
        int classes = small ? 2 + r.nextInt(5) : 2 + r.nextInt(6);
        Mlp model = model(r, seed, features, hiddenLayers, classes, small ? 1 : 2);
        QuantSpec spec = small
                ? new QuantSpec(2 + r.nextInt(5), 3 + r.nextInt(6), r.nextInt(5) == 0 ? 0 : 3 + r.nextInt(6))
                : new QuantSpec(4, 8, 8);
        ModelShape shape = ModelShape.of(model);
        int[][] calibration = calibration(r, features, spec.inputBits());
        DesignConfig config = new DesignConfig(spec, passes(r, shape, spec, small ? RandomDraw.ANY : RandomDraw.REALISTIC));
        return new Sample(model, config, r.nextBoolean() ? HeapStyle.TWOS_COMPLEMENT : HeapStyle.SPLIT, calibration);
    }

    /**
     * One SMALL sample in eight has no hidden layer, drawn from its own stream so the other
     * samples keep the shapes and knobs they had.
     */
    static boolean noHiddenLayer(long seed) {
        return new SplittableRandom(seed ^ 0x5eedL << 20).nextInt(8) == 0;
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
            DesignConfig config = new DesignConfig(spec, passes(new SplittableRandom(configSeed), ModelShape.of(model), spec, RandomDraw.WIDE));
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

    /**
     * An exact design (the literature's formats: 4-bit inputs, 8-bit weights) of a random
     * one-hidden-layer model with the given shape, like the exact literature designs.
     */
    public static Sample exactOfShape(long seed, int features, int hidden, int classes) {
        SplittableRandom r = new SplittableRandom(seed);
        Mlp model = model(r, seed, features, 1, classes, hidden, hidden);
        QuantSpec spec = new QuantSpec(4, 8, 8);
        return new Sample(model, DesignConfig.exact(ModelShape.of(model), spec), HeapStyle.TWOS_COMPLEMENT,
                calibration(r, features, spec.inputBits()));
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
        return model(r, seed, features, hiddenLayers, classes, minHidden, -1);
    }

    /** {@code hidden} > 0 fixes every hidden layer's width; otherwise each is drawn. */
    private static Mlp model(SplittableRandom r, long seed, int features, int hiddenLayers, int classes, int minHidden,
                             int hidden) {
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = features;
        for (int l = 0; l <= hiddenLayers; l++) {
            boolean last = l == hiddenLayers;
            int out = last ? classes : hidden > 0 ? hidden : minHidden + r.nextInt(minHidden == 2 && hiddenLayers > 2 ? 2 : 5);
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

    /** Every registered pass draws itself (see {@link PassKind#random}), in flow order. */
    private static List<Pass> passes(SplittableRandom r, ModelShape shape, QuantSpec spec, RandomDraw draw) {
        List<Pass> passes = new ArrayList<>();
        for (PassKind k : PassRegistry.kinds()) {
            Pass p = k.random(r, draw, shape, spec, passes);
            if (p != null) {
                passes.add(p);
            }
        }
        return passes;
    }

    private static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
