package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.function.Function;
import org.pmlp.util.Json;

/** Reads a per-layer setting given either once for all layers or as one value per layer. */
final class LayerValues {
    private LayerValues() {
    }

    static <T> T[] read(Json.In in, int layers, Function<Json.In, T> item, T[] out) {
        if (in.node().isArray()) {
            if (in.size() != layers) {
                throw in.error("expected one value per layer (" + layers + "), got " + in.size());
            }
            for (int l = 0; l < layers; l++) {
                out[l] = item.apply(in.at(l));
            }
        } else {
            T v = item.apply(in);
            for (int l = 0; l < layers; l++) {
                out[l] = v;
            }
        }
        return out;
    }

    static ArrayNode strings(Object[] values) {
        ArrayNode a = Json.array();
        for (Object v : values) {
            a.add(v.toString());
        }
        return a;
    }

    static JsonNode numbers(double[] values) {
        ArrayNode a = Json.array();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }
}
