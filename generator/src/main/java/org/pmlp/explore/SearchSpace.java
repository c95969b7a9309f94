package org.pmlp.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pmlp.approx.ArgmaxPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.Gene;
import org.pmlp.approx.Genes;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Pass;
import org.pmlp.approx.PassKind;
import org.pmlp.approx.PassRegistry;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.quant.LevelLearning;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.WeightFormat;

/**
 * The knobs the search turns, laid out as blocks of integer genes, and how a genome becomes a
 * design configuration. The blocks are the {@link Gene}s each registered pass declares (see
 * {@link PassKind#genes}), laid out by their slot; a genome decodes pass by pass in flow order,
 * each pass reading its own blocks by name. Every block's exact end ({@link Gene#exact()}) is
 * the exact design. Built in, in genome order: weight format per layer; a feature budget; bits
 * per input feature; per connection the top input bits that enter the heap; per hidden neuron its
 * ReLU window; per neuron the truncated heap columns; per argmax comparator the ignored low bits;
 * the class order as a Lehmer code ({@code pmlp knobs} lists them).
 */
public final class SearchSpace {
    /** One block of genes: {@code length} genes, each in [0, max]. */
    public record Block(String name, int length, int max) {
    }

    private final ModelShape shape;
    private final QuantSpec spec;
    private final List<Block> blocks = new ArrayList<>();
    private final List<Gene> genes = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<PassKind> kinds;
    private final int hiddenNeurons;
    private final int[] featureOrder;
    /** Learned input levels by [method][feature][bits], or null before {@link #learnInputLevels}. */
    private volatile org.pmlp.quant.InputLevels[][][] learned;

    /**
     * @param featureOrder the input features, most important first (what a feature budget
     *     keeps); see {@link #rankFeatures}
     */
    public SearchSpace(ModelShape shape, QuantSpec spec, int[] featureOrder) {
        this.shape = shape;
        this.spec = spec;
        this.featureOrder = featureOrder.clone();
        this.kinds = PassRegistry.kinds();
        int hidden = 0;
        for (int l = 0; l < shape.layers() - 1; l++) {
            hidden += shape.layerSizes()[l];
        }
        this.hiddenNeurons = hidden;
        for (PassKind k : kinds) {
            genes.addAll(k.genes(shape, spec));
        }
        genes.sort(Comparator.comparingInt(Gene::slot)); // stable: declaration order within a slot
        for (Gene g : genes) {
            if (index.put(g.name(), blocks.size()) != null) {
                throw new IllegalStateException("two passes declare gene block " + g.name());
            }
            blocks.add(new Block(g.name(), g.length(), g.max()));
        }
        for (String needed : new String[] {"formats", "feature_budget"}) {
            if (!index.containsKey(needed)) {
                throw new IllegalStateException("no pass declares gene block " + needed);
            }
        }
    }

    /**
     * Learns every feature's input levels for every method and precision below the full width
     * from the training data (its codes and labels), for genomes that ask for learned levels.
     * Without it those genomes keep top bits.
     */
    public void learnInputLevels(int[][] q, int[] labels) {
        int n = spec.inputBits();
        int features = shape.features();
        LevelLearning.Method[] methods = LevelLearning.Method.values();
        org.pmlp.quant.InputLevels[][][] l = new org.pmlp.quant.InputLevels[methods.length][features][n];
        for (int f = 0; f < features; f++) {
            int[] codes = new int[q.length];
            for (int r = 0; r < q.length; r++) {
                codes[r] = q[r][f];
            }
            for (LevelLearning.Method m : methods) {
                for (int k = 1; k < n; k++) {
                    l[m.ordinal()][f][k] = LevelLearning.learn(m, codes, labels, shape.classes(), n, k);
                }
            }
        }
        learned = l;
    }

    /** The search space of a model, its features ranked by {@link #rankFeatures}. */
    public static SearchSpace of(org.pmlp.model.Mlp model, QuantSpec spec) {
        return new SearchSpace(ModelShape.of(model), spec, rankFeatures(model));
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
        return WeightFormatPass.searchFormats(spec.weightBits());
    }

    /** The genes of the named block of a genome. */
    public int[] block(int[][] genome, String name) {
        Integer b = index.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no gene block " + name);
        }
        return genome[b];
    }

    /** The genome of the exact design. */
    public int[][] exact() {
        int[][] g = new int[blocks.size()][];
        for (int b = 0; b < blocks.size(); b++) {
            g[b] = new int[genes.get(b).length()];
            java.util.Arrays.fill(g[b], genes.get(b).exact());
        }
        return g;
    }

    /**
     * A genome written before later gene blocks were declared (their slots come after every
     * older block), completed with those blocks at their exact values: what it meant then.
     */
    public int[][] complete(int[][] genome) {
        if (genome.length >= blocks.size()) {
            return genome;
        }
        int[][] g = java.util.Arrays.copyOf(genome, blocks.size());
        for (int b = genome.length; b < g.length; b++) {
            g[b] = new int[genes.get(b).length()];
            java.util.Arrays.fill(g[b], genes.get(b).exact());
        }
        return g;
    }

    /** The weight formats a genome chooses (the key of its retrained model). */
    public WeightFormat[] formatsOf(int[][] genome) {
        return WeightFormatPass.formatsOf(block(genome, "formats"), spec.weightBits());
    }

    /** The input features a genome's feature budget keeps. */
    public boolean[] keptFeatures(int[][] genome) {
        int budget = block(genome, "feature_budget")[0];
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
        return sb.append("budget").append(block(genome, "feature_budget")[0]).toString();
    }

    /** The largest feature budget (the search tries each from 0 up). */
    public int featureBudgets() {
        return blocks.get(index.get("feature_budget")).max();
    }

    /** The genome of the exact design with feature budget {@code b}. */
    public int[][] exactWithBudget(int b) {
        int[][] g = exact();
        int budget = index.get("feature_budget");
        g[budget][0] = Math.min(b, blocks.get(budget).max());
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
        boolean[] kept = keptFeatures(genome);
        Genes view = new Genes() {
            @Override
            public ModelShape shape() {
                return shape;
            }

            @Override
            public QuantSpec spec() {
                return spec;
            }

            @Override
            public int[] get(String name) {
                return block(genome, name);
            }

            @Override
            public int[] hiddenMsb() {
                return hiddenMsb;
            }

            @Override
            public boolean[] keptFeatures() {
                return kept;
            }

            @Override
            public org.pmlp.quant.InputLevels learnedLevels(LevelLearning.Method method, int feature, int k) {
                org.pmlp.quant.InputLevels[][][] l = learned;
                return l == null || k <= 0 || k >= spec.inputBits() ? null : l[method.ordinal()][feature][k];
            }
        };
        List<Pass> passes = new ArrayList<>();
        for (PassKind k : kinds) {
            Pass p = k.decode(view, passes);
            if (p != null) {
                passes.add(p);
            }
        }
        return new DesignConfig(spec, passes);
    }

    /** Decodes a Lehmer code (gene i taken modulo k - i) into a permutation of 0..k-1. */
    static int[] permutation(int[] code) {
        return ArgmaxPass.permutation(code);
    }

    public int hiddenNeurons() {
        return hiddenNeurons;
    }
}
