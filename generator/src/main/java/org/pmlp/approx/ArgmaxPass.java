package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.util.Json;

/**
 * Section {@code "argmax"}: {@code {"order": [2, 0, 1], "bits": [3, 2], "ignore_low": [0, 1]}}:
 * the order in which classes enter the comparator tournament and, per comparator (level by level,
 * left to right), how many of the top bits of the values it compares and how many low bits it
 * ignores; one number applies to every comparator. Default: the exact argmax (identity order, all
 * bits; the lowest index wins ties).
 */
public record ArgmaxPass(int[] order, int[] bits, int[] ignoreLow) implements Pass {
    public ArgmaxPass(int[] order, int[] bits) {
        this(order, bits, null);
    }

    public static final String NAME = "argmax";

    @Override
    public String name() {
        return NAME;
    }

    public static ArgmaxPass parse(Json.In in, ModelShape shape) {
        in.onlyFields("order", "bits", "ignore_low");
        int k = shape.classes();
        int[] order = null;
        if (in.has("order")) {
            order = in.get("order").integers(k, 0, k - 1);
            boolean[] seen = new boolean[k];
            for (int c : order) {
                if (seen[c]) {
                    throw in.get("order").error("expected a permutation of 0.." + (k - 1) + ", class " + c + " appears twice");
                }
                seen[c] = true;
            }
        }
        int[] bits = in.has("bits") ? perComparator(in.get("bits"), k, 1) : null;
        int[] low = in.has("ignore_low") ? perComparator(in.get("ignore_low"), k, 0) : null;
        return new ArgmaxPass(order, bits, low);
    }

    private static int[] perComparator(Json.In b, int k, int min) {
        if (b.node().isArray()) {
            return b.integers(k - 1, min, 64);
        }
        int[] v = new int[k - 1];
        java.util.Arrays.fill(v, b.integer(min, 64));
        return v;
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        if (order != null) {
            c.argmax().setOrder(order);
        }
        if (bits != null) {
            c.argmax().setCompareBits(bits);
        }
        if (ignoreLow != null) {
            c.argmax().setIgnoreLow(ignoreLow);
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        if (order != null) {
            ArrayNode a = o.putArray("order");
            for (int v : order) {
                a.add(v);
            }
        }
        if (bits != null) {
            ArrayNode a = o.putArray("bits");
            for (int v : bits) {
                a.add(v);
            }
        }
        if (ignoreLow != null) {
            ArrayNode a = o.putArray("ignore_low");
            for (int v : ignoreLow) {
                a.add(v);
            }
        }
        return o;
    }
}
