package org.pmlp.explore;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.cost.CostFeatures;
import org.pmlp.cost.CostModel;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.cost.TimingEstimate;
import org.pmlp.data.Dataset;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.BatchInputs;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.Program;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.TrainingOptions;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.QuantizationAwareTraining;
import org.pmlp.quant.QuantizedData;
import org.pmlp.quant.WeightFormat;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.Registers;

/**
 * Scores a genome: its design's bit-exact training accuracy (the golden model over the
 * precomputed quantized training set) and its estimated area and power (the cost model). This is
 * the search's hot path; what does not depend on the genome (quantized data, the retrained model
 * and calibrated windows of each weight-format combination) is computed once and cached.
 */
public final class CandidateEvaluator {
    /**
     * Training accuracy, estimated area (cm^2) and power (mW), and the estimated worst path (ms,
     * {@link TimingEstimate}; NaN when not estimated).
     */
    public record Score(double accuracy, double areaCm2, double powerMw, double pathMs) {
        public Score(double accuracy, double areaCm2, double powerMw) {
            this(accuracy, areaCm2, powerMw, Double.NaN);
        }
    }

    /**
     * What a weight-format combination fixes: its retrained model, calibrated hidden msbs and
     * flat base (one per thread: it holds working memory).
     */
    record FormatBase(Mlp model, int[] hiddenMsb, ThreadLocal<FlatNetwork> flat) {
    }

    private final SearchSpace space;
    private final Mlp model;
    private final Dataset train;
    private final QuantizedData trainQ;
    private final BatchInputs trainBatch;
    private final int retrainEpochs;
    private final long seed;
    private final CostModel cost;
    private final HeapStyle style;
    private final Registers registers;
    private final ConcurrentHashMap<String, FormatBase> bases = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Mlp> budgetModels = new ConcurrentHashMap<>();

    public CandidateEvaluator(SearchSpace space, Mlp model, Dataset train, int retrainEpochs, long seed, CostModel cost,
                              HeapStyle style) {
        this(space, model, train, retrainEpochs, seed, cost, style, Registers.BOTH);
    }

    /** As above, for designs built with {@code registers} (flip-flop cost and timing follow it). */
    public CandidateEvaluator(SearchSpace space, Mlp model, Dataset train, int retrainEpochs, long seed, CostModel cost,
                              HeapStyle style, Registers registers) {
        this.registers = registers;
        this.space = space;
        this.model = model;
        this.train = train;
        this.trainQ = QuantizedData.of(train, model.scaler(), space.spec().inputQuantizer());
        this.trainBatch = BatchInputs.of(trainQ.q(), trainQ.labels());
        space.learnInputLevels(trainQ.q(), trainQ.labels()); // training data only: no peeking at test
        this.retrainEpochs = retrainEpochs;
        this.seed = seed;
        this.cost = cost;
        this.style = style;
    }

    public SearchSpace space() {
        return space;
    }

    /**
     * The genome's score. The hot path: its configuration applied as edits to the flat base of its
     * weight formats ({@link FlatNetwork}, incremental width inference, the golden model column by
     * column), the cost features read off the base circuit synchronised with it; configurations
     * without a flat form take the full flow ({@link #evaluateFull}), with the same result.
     */
    public Score evaluate(int[][] genome) {
        return evaluate(genome, null);
    }

    /** Where a candidate's time goes: the parts of {@link #evaluate}, by {@link Part}. */
    public enum Part {
        /** the genome decoded into a configuration (weight-format base looked up) */
        DECODE,
        /** the configuration applied as edits to the flat base, widths inferred */
        EDIT_AND_WIDTHS,
        /** the bit-exact golden model over the training set */
        GOLDEN_MODEL,
        /**
         * the cost census: the base circuit synchronised with the edits, the emitter's gates built,
         * the live cells counted and timed
         */
        CENSUS,
        /** candidates without a flat form, scored by the full flow */
        FULL_FLOW
    }

    /**
     * As {@link #evaluate(int[][])}, adding each part's nanoseconds to {@code nanos} (indexed by
     * {@link Part#ordinal}) when it is given: for the benchmark's split, on the same code path.
     */
    Score evaluate(int[][] genome, long[] nanos) {
        long t0 = nanos == null ? 0 : System.nanoTime();
        FormatBase base = base(genome);
        DesignConfig config = space.decode(genome, base.hiddenMsb());
        FlatNetwork net = base.flat().get();
        long t1 = nanos == null ? 0 : System.nanoTime();
        if (DesignFlow.edit(net, config) && net.infer()) {
            long t2 = nanos == null ? 0 : System.nanoTime();
            int correct = net.countCorrect(trainBatch);
            long t3 = nanos == null ? 0 : System.nanoTime();
            Score s = score(correct, net.syncedCircuit());
            if (nanos != null) {
                nanos[Part.DECODE.ordinal()] += t1 - t0;
                nanos[Part.EDIT_AND_WIDTHS.ordinal()] += t2 - t1;
                nanos[Part.GOLDEN_MODEL.ordinal()] += t3 - t2;
                nanos[Part.CENSUS.ordinal()] += System.nanoTime() - t3;
            }
            return s;
        }
        Score s = evaluateFull(genome);
        if (nanos != null) {
            nanos[Part.FULL_FLOW.ordinal()] += System.nanoTime() - t0;
        }
        return s;
    }

    /** The genome's score through the full flow ({@link #compile}): what {@link #evaluate} must equal. */
    public Score evaluateFull(int[][] genome) {
        CompiledDesign d = compile(genome);
        Program p = d.program();
        int ok = p.countCorrect(trainQ.q(), trainQ.labels(), 0, trainQ.rows(), p.scratch());
        return score(ok, d.circuit());
    }

    /** Accuracy from the golden model; area, power and worst path from one census of the circuit's gates. */
    private Score score(int correct, Circuit c) {
        double[] path = new double[1];
        CostFeatures f = FeatureCounter.count(c, style, registers, TimingEstimate.gates(), path);
        return new Score((double) correct / trainQ.rows(), cost.areaUm2(f) / 1e8, cost.powerMw(f),
                TimingEstimate.fromGatePath(path[0], style, registers));
    }

    /** The design of a genome (retrained model, configuration, circuit, golden model). */
    public CompiledDesign compile(int[][] genome) {
        FormatBase base = base(genome);
        DesignConfig config = space.decode(genome, base.hiddenMsb()).withRegisters(registers);
        return DesignFlow.compileRetrained(base.model(), config, null);
    }

    /** The float model a genome's design is generated from (retrained for its weight formats). */
    public Mlp modelFor(int[][] genome) {
        return base(genome).model();
    }

    private FormatBase base(int[][] genome) {
        return bases.computeIfAbsent(space.retrainKey(genome),
                k -> prepare(space.formatsOf(genome), space.block(genome, "feature_budget")[0], space.keptFeatures(genome)));
    }

    /**
     * The float model for a feature budget: the given model for the full budget, otherwise one
     * trained from scratch on the kept features (fine-tuning the full model after removing many
     * of its inputs recovers poorly: measured on arrhythmia, 14% training accuracy after 20
     * epochs with 34 of 274 features).
     */
    private Mlp budgetModel(int budget, boolean[] kept) {
        if (budget == 0 || retrainEpochs == 0) {
            return model;
        }
        return budgetModels.computeIfAbsent(budget, b -> {
            int[] hidden = new int[model.layers().size() - 1];
            for (int l = 0; l < hidden.length; l++) {
                hidden[l] = model.layer(l).outputs();
            }
            return MlpTraining.retrainWithInputs(model, train, kept, TrainingOptions.defaults(hidden, seed));
        });
    }

    private FormatBase prepare(WeightFormat[] formats, int budget, boolean[] kept) {
        boolean fixed = Arrays.stream(formats).allMatch(f -> f instanceof FixedFormat);
        boolean allInputs = true;
        int[] inputBits = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            allInputs &= kept[i];
            inputBits[i] = kept[i] ? space.spec().inputBits() : 0;
        }
        Mlp start = budgetModel(budget, kept);
        Mlp m = fixed || retrainEpochs == 0 ? start
                : QuantizationAwareTraining.retrain(start, formats, null, kept, train, space.spec(), retrainEpochs, seed);
        // The exact design of these formats and features, with windows calibrated on the training
        // data, fixes each hidden layer's msb; the genome then chooses how many bits below it to keep.
        DesignConfig calibrated = DesignConfig.exact(space.shape(), space.spec())
                .with(new WeightFormatPass(formats, 0))
                .with(new InputBitsPass(inputBits))
                .with(ActivationPass.defaults(space.shape(), ActivationPass.searchBits(space.spec())));
        CompiledDesign d = DesignFlow.compileRetrained(m, calibrated, trainQ.q());
        int[] msb = new int[space.shape().layers() - 1];
        for (int l = 0; l < msb.length; l++) {
            for (ActNode a : d.circuit().acts(l)) {
                msb[l] = Math.max(msb[l], a.msb());
            }
        }
        return new FormatBase(m, msb, ThreadLocal.withInitial(() -> DesignFlow.flatBase(m, space.spec(), formats)));
    }

    public int trainRows() {
        return trainQ.rows();
    }
}
