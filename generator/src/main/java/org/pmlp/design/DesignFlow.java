package org.pmlp.design;

import org.pmlp.UserError;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.Pass;
import org.pmlp.approx.PassContext;
import org.pmlp.approx.PruningPass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.data.Dataset;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.CircuitBuilder;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.Lowering;
import org.pmlp.ir.WidthInference;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantizationAwareTraining;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.quant.WeightFormat;

/**
 * From a float model and a configuration to a compiled design: optional quantization-aware
 * retraining, the exact circuit, the configuration's passes in flow order, width inference
 * and lowering to the golden model.
 */
public final class DesignFlow {
    private DesignFlow() {
    }

    /**
     * @param train training data: calibrates activation windows and feeds retraining; may be
     *     null when the configuration does not retrain
     */
    public static CompiledDesign compile(Mlp model, DesignConfig config, Dataset train, long seed) {
        Mlp m = retrainIfAsked(model, config, train, seed);
        int[][] calibration = train == null ? null
                : QuantizedData.of(train, m.scaler(), config.spec().inputQuantizer()).q();
        return compileRetrained(m, config, calibration);
    }

    /** Compiles without retraining (the model is taken as already retrained). */
    public static CompiledDesign compileRetrained(Mlp model, DesignConfig config, int[][] calibration) {
        Circuit circuit = CircuitBuilder.build(model, config.spec());
        PassContext ctx = new PassContext(model, config.spec(), calibration);
        for (Pass p : config.passes()) {
            p.run(circuit, ctx);
        }
        WidthInference.run(circuit);
        return new CompiledDesign(model, config, circuit, Lowering.lower(circuit));
    }

    /**
     * The flat base of the search's hot path for a retrained model and its weight formats: the
     * exact circuit with its weights on the formats' grids, every other knob at its default.
     */
    public static FlatNetwork flatBase(Mlp model, QuantSpec spec, WeightFormat[] formats) {
        Circuit circuit = CircuitBuilder.build(model, spec);
        new WeightFormatPass(formats, 0).run(circuit, new PassContext(model, spec, null));
        return FlatNetwork.of(circuit, WeightFormatPass.tag(formats));
    }

    /**
     * Applies a configuration to a flat base built for its weight formats ({@link #flatBase}):
     * the hot-path counterpart of {@link #compileRetrained} without calibration data.
     *
     * @return false when some pass has no flat form (then use {@link #compileRetrained}); the
     *     network's knobs are then unspecified
     */
    public static boolean edit(FlatNetwork net, DesignConfig config) {
        net.reset();
        for (Pass p : config.passes()) {
            if (!p.edit(net)) {
                return false;
            }
        }
        return true;
    }

    static Mlp retrainIfAsked(Mlp model, DesignConfig config, Dataset train, long seed) {
        WeightFormatPass weights = config.pass(WeightFormatPass.NAME);
        if (weights == null || weights.retrainEpochs() == 0) {
            return model;
        }
        if (train == null) {
            throw new UserError("the configuration asks for retraining (weights.retrain) but no training data was given;"
                    + " pass --train FILE");
        }
        PruningPass prune = config.pass(PruningPass.NAME);
        InputBitsPass inputs = config.pass(InputBitsPass.NAME);
        boolean[] keep = null;
        if (inputs != null) {
            keep = new boolean[inputs.bits().length];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = inputs.bits()[i] > 0;
            }
        }
        Mlp retrained = QuantizationAwareTraining.retrain(model, weights.formats(),
                prune == null ? null : prune.fractions(), keep, train, config.spec(), weights.retrainEpochs(), seed);
        java.util.Map<String, Object> prov = new java.util.LinkedHashMap<>(model.provenance());
        prov.put("retrained", java.util.Map.of("epochs", weights.retrainEpochs(), "seed", seed,
                "formats", java.util.Arrays.stream(weights.formats()).map(f -> f.name()).toList()));
        return retrained.withProvenance(prov).withActivationMax(retrained.measureActivationMax(train.x()));
    }
}
