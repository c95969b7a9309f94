package org.pmlp.explore;

import java.util.ArrayList;
import java.util.List;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.ArgmaxPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.MaskPass;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Pass;
import org.pmlp.approx.TruncationPass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.approx.Window;
import org.pmlp.ir.ActNode;
import org.pmlp.quant.CsdFormat;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.Po2Format;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.TernaryFormat;
import org.pmlp.quant.WeightFormat;

/**
 * The knobs the search turns, laid out as blocks of integer genes, and how a genome becomes a
 * design configuration. Every block's largest (or, for formats, order and truncation, zero)
 * value is the exact design:
 * <ol>
 * <li>weight format per layer: fixed, csd3, csd2, po2, ternary (each implies its retraining);</li>
 * <li>a feature budget: keep only the n / 2^b most important input features, the network
 *     retrained without the others;</li>
 * <li>bits per input feature, 0..N (0 drops the feature);</li>
 * <li>per connection, how many top bits of its input enter the heap (0 prunes it);</li>
 * <li>per hidden neuron, the width of its ReLU window below the calibrated msb;</li>
 * <li>per neuron, the heap columns truncated (with compensation);</li>
 * <li>per argmax comparator, the low bits it ignores;</li>
 * <li>the class order into the tournament, as a Lehmer code.</li>
 * </ol>
 */
public final class SearchSpace {
    /** One block of genes: {@code length} genes, each in [0, max]. */
    public record Block(String name, int length, int max) {
    }

    static final int MAX_TRUNCATION = 10;
    static final int MAX_IGNORED_LOW_BITS = 16;

    private final ModelShape shape;
    private final QuantSpec spec;
    private final List<WeightFormat> formats;
    private final List<Block> blocks = new ArrayList<>();
    private final int hiddenNeurons;
    private final int[] featureOrder;

    /**
     * @param featureOrder the input features, most important first (what a feature budget
     *     keeps); see {@link #rankFeatures}
     */
    public SearchSpace(ModelShape shape, QuantSpec spec, int[] featureOrder) {
        this.shape = shape;
        this.spec = spec;
        this.featureOrder = featureOrder.clone();
        int m = spec.weightBits();
        this.formats = List.of(new FixedFormat(m), new CsdFormat(m, 3), new CsdFormat(m, 2), new Po2Format(m),
                new TernaryFormat(m));
        int hidden = 0;
        for (int l = 0; l < shape.layers() - 1; l++) {
            hidden += shape.layerSizes()[l];
        }
        this.hiddenNeurons = hidden;
        int actBits = actBits();
        blocks.add(new Block("formats", shape.layers(), formats.size() - 1));
        blocks.add(new Block("feature_budget", 1, Math.min(6, 31 - Integer.numberOfLeadingZeros(shape.features()))));
        blocks.add(new Block("input_bits", shape.features(), spec.inputBits()));
        for (int l = 0; l < shape.layers(); l++) {
            blocks.add(new Block("masks" + l, shape.layerSizes()[l] * shape.fanIn(l), l == 0 ? spec.inputBits() : actBits));
        }
        blocks.add(new Block("windows", Math.max(1, hidden), actBits));
        int neurons = 0;
        for (int s : shape.layerSizes()) {
            neurons += s;
        }
        blocks.add(new Block("truncation", neurons, MAX_TRUNCATION));
        blocks.add(new Block("ignore_low", Math.max(1, shape.classes() - 1), MAX_IGNORED_LOW_BITS));
        blocks.add(new Block("order", shape.classes(), shape.classes() - 1));
    }

    /** The search space of a model, its features ranked by {@link #rankFeatures}. */
    public static SearchSpace of(org.pmlp.model.Mlp model, QuantSpec spec) {
        return new SearchSpace(ModelShape.of(model), spec, rankFeatures(model));
    }

    /** Hidden window width of the exact design (the spec's, or 8 when it keeps full width). */
    int actBits() {
        return spec.actBits() == 0 ? 8 : spec.actBits();
    }

    public List<Block> blocks() {
        return blocks;
    }

    public ModelShape shape() {
        return shape;
    }

    public QuantSpec spec() {
        return spec;
    }

    public List<WeightFormat> formats() {
        return formats;
    }

    /** The genome of the exact design. */
    public int[][] exact() {
        int[][] g = new int[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            Block k = blocks.get(b);
            g[b] = new int[k.length()];
            boolean top = !k.name().equals("formats") && !k.name().equals("feature_budget")
                    && !k.name().equals("truncation") && !k.name().equals("ignore_low") && !k.name().equals("order");
            java.util.Arrays.fill(g[b], top ? k.max() : 0);
        }
        return g;
    }

    /** The weight formats a genome chooses (the key of its retrained model). */
    public WeightFormat[] formatsOf(int[][] genome) {
        WeightFormat[] f = new WeightFormat[shape.layers()];
        for (int l = 0; l < f.length; l++) {
            f[l] = formats.get(genome[0][l]);
        }
        return f;
    }

    /** The input features a genome's feature budget keeps. */
    public boolean[] keptFeatures(int[][] genome) {
        int budget = genome[1][0];
        int keep = Math.max(1, (shape.features() + (1 << budget) - 1) >> budget);
        boolean[] kept = new boolean[shape.features()];
        for (int k = 0; k < keep; k++) {
            kept[featureOrder[k]] = true;
        }
        return kept;
    }

    /** A stable key for what a genome's retrained model depends on: formats and feature budget. */
    public String retrainKey(int[][] genome) {
        StringBuilder sb = new StringBuilder();
        for (WeightFormat f : formatsOf(genome)) {
            sb.append(f.name()).append('/');
        }
        return sb.append("budget").append(genome[1][0]).toString();
    }

    /** The genome of the exact design with feature budget {@code b}. */
    public int[][] exactWithBudget(int b) {
        int[][] g = exact();
        g[1][0] = Math.min(b, blocks.get(1).max());
        return g;
    }

    /**
     * Input features, most important first: by the summed magnitude of their first-layer
     * weights (inputs share one scale after min-max scaling), ties by index.
     */
    public static int[] rankFeatures(org.pmlp.model.Mlp model) {
        double[][] w = model.layer(0).weights();
        int n = model.inputs();
        double[] weight = new double[n];
        for (double[] row : w) {
            for (int i = 0; i < n; i++) {
                weight[i] += Math.abs(row[i]);
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Double.compare(weight[b], weight[a])
                : Integer.compare(a, b));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The design configuration of a genome.
     *
     * @param hiddenMsb per hidden layer, the calibrated msb of its windows (from the exact design
     *     of the same formats)
     */
    public DesignConfig decode(int[][] genome, int[] hiddenMsb) {
        List<Pass> passes = new ArrayList<>();
        int b = 0;
        passes.add(new WeightFormatPass(formatsOf(genome), 0));
        b += 2;
        int[] inputBits = genome[b++].clone();
        boolean[] kept = keptFeatures(genome);
        for (int i = 0; i < inputBits.length; i++) {
            if (!kept[i]) {
                inputBits[i] = 0;
            }
        }
        passes.add(new InputBitsPass(inputBits));
        int[][] maskGenes = new int[shape.layers()][];
        for (int l = 0; l < shape.layers(); l++) {
            maskGenes[l] = genome[b++];
        }
        int[] windows = genome[b++];
        int[] trunc = genome[b++];
        int[] compare = genome[b++];
        int[] lehmer = genome[b];

        Window[][] hidden = new Window[shape.layers() - 1][];
        int[][] width = new int[shape.layers() - 1][];
        int h = 0;
        for (int l = 0; l < hidden.length; l++) {
            int n = shape.layerSizes()[l];
            hidden[l] = new Window[n];
            width[l] = new int[n];
            for (int j = 0; j < n; j++) {
                int w = Math.max(1, windows[h++]);
                int msb = Math.max(hiddenMsb[l], w - 1);
                hidden[l][j] = Window.of(msb, msb - w + 1);
                width[l][j] = w;
            }
        }
        passes.add(new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0)));

        long[][][] masks = new long[shape.layers()][][];
        for (int l = 0; l < shape.layers(); l++) {
            int n = shape.layerSizes()[l];
            int fanIn = shape.fanIn(l);
            masks[l] = new long[n][fanIn];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < fanIn; i++) {
                    int bits = l == 0 ? spec.inputBits() : width[l - 1][i];
                    int keep = Math.min(bits, maskGenes[l][j * fanIn + i]);
                    masks[l][j][i] = ((1L << keep) - 1) << (bits - keep);
                }
            }
        }
        passes.add(new MaskPass(masks));

        int[][] columns = new int[shape.layers()][];
        int t = 0;
        for (int l = 0; l < shape.layers(); l++) {
            columns[l] = new int[shape.layerSizes()[l]];
            for (int j = 0; j < columns[l].length; j++) {
                columns[l][j] = trunc[t++];
            }
        }
        passes.add(new TruncationPass(columns, true));

        int k = shape.classes();
        passes.add(new ArgmaxPass(permutation(lehmer), null, java.util.Arrays.copyOf(compare, k - 1)));
        return new DesignConfig(spec, passes);
    }

    /** Decodes a Lehmer code (gene i taken modulo k - i) into a permutation of 0..k-1. */
    static int[] permutation(int[] code) {
        int k = code.length;
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            pool.add(i);
        }
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = pool.remove(code[i] % (k - i));
        }
        return out;
    }

    public int hiddenNeurons() {
        return hiddenNeurons;
    }
}
