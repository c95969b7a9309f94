package org.pmlp.reference;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.ArgmaxPass;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.InputBitsPass;
import org.pmlp.approx.MaskPass;
import org.pmlp.approx.PruningPass;
import org.pmlp.approx.TruncationPass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.approx.Window;
import org.pmlp.ir.ActNode;
import org.pmlp.model.Mlp;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.WeightFormat;
import org.pmlp.quant.WeightGrid;

/**
 * The class a design outputs, computed straight from the float model, the design configuration
 * and its documented meaning (README, "Design configuration" and "What is proved and what is
 * sampled"), with unbounded integers, in the spirit of FloPoCo's {@code emulate()}. It shares no
 * code with {@code Circuit}, {@code WidthInference}, {@code Lowering}, {@code Program} or the
 * emitter: a mistake there shows up as a disagreement with this class. Taken as given: the
 * (retrained) float model, the weight formats' grids ({@link WeightGrid}: integer weights,
 * biases and fractional bits per layer) and the calibration inputs; everything else (pruning,
 * input bits, calibrated windows, masks, canonical signed digits, truncation and its
 * compensation, value ranges, the argmax tournament) is derived here again. Slow by design.
 */
public final class ReferenceModel {
    /** One row of a neuron's bit heap: {@code sign * ((source & mask) << shift)}. */
    private record Row(int source, BigInteger mask, int shift, int sign) {
    }

    /** A layer as built for one stage of the flow. */
    private static final class Layer {
        BigInteger[] constant;
        Row[][] rows;
        boolean relu;
        int[] msb;
        int[] lsb;
        int[] actExponent;
        BigInteger[] sumLo;
        BigInteger[] sumHi;
        BigInteger[] actLo;
        BigInteger[] actHi;
    }

    private static final BigInteger ALL_ONES = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final int features;
    private final int inputBits;
    private final BigInteger[] registered;
    /** Per feature, the value of each code under its learned levels (null: the code itself). */
    private final int[][] levelValue;
    private final Layer[] layers;
    private final int[] order;
    private final int[] compareShift;

    private ReferenceModel(int features, int inputBits, BigInteger[] registered, int[][] levelValue, Layer[] layers,
                           int[] order,
                           int[] compareShift) {
        this.features = features;
        this.inputBits = inputBits;
        this.registered = registered;
        this.levelValue = levelValue;
        this.layers = layers;
        this.order = order;
        this.compareShift = compareShift;
    }

    /**
     * @param model the float model (already retrained when the configuration retrains)
     * @param calibration quantized training inputs the hidden windows are calibrated on, or null
     */
    public static ReferenceModel of(Mlp model, DesignConfig config, int[][] calibration) {
        return new Builder(model, config, calibration).build();
    }

    /** The class the design outputs for quantized inputs {@code q}. */
    public int classify(int[] q) {
        BigInteger[] out = forward(layers, layers.length, inputs(q));
        return argmax(out);
    }

    /** Classifies every row. */
    public int[] classifyAll(int[][] q) {
        int[] out = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = classify(q[i]);
        }
        return out;
    }

    private BigInteger[] inputs(int[] q) {
        BigInteger[] x = new BigInteger[features];
        for (int i = 0; i < features; i++) {
            int code = q[i] & ((1 << inputBits) - 1);
            x[i] = BigInteger.valueOf(levelValue[i] == null ? code : levelValue[i][code]).and(registered[i]);
        }
        return x;
    }

    /** Activations of layer {@code upTo - 1} (the inputs when 0). */
    private static BigInteger[] forward(Layer[] layers, int upTo, BigInteger[] x) {
        BigInteger[] a = x;
        for (int l = 0; l < upTo; l++) {
            a = activate(layers[l], sums(layers[l], a));
        }
        return a;
    }

    private static BigInteger[] sums(Layer layer, BigInteger[] a) {
        BigInteger[] s = new BigInteger[layer.rows.length];
        for (int j = 0; j < s.length; j++) {
            BigInteger acc = layer.constant[j];
            for (Row r : layer.rows[j]) {
                BigInteger term = a[r.source()].and(r.mask()).shiftLeft(r.shift());
                acc = r.sign() > 0 ? acc.add(term) : acc.subtract(term);
            }
            s[j] = acc;
        }
        return s;
    }

    private static BigInteger[] activate(Layer layer, BigInteger[] s) {
        BigInteger[] a = new BigInteger[s.length];
        for (int j = 0; j < s.length; j++) {
            a[j] = act(layer, j, s[j]);
        }
        return a;
    }

    /** ReLU: {@code sum >> lsb} clamped to [0, 2^(msb-lsb+1) - 1]; identity: {@code floor(sum / 2^lsb)}. */
    private static BigInteger act(Layer layer, int j, BigInteger sum) {
        BigInteger x = sum.shiftRight(layer.lsb[j]);
        if (!layer.relu) {
            return x;
        }
        if (x.signum() < 0) {
            return BigInteger.ZERO;
        }
        BigInteger sat = BigInteger.ONE.shiftLeft(layer.msb[j] - layer.lsb[j] + 1).subtract(BigInteger.ONE);
        return x.min(sat);
    }

    /**
     * The comparator tournament: classes enter in {@code order}; adjacent entries meet level by
     * level, an odd one out passes up; comparator c keeps the right entry only when its value,
     * shifted right by {@code compareShift[c]}, is strictly greater.
     */
    private int argmax(BigInteger[] out) {
        List<BigInteger> value = new ArrayList<>();
        List<Integer> cls = new ArrayList<>();
        for (int c : order) {
            value.add(out[c]);
            cls.add(c);
        }
        int comparator = 0;
        while (value.size() > 1) {
            List<BigInteger> nv = new ArrayList<>();
            List<Integer> nc = new ArrayList<>();
            for (int i = 0; i < value.size(); i += 2) {
                if (i + 1 == value.size()) {
                    nv.add(value.get(i));
                    nc.add(cls.get(i));
                    continue;
                }
                int sh = compareShift[comparator++];
                boolean right = value.get(i + 1).shiftRight(sh).compareTo(value.get(i).shiftRight(sh)) > 0;
                nv.add(value.get(right ? i + 1 : i));
                nc.add(cls.get(right ? i + 1 : i));
            }
            value = nv;
            cls = nc;
        }
        return cls.get(0);
    }

    /** Bits that hold every value in [lo, hi]: unsigned when lo >= 0, else two's complement. */
    static int width(BigInteger lo, BigInteger hi) {
        if (lo.signum() >= 0) {
            return Math.max(1, hi.bitLength());
        }
        return Math.max(lo.bitLength() + 1, hi.signum() < 0 ? 1 : hi.bitLength() + 1);
    }

    /** The largest {@code x & m} over {@code 0 <= x <= hi}, greedily from the top bit. */
    static BigInteger maxAnd(BigInteger hi, BigInteger m) {
        BigInteger acc = BigInteger.ZERO;
        for (int p = hi.bitLength() - 1; p >= 0; p--) {
            if (!hi.testBit(p)) {
                continue; // x follows hi: bit p is 0
            }
            if (m.testBit(p)) {
                acc = acc.setBit(p); // x keeps bit p and stays equal to hi so far
            } else {
                // Clearing bit p frees every lower bit of x: take all of m's lower bits.
                return acc.or(m.and(BigInteger.ONE.shiftLeft(p).subtract(BigInteger.ONE)));
            }
        }
        return acc;
    }

    /**
     * Non-adjacent form of v as {shift, sign} pairs: digit i is non-zero where bit i + 1 of 3|v|
     * and of |v| differ (Reitwiesner), negated for negative v.
     */
    static List<int[]> naf(long v) {
        BigInteger x = BigInteger.valueOf(v).abs();
        BigInteger three = x.multiply(BigInteger.valueOf(3));
        BigInteger plus = three.andNot(x).shiftRight(1);
        BigInteger minus = x.andNot(three).shiftRight(1);
        List<int[]> out = new ArrayList<>();
        int top = Math.max(plus.bitLength(), minus.bitLength());
        for (int i = 0; i < top; i++) {
            int s = plus.testBit(i) ? 1 : minus.testBit(i) ? -1 : 0;
            if (s != 0) {
                out.add(new int[] {i, v < 0 ? -s : s});
            }
        }
        return out;
    }

    /** Reads the configuration and derives every integer of the design, stage by stage. */
    private static final class Builder {
        private final Mlp model;
        private final DesignConfig config;
        private final int[][] calibration;
        private final QuantSpec spec;
        private final int layerCount;
        private final long[][][] weight;
        private final long[][] bias;
        private final int[] frac;
        private final BigInteger[] registered;
        private final int[][] levelValue;
        private final BigInteger[] inputHi;

        Builder(Mlp model, DesignConfig config, int[][] calibration) {
            this.model = model;
            this.config = config;
            this.calibration = calibration;
            this.spec = config.spec();
            this.layerCount = model.layers().size();
            this.weight = new long[layerCount][][];
            this.bias = new long[layerCount][];
            this.frac = new int[layerCount];
            this.registered = new BigInteger[model.inputs()];
            this.levelValue = new int[model.inputs()][];
            this.inputHi = new BigInteger[model.inputs()];
        }

        ReferenceModel build() {
            quantizeWeights();
            prune();
            registerInputs();
            // Stage 1, the activation windows: calibrated layer by layer on the network without
            // masks and truncation (they come later in the flow).
            Layer[] windows = new Layer[layerCount];
            int[][] exponent = new int[layerCount + 1][];
            exponent[0] = filled(model.inputs(), -spec.inputBits());
            for (int l = 0; l < layerCount; l++) {
                windows[l] = stage(l, windows, exponent[l], null, false, null);
                chooseWindows(l, windows, exponent[l]);
                exponent[l + 1] = windows[l].actExponent;
            }
            // Stage 2: masks, no truncation; its value widths define which heap bits the
            // truncation compensation counts.
            MaskPass masks = config.pass(MaskPass.NAME);
            Layer[] masked = new Layer[layerCount];
            for (int l = 0; l < layerCount; l++) {
                masked[l] = stage(l, masked, exponent[l], masks, false, windows[l]);
            }
            // Stage 3: the design.
            Layer[] design = new Layer[layerCount];
            for (int l = 0; l < layerCount; l++) {
                design[l] = stage(l, design, exponent[l], masks, true, windows[l]);
                addCompensation(l, design[l], masked[l]);
                ranges(design[l], sourceHi(l, design));
            }
            return new ReferenceModel(model.inputs(), spec.inputBits(), registered, levelValue, design, argmaxOrder(),
                    compareShifts(design[layerCount - 1]));
        }

        private void quantizeWeights() {
            WeightFormatPass formats = config.pass(WeightFormatPass.NAME);
            for (int l = 0; l < layerCount; l++) {
                WeightFormat f = formats == null ? new FixedFormat(spec.weightBits()) : formats.formats()[l];
                double[][] w = model.layer(l).weights();
                double[] b = model.layer(l).biases();
                WeightGrid grid = f.fit(w, b);
                frac[l] = grid.fracBits();
                weight[l] = new long[w.length][w[0].length];
                bias[l] = new long[w.length];
                for (int j = 0; j < w.length; j++) {
                    for (int i = 0; i < w[j].length; i++) {
                        weight[l][j][i] = grid.round(w[j][i]);
                    }
                    bias[l][j] = grid.roundBias(b[j]);
                }
            }
        }

        /** Per layer, the given share of the connections with the smallest trained |w| become 0 (ties: neuron, then input). */
        private void prune() {
            PruningPass p = config.pass(PruningPass.NAME);
            if (p == null) {
                return;
            }
            for (int l = 0; l < layerCount; l++) {
                double[][] w = model.layer(l).weights();
                List<int[]> all = new ArrayList<>();
                for (int j = 0; j < w.length; j++) {
                    for (int i = 0; i < w[j].length; i++) {
                        all.add(new int[] {j, i});
                    }
                }
                all.sort((a, b) -> {
                    int c = Double.compare(Math.abs(w[a[0]][a[1]]), Math.abs(w[b[0]][b[1]]));
                    return c != 0 ? c : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
                });
                int remove = (int) Math.floor(p.fractions()[l] * all.size() + 1e-9);
                for (int k = 0; k < remove; k++) {
                    weight[l][all.get(k)[0]][all.get(k)[1]] = 0;
                }
            }
        }

        /**
         * The top {@code bits[i]} bits of each feature are registered; a feature with learned
         * levels takes, for code x, the code of its level (the number of thresholds at most x),
         * and can set only the bits some level's code sets.
         */
        private void registerInputs() {
            InputBitsPass p = config.pass(InputBitsPass.NAME);
            int n = spec.inputBits();
            for (int i = 0; i < registered.length; i++) {
                int keep = p == null ? n : Math.min(n, p.bits()[i]);
                registered[i] = BigInteger.ONE.shiftLeft(keep).subtract(BigInteger.ONE).shiftLeft(n - keep);
                inputHi[i] = registered[i];
                org.pmlp.quant.InputLevels lv = p == null ? null : p.levels()[i];
                if (lv != null) {
                    levelValue[i] = new int[1 << n];
                    int or = 0;
                    int max = 0;
                    for (int x = 0; x < levelValue[i].length; x++) {
                        int level = 0;
                        for (int t : lv.thresholds()) {
                            level += x >= t ? 1 : 0;
                        }
                        levelValue[i][x] = lv.codes()[level];
                        or |= levelValue[i][x];
                        max = Math.max(max, levelValue[i][x]);
                    }
                    registered[i] = BigInteger.valueOf(or);
                    inputHi[i] = BigInteger.valueOf(max);
                }
            }
        }

        /**
         * Layer l's heap rows and constants for one stage, with the windows of {@code win} (or
         * placeholders while stage 1 chooses them), and its value ranges.
         */
        private Layer stage(int l, Layer[] built, int[] srcExp, MaskPass masks, boolean truncate, Layer win) {
            int n = weight[l].length;
            int fanIn = srcExp.length;
            Layer prev = l == 0 ? null : built[l - 1];
            int minExp = Integer.MAX_VALUE;
            for (int e : srcExp) {
                minExp = Math.min(minExp, e);
            }
            Layer out = new Layer();
            out.constant = new BigInteger[n];
            out.rows = new Row[n][];
            int[] cols = truncation(l);
            for (int j = 0; j < n; j++) {
                out.constant[j] = alignBias(bias[l][j], -minExp);
                List<Row> rows = new ArrayList<>();
                for (int i = 0; i < fanIn; i++) {
                    long w = weight[l][j][i];
                    if (w == 0) {
                        continue;
                    }
                    BigInteger m = sourceBits(l, i, prev).and(connectionMask(masks, l, j, i));
                    int align = srcExp[i] - minExp;
                    for (int[] d : naf(w)) {
                        int shift = d[0] + align;
                        BigInteger rm = m;
                        if (truncate && cols[j] > shift) {
                            rm = rm.andNot(BigInteger.ONE.shiftLeft(cols[j] - shift).subtract(BigInteger.ONE));
                        }
                        if (rm.signum() != 0) {
                            rows.add(new Row(i, rm, shift, d[1]));
                        }
                    }
                }
                out.rows[j] = rows.toArray(new Row[0]);
            }
            boolean last = l == layerCount - 1;
            ActivationPass act = config.pass(ActivationPass.NAME);
            out.relu = !last || (act != null && act.outputKind() == ActNode.Kind.RELU);
            out.msb = new int[n];
            out.lsb = new int[n];
            if (win != null) {
                out.msb = win.msb.clone();
                out.lsb = win.lsb.clone();
            } else {
                java.util.Arrays.fill(out.msb, 62); // the full placeholder window
            }
            out.actExponent = new int[n];
            for (int j = 0; j < n; j++) {
                out.actExponent[j] = minExp - frac[l] + out.lsb[j];
            }
            ranges(out, sourceHi(l, built));
            return out;
        }

        /** Bits source i of layer l can have: the registered input bits, or those of its range. */
        private BigInteger sourceBits(int l, int i, Layer prev) {
            if (l == 0) {
                return registered[i];
            }
            int w = width(prev.actLo[i], prev.actHi[i]);
            return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        }

        private BigInteger connectionMask(MaskPass masks, int l, int j, int i) {
            if (masks == null || masks.masks()[l] == null) {
                return ALL_ONES;
            }
            return BigInteger.valueOf(masks.masks()[l][j][i]);
        }

        private int[] truncation(int l) {
            TruncationPass t = config.pass(TruncationPass.NAME);
            return t == null ? new int[weight[l].length] : t.columns()[l];
        }

        /** {@code b * 2^shift}; for a negative shift rounded half up. */
        private static BigInteger alignBias(long b, int shift) {
            BigInteger v = BigInteger.valueOf(b);
            if (shift >= 0) {
                return v.shiftLeft(shift);
            }
            return v.add(BigInteger.ONE.shiftLeft(-shift - 1)).shiftRight(-shift);
        }

        /** Interval bounds of layer l's sums and activations, from the previous layer's. */
        private static void ranges(Layer layer, BigInteger[] srcHi) {
            int n = layer.rows.length;
            layer.sumLo = new BigInteger[n];
            layer.sumHi = new BigInteger[n];
            layer.actLo = new BigInteger[n];
            layer.actHi = new BigInteger[n];
            for (int j = 0; j < n; j++) {
                BigInteger lo = layer.constant[j];
                BigInteger hi = lo;
                for (Row r : layer.rows[j]) {
                    BigInteger max = maxAnd(srcHi[r.source()], r.mask()).shiftLeft(r.shift());
                    if (r.sign() > 0) {
                        hi = hi.add(max);
                    } else {
                        lo = lo.subtract(max);
                    }
                }
                layer.sumLo[j] = lo;
                layer.sumHi[j] = hi;
                layer.actLo[j] = act(layer, j, lo);
                layer.actHi[j] = act(layer, j, hi);
            }
        }

        /**
         * Truncating column t adds, when compensating, the expected value of the dropped heap
         * bits (each 1 with probability 1/2) rounded half up: {@code floor((2E + 1) / 2)}, over
         * the bits that exist in the masked, untruncated design.
         */
        private void addCompensation(int l, Layer design, Layer untruncated) {
            TruncationPass t = config.pass(TruncationPass.NAME);
            if (t == null || !t.compensate()) {
                return;
            }
            int[] cols = t.columns()[l];
            for (int j = 0; j < design.rows.length; j++) {
                if (cols[j] == 0) {
                    continue;
                }
                BigInteger twice = BigInteger.ZERO;
                for (Row r : untruncated.rows[j]) {
                    for (int b = 0; b < r.mask().bitLength(); b++) {
                        if (r.mask().testBit(b) && b + r.shift() < cols[j]) {
                            BigInteger bit = BigInteger.ONE.shiftLeft(b + r.shift());
                            twice = r.sign() > 0 ? twice.add(bit) : twice.subtract(bit);
                        }
                    }
                }
                design.constant[j] = design.constant[j].add(twice.add(BigInteger.ONE).shiftRight(1));
            }
        }

        /** Chooses layer l's windows as the flow does, from the stage-1 network. */
        private void chooseWindows(int l, Layer[] built, int[] srcExp) {
            Layer layer = built[l];
            int n = layer.rows.length;
            boolean last = l == layerCount - 1;
            ActivationPass act = config.pass(ActivationPass.NAME);
            if (act == null) {
                return; // placeholders: full windows, identity output
            }
            if (last && act.outputKind() == ActNode.Kind.IDENTITY) {
                java.util.Arrays.fill(layer.lsb, act.output().lsb());
                java.util.Arrays.fill(layer.msb, Math.max(act.output().lsb(), 62));
            } else {
                Window[] spec = last ? new Window[] {act.output()} : act.hidden()[l];
                boolean calibrated = false;
                for (Window w : spec) {
                    calibrated |= !w.explicit();
                }
                BigInteger[] max = calibrated ? observedMax(l, built) : null;
                if (spec.length == 1 && !spec[0].explicit() && spec[0].bits() > 0) {
                    BigInteger layerMax = BigInteger.ZERO;
                    for (BigInteger m : max) {
                        layerMax = layerMax.max(m);
                    }
                    int lsb = Math.max(0, layerMax.bitLength() - spec[0].bits());
                    java.util.Arrays.fill(layer.lsb, lsb);
                    java.util.Arrays.fill(layer.msb, lsb + spec[0].bits() - 1);
                } else {
                    for (int j = 0; j < n; j++) {
                        Window w = spec.length == 1 ? spec[0] : spec[j];
                        if (w.explicit()) {
                            layer.msb[j] = w.msb();
                            layer.lsb[j] = w.lsb();
                        } else if (w.bits() == 0) {
                            layer.msb[j] = layer.sumHi[j].max(BigInteger.ONE).bitLength() - 1;
                            layer.lsb[j] = 0;
                        } else {
                            layer.lsb[j] = Math.max(0, max[j].max(BigInteger.ZERO).bitLength() - w.bits());
                            layer.msb[j] = layer.lsb[j] + w.bits() - 1;
                        }
                    }
                }
            }
            int minExp = Integer.MAX_VALUE;
            for (int e : srcExp) {
                minExp = Math.min(minExp, e);
            }
            for (int j = 0; j < n; j++) {
                layer.actExponent[j] = minExp - frac[l] + layer.lsb[j];
            }
            ranges(layer, sourceHi(l, built));
        }

        /** The largest value of each input of layer l. */
        private BigInteger[] sourceHi(int l, Layer[] built) {
            return l == 0 ? inputHi : built[l - 1].actHi;
        }

        /**
         * The largest sum of each neuron of layer l (at least 0): over the calibration inputs;
         * without them, from the model's float activation maxima (hidden layers), else the
         * range bound.
         */
        private BigInteger[] observedMax(int l, Layer[] built) {
            Layer layer = built[l];
            int n = layer.rows.length;
            BigInteger[] max = new BigInteger[n];
            java.util.Arrays.fill(max, BigInteger.ZERO);
            if (calibration != null && calibration.length > 0) {
                for (int[] q : calibration) {
                    BigInteger[] x = new BigInteger[q.length];
                    for (int i = 0; i < q.length; i++) {
                        int code = q[i] & ((1 << spec.inputBits()) - 1);
                        x[i] = BigInteger.valueOf(levelValue[i] == null ? code : levelValue[i][code]).and(registered[i]);
                    }
                    BigInteger[] s = sums(layer, forward(built, l, x));
                    for (int j = 0; j < n; j++) {
                        max[j] = max[j].max(s[j]);
                    }
                }
                return max;
            }
            double[][] floatMax = model.activationMax();
            boolean last = l == layerCount - 1;
            for (int j = 0; j < n; j++) {
                BigInteger hi = layer.sumHi[j];
                if (!last && floatMax != null) {
                    int sumExp = layer.actExponent[j] - layer.lsb[j];
                    BigInteger f = BigInteger.valueOf((long) Math.ceil(Math.scalb(floatMax[l][j], -sumExp)));
                    max[j] = hi.min(f);
                } else {
                    max[j] = hi;
                }
            }
            return max;
        }

        private int[] argmaxOrder() {
            ArgmaxPass p = config.pass(ArgmaxPass.NAME);
            int k = weight[layerCount - 1].length;
            if (p != null && p.order() != null) {
                return p.order().clone();
            }
            int[] o = new int[k];
            for (int i = 0; i < k; i++) {
                o[i] = i;
            }
            return o;
        }

        /**
         * Every output is sign-extended (when any can be negative) to the widest one; comparator
         * c looks at its top {@code bits[c]} bits less the {@code ignore_low[c]} lowest, at least one.
         */
        private int[] compareShifts(Layer out) {
            boolean signed = false;
            for (BigInteger lo : out.actLo) {
                signed |= lo.signum() < 0;
            }
            int vw = 1;
            for (int j = 0; j < out.actLo.length; j++) {
                int w = width(out.actLo[j], out.actHi[j]);
                vw = Math.max(vw, w + (signed && out.actLo[j].signum() >= 0 ? 1 : 0));
            }
            int comparators = out.actLo.length - 1;
            ArgmaxPass p = config.pass(ArgmaxPass.NAME);
            int[] shift = new int[comparators];
            for (int c = 0; c < comparators; c++) {
                int bits = p == null || p.bits() == null ? vw : Math.min(vw, p.bits()[c]);
                int low = p == null || p.ignoreLow() == null ? 0 : p.ignoreLow()[c];
                int eb = Math.max(1, Math.min(bits, vw - low));
                shift[c] = vw - eb;
            }
            return shift;
        }

        private static int[] filled(int n, int v) {
            int[] a = new int[n];
            java.util.Arrays.fill(a, v);
            return a;
        }
    }
}
