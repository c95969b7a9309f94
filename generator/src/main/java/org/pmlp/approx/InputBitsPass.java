package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.InputNode;
import org.pmlp.util.Json;
import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "inputs"}: {@code {"bits": [4, 2, 0, ...]}} keeps only the top n bits of each
 * quantized feature (0 drops the feature: no register, no partial products). A single number
 * applies to every feature. Default: all bits.
 */
public record InputBitsPass(int[] bits) implements Pass {
    public static final String NAME = "inputs";

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "keeps the top bits of each quantized input feature";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(new Knob("bits", "per feature or once, 0..input_bits", "input_bits",
                    "top bits kept (0 drops the feature: no register, no partial products)"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return InputBitsPass.parse(section, shape, spec.inputBits());
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            return List.of(
                    new Gene("feature_budget", 1, Math.min(6, 31 - Integer.numberOfLeadingZeros(shape.features())), false, 1,
                            "keep only the n / 2^b most important features, the network retrained without the others"),
                    new Gene("input_bits", shape.features(), spec.inputBits(), true, 2, "bits per input feature"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            int[] bits = genes.get("input_bits").clone();
            boolean[] kept = genes.keptFeatures();
            for (int i = 0; i < bits.length; i++) {
                if (!kept[i]) {
                    bits[i] = 0;
                }
            }
            return new InputBitsPass(bits);
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            if (!r.nextBoolean()) {
                return null;
            }
            int n = spec.inputBits();
            int[] bits = new int[shape.features()];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = draw == RandomDraw.REALISTIC ? (r.nextInt(6) == 0 ? 0 : Math.max(1, n - r.nextInt(3)))
                        : r.nextInt(n + 1);
            }
            return new InputBitsPass(bits);
        }
    };

    @Override
    public String name() {
        return NAME;
    }

    public static InputBitsPass parse(Json.In in, ModelShape shape, int inputBits) {
        in.onlyFields("bits");
        Json.In b = in.get("bits");
        int[] bits = new int[shape.features()];
        if (b.node().isArray()) {
            bits = b.integers(shape.features(), 0, inputBits);
        } else {
            java.util.Arrays.fill(bits, b.integer(0, inputBits));
        }
        return new InputBitsPass(bits);
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        int n = c.inputBits();
        for (InputNode in : c.inputs()) {
            int keep = Math.min(n, bits[in.feature()]);
            in.setMask(MaskPass.topBits(n, keep));
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("bits");
        for (int b : bits) {
            a.add(b);
        }
        return o;
    }

    @Override
    public boolean edit(FlatNetwork net) {
        int n = net.inputBits();
        for (int f = 0; f < bits.length; f++) {
            net.setInputMask(f, MaskPass.topBits(n, Math.min(n, bits[f])));
        }
        return true;
    }
}
