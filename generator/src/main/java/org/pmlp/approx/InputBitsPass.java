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
import org.pmlp.quant.InputLevels;
import org.pmlp.quant.LevelLearning;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "inputs"}: {@code {"bits": [4, 2, 0, ...]}} keeps only the top n bits of each
 * quantized feature (0 drops the feature: no register, no partial products). A single number
 * applies to every feature. Default: all bits. Optionally {@code "levels": [null, {"thresholds":
 * [3, 9], "codes": [1, 6, 12]}, ...]} (one entry per feature, null for top bits) makes a k-bit
 * feature (at most 2^k codes) the code x compared with learned thresholds: the feature's value is
 * {@code codes[#{j : x >= thresholds[j]}]}, computed by constant comparators on the port
 * ({@link InputLevels}); the search learns them from the training data.
 */
public record InputBitsPass(int[] bits, InputLevels[] levels) implements Pass {
    public static final String NAME = "inputs";

    /** Top bits only, no learned levels. */
    public InputBitsPass(int[] bits) {
        this(bits, new InputLevels[bits.length]);
    }

    public InputBitsPass {
        bits = bits.clone();
        levels = levels == null ? new InputLevels[bits.length] : levels.clone();
    }

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
                    "top bits kept (0 drops the feature: no register, no partial products)"),
                    new Knob("levels", "per feature: null or {thresholds: [t1 < ... < tm], codes: [m+1 codes]},"
                            + " m < 2^bits", "null (top bits)",
                            "learned levels: the code x becomes codes[#{j : x >= t_j}], by constant comparators on"
                            + " the port (the search learns them from the training data: Lloyd-Max or class entropy)"));
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
                    new Gene("input_bits", shape.features(), spec.inputBits(), true, 2, "bits per input feature"),
                    new Gene("input_levels", shape.features(), LevelLearning.Method.values().length, false, 8,
                            "how a feature of fewer bits is requantized: 0 top bits, 1 Lloyd-Max levels,"
                            + " 2 class-entropy levels (learned on the training data)"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            int[] bits = genes.get("input_bits").clone();
            boolean[] kept = genes.keptFeatures();
            int[] method = genes.get("input_levels");
            InputLevels[] levels = new InputLevels[bits.length];
            for (int i = 0; i < bits.length; i++) {
                if (!kept[i]) {
                    bits[i] = 0;
                }
                if (bits[i] > 0 && bits[i] < genes.spec().inputBits() && method[i] > 0) {
                    levels[i] = genes.learnedLevels(LevelLearning.Method.values()[method[i] - 1], i, bits[i]);
                }
            }
            return new InputBitsPass(bits, levels);
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
            if (draw == RandomDraw.REALISTIC) {
                // The realistic designs are the cost model's and the timing estimate's calibration
                // set (figures pinned to them): they keep top bits.
                return new InputBitsPass(bits);
            }
            // From a stream of their own (seeded by the bits), so that the later passes of a seed's
            // random designs stay as they were before levels existed.
            SplittableRandom lr = new SplittableRandom(0x1e7e15L * 31 + java.util.Arrays.hashCode(bits));
            InputLevels[] levels = new InputLevels[bits.length];
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] > 0 && lr.nextInt(3) == 0) {
                    levels[i] = randomLevels(lr, n, bits[i]);
                }
            }
            return new InputBitsPass(bits, levels);
        }
    };

    /** Random levels of at most 2^k codes (any thresholds, any codes: corners for the tests). */
    static InputLevels randomLevels(SplittableRandom r, int inputBits, int k) {
        int m = r.nextInt(Math.min((1 << k) - 1, (1 << inputBits) - 1) + 1);
        java.util.TreeSet<Integer> t = new java.util.TreeSet<>();
        while (t.size() < m) {
            t.add(1 + r.nextInt((1 << inputBits) - 1));
        }
        int[] codes = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            codes[j] = r.nextInt(1 << inputBits);
        }
        return new InputLevels(t.stream().mapToInt(Integer::intValue).toArray(), codes);
    }

    @Override
    public String name() {
        return NAME;
    }

    public static InputBitsPass parse(Json.In in, ModelShape shape, int inputBits) {
        in.onlyFields("bits", "levels");
        Json.In b = in.get("bits");
        int[] bits = new int[shape.features()];
        if (b.node().isArray()) {
            bits = b.integers(shape.features(), 0, inputBits);
        } else {
            java.util.Arrays.fill(bits, b.integer(0, inputBits));
        }
        InputLevels[] levels = new InputLevels[bits.length];
        Json.In l = in.opt("levels");
        if (l != null) {
            if (l.size() != bits.length) {
                throw l.error("expected " + bits.length + " entries (one per feature, null for top bits), got " + l.size());
            }
            for (int f = 0; f < bits.length; f++) {
                Json.In e = l.at(f);
                if (e.node() == null || e.node().isNull()) {
                    continue;
                }
                levels[f] = parseLevels(e, bits[f], inputBits);
            }
        }
        return new InputBitsPass(bits, levels);
    }

    private static InputLevels parseLevels(Json.In e, int k, int inputBits) {
        e.onlyFields("thresholds", "codes");
        if (k == 0) {
            throw e.error("a dropped feature (bits 0) has no levels: expected null");
        }
        int most = Math.min(1 << k, 1 << inputBits) - 1;
        Json.In t = e.get("thresholds");
        if (t.size() > most) {
            throw t.error("expected at most " + most + " thresholds for a " + k + "-bit feature, got " + t.size());
        }
        int[] thresholds = t.integers(-1, 1, (1 << inputBits) - 1);
        for (int j = 1; j < thresholds.length; j++) {
            if (thresholds[j] <= thresholds[j - 1]) {
                throw t.at(j).error("expected thresholds in increasing order, got " + thresholds[j] + " after "
                        + thresholds[j - 1]);
            }
        }
        int[] codes = e.get("codes").integers(thresholds.length + 1, 0, (1 << inputBits) - 1);
        return new InputLevels(thresholds, codes);
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        int n = c.inputBits();
        for (InputNode in : c.inputs()) {
            in.setMask(mask(in.feature(), n));
            in.setTable(table(in.feature(), n));
        }
    }

    /** The feature's mask: its top bits, or every bit with learned levels. */
    private long mask(int f, int n) {
        return MaskPass.topBits(n, levels[f] != null ? n : Math.min(n, bits[f]));
    }

    /** The feature's code table, or null for top bits. */
    private int[] table(int f, int n) {
        return levels[f] == null ? null : levels[f].table(n);
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("bits");
        for (int b : bits) {
            a.add(b);
        }
        boolean any = false;
        for (InputLevels l : levels) {
            any |= l != null;
        }
        if (any) {
            ArrayNode ls = o.putArray("levels");
            for (InputLevels l : levels) {
                if (l == null) {
                    ls.addNull();
                } else {
                    ObjectNode e = ls.addObject();
                    ArrayNode t = e.putArray("thresholds");
                    for (int v : l.thresholds()) {
                        t.add(v);
                    }
                    ArrayNode cs = e.putArray("codes");
                    for (int v : l.codes()) {
                        cs.add(v);
                    }
                }
            }
        }
        return o;
    }

    @Override
    public boolean edit(FlatNetwork net) {
        int n = net.inputBits();
        for (int f = 0; f < bits.length; f++) {
            net.setInputMask(f, mask(f, n));
            net.setInputTable(f, table(f, n));
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputBitsPass p && java.util.Arrays.equals(bits, p.bits)
                && java.util.Arrays.equals(levels, p.levels);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(bits) + java.util.Arrays.hashCode(levels);
    }
}
