package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.util.Json;
import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "argmax"}: {@code {"order": [2, 0, 1], "bits": [3, 2], "ignore_low": [0, 1]}}:
 * the order in which classes enter the comparator tournament and, per comparator (level by level,
 * left to right), how many of the top bits of the values it compares and how many low bits it
 * ignores; one number applies to every comparator. Both count against the outputs' nominal
 * width ({@link org.pmlp.ir.WidthInference#argmaxNominalWidth}), which does not move when
 * inference gets tighter, so a file means the same comparators whatever the inferred widths. Default: the exact argmax (identity order, all
 * bits; the lowest index wins ties).
 */
public record ArgmaxPass(int[] order, int[] bits, int[] ignoreLow) implements Pass {
    public ArgmaxPass(int[] order, int[] bits) {
        this(order, bits, null);
    }

    public static final String NAME = "argmax";

    /** The most low bits the search lets a comparator ignore. */
    public static final int MAX_SEARCH_IGNORED_LOW_BITS = 16;

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "the comparator tournament: class order, and the bits each comparator looks at";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(
                    new Knob("order", "a permutation of the classes", "0, 1, ..., k-1", "classes into the comparator tournament"),
                    new Knob("bits", "per comparator or once, 1..64", "all bits",
                            "top bits compared, of the outputs' nominal width W (the digit-wise range bound, not the inferred width)"),
                    new Knob("ignore_low", "per comparator or once, 0..64", "0", "low bits ignored (at most W - 1)"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return ArgmaxPass.parse(section, shape);
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            return List.of(
                    new Gene("ignore_low", Math.max(1, shape.classes() - 1), MAX_SEARCH_IGNORED_LOW_BITS, false, 6,
                            "per argmax comparator, the low bits it ignores"),
                    new Gene("order", shape.classes(), shape.classes() - 1, false, 7,
                            "the class order into the tournament, as a Lehmer code"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            int k = genes.shape().classes();
            return new ArgmaxPass(permutation(genes.get("order")), null,
                    java.util.Arrays.copyOf(genes.get("ignore_low"), k - 1));
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            if (!r.nextBoolean()) {
                return null;
            }
            int k = shape.classes();
            if (draw == RandomDraw.REALISTIC) {
                int[] bits = new int[k - 1];
                for (int c = 0; c < bits.length; c++) {
                    bits[c] = 3 + r.nextInt(10);
                }
                return new ArgmaxPass(null, bits);
            }
            int[] order = new int[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int[] bits = null;
            if (r.nextBoolean()) {
                bits = new int[k - 1];
                for (int c = 0; c < bits.length; c++) {
                    bits[c] = 1 + r.nextInt(8);
                }
            }
            int[] low = null;
            if (r.nextBoolean()) {
                low = new int[k - 1];
                for (int c = 0; c < low.length; c++) {
                    low[c] = r.nextInt(12);
                }
            }
            return new ArgmaxPass(order, bits, low);
        }
    };

    /** Decodes a Lehmer code (gene i taken modulo k - i) into a permutation of 0..k-1. */
    public static int[] permutation(int[] code) {
        int k = code.length;
        List<Integer> pool = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            pool.add(i);
        }
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = pool.remove(code[i] % (k - i));
        }
        return out;
    }

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

    @Override
    public boolean edit(FlatNetwork net) {
        net.setArgmax(order, bits, ignoreLow);
        return true;
    }
}
