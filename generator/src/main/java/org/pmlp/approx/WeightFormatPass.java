package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.SumNode;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.WeightFormat;
import org.pmlp.quant.WeightGrid;
import org.pmlp.util.Json;
import java.util.SplittableRandom;
import org.pmlp.quant.CsdFormat;
import org.pmlp.quant.Po2Format;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.TernaryFormat;

/**
 * Section {@code "weights"}: the weight format of each layer (fixed&lt;bits&gt;, po2, csd&lt;k&gt;,
 * ternary); every weight and bias of the layer is re-rounded from its trained value onto the
 * format's grid. Optional {@code "retrain": {"epochs": 15}} fine-tunes the float model for these
 * formats first (quantization-aware, see {@link org.pmlp.quant.QuantizationAwareTraining}).
 * Default: fixed point of the baseline width, no retraining.
 */
public record WeightFormatPass(WeightFormat[] formats, int retrainEpochs) implements Pass {
    public static final String NAME = "weights";

    /** The formats the search chooses from, gene value 0 (exact) first. */
    public static List<WeightFormat> searchFormats(int weightBits) {
        return List.of(new FixedFormat(weightBits), new CsdFormat(weightBits, 3), new CsdFormat(weightBits, 2),
                new Po2Format(weightBits), new TernaryFormat(weightBits));
    }

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "weight format of each layer; every weight and bias is re-rounded from its trained value";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(
                    new Knob("formats", "per layer or once: `fixed<bits>`, `po2` (signed power of two), `csd<k>` (at most k"
                            + " canonical signed digits), `ternary` ({-1,0,+1} x a per-layer power of two)",
                            "`fixed<weight_bits>`", "the grid each layer's weights are rounded onto"),
                    new Knob("retrain", "`{\"epochs\": N}`, N in 1..10000", "none",
                            "quantization-aware fine-tuning (straight-through estimator) for these formats"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return WeightFormatPass.parse(section, shape, spec.weightBits());
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            return List.of(new Gene("formats", shape.layers(), searchFormats(spec.weightBits()).size() - 1, false, 0,
                    "per layer: fixed, csd3, csd2, po2, ternary (each implies its retraining)"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            return new WeightFormatPass(formatsOf(genes.get("formats"), genes.spec().weightBits()), 0);
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            if (draw == RandomDraw.REALISTIC ? r.nextInt(3) == 0 : !r.nextBoolean()) {
                return null;
            }
            WeightFormat[] formats = new WeightFormat[shape.layers()];
            for (int l = 0; l < formats.length; l++) {
                formats[l] = randomFormat(r, spec.weightBits());
            }
            return new WeightFormatPass(formats, 0);
        }
    };

    /** The weight formats of a {@code formats} gene block. */
    public static WeightFormat[] formatsOf(int[] genes, int weightBits) {
        List<WeightFormat> choice = searchFormats(weightBits);
        WeightFormat[] f = new WeightFormat[genes.length];
        for (int l = 0; l < f.length; l++) {
            f[l] = choice.get(genes[l]);
        }
        return f;
    }

    private static WeightFormat randomFormat(SplittableRandom r, int bits) {
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

    @Override
    public String name() {
        return NAME;
    }

    public static WeightFormatPass parse(Json.In in, ModelShape shape, int weightBits) {
        in.onlyFields("formats", "retrain");
        WeightFormat[] formats = new WeightFormat[shape.layers()];
        if (in.has("formats")) {
            LayerValues.read(in.get("formats"), shape.layers(), f -> {
                try {
                    return WeightFormat.parse(f.text(), weightBits);
                } catch (org.pmlp.UserError e) {
                    throw f.error(e.getMessage());
                }
            }, formats);
        } else {
            java.util.Arrays.fill(formats, new FixedFormat(weightBits));
        }
        int epochs = 0;
        Json.In r = in.opt("retrain");
        if (r != null) {
            r.onlyFields("epochs");
            epochs = r.get("epochs").integer(1, 10_000);
        }
        return new WeightFormatPass(formats, epochs);
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        for (int l = 0; l < c.layers(); l++) {
            regrid(c, l, formats[l]);
        }
    }

    /** Re-rounds layer l's weights and biases from their real values onto {@code format}. */
    static void regrid(Circuit c, int l, WeightFormat format) {
        List<SumNode> sums = c.sums(l);
        double[][] w = new double[sums.size()][];
        double[] b = new double[sums.size()];
        for (int j = 0; j < sums.size(); j++) {
            List<Connection> conns = c.connections(sums.get(j));
            w[j] = new double[conns.size()];
            for (int i = 0; i < conns.size(); i++) {
                w[j][i] = conns.get(i).real();
            }
            b[j] = sums.get(j).realBias();
        }
        WeightGrid grid = format.fit(w, b);
        for (int j = 0; j < sums.size(); j++) {
            List<Connection> conns = c.connections(sums.get(j));
            for (int i = 0; i < conns.size(); i++) {
                conns.get(i).setWeight(grid.round(w[j][i]));
            }
            sums.get(j).setGrid(grid.fracBits(), grid.roundBias(b[j]));
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        String[] names = new String[formats.length];
        for (int l = 0; l < formats.length; l++) {
            names[l] = formats[l].name();
        }
        o.set("formats", LayerValues.strings(names));
        if (retrainEpochs > 0) {
            o.putObject("retrain").put("epochs", retrainEpochs);
        }
        return o;
    }

    /** True when some layer is not plain fixed point. */
    public boolean approximates() {
        for (WeightFormat f : formats) {
            if (!(f instanceof FixedFormat)) {
                return true;
            }
        }
        return false;
    }

    /** What a flat base built for these formats is tagged with ({@link FlatNetwork#tag}). */
    public static String tag(WeightFormat[] formats) {
        StringBuilder sb = new StringBuilder("weights");
        for (WeightFormat f : formats) {
            sb.append('/').append(f.name());
        }
        return sb.toString();
    }

    /** The flat base already carries its weight formats' weights: only check they are these. */
    @Override
    public boolean edit(FlatNetwork net) {
        return net.tag().equals(tag(formats));
    }
}
