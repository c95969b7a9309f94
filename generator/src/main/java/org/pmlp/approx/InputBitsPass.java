package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.InputNode;
import org.pmlp.util.Json;

/**
 * Section {@code "inputs"}: {@code {"bits": [4, 2, 0, ...]}} keeps only the top n bits of each
 * quantized feature (0 drops the feature: no register, no partial products). A single number
 * applies to every feature. Default: all bits.
 */
public record InputBitsPass(int[] bits) implements Pass {
    public static final String NAME = "inputs";

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
            in.setMask(((1L << keep) - 1) << (n - keep));
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
}
