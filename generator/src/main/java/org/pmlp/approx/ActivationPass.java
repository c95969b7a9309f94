package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.Lowering;
import org.pmlp.ir.Program;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.WidthInference;
import org.pmlp.util.Json;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "activations"}: the window of sum bits each activation keeps.
 * <ul>
 * <li>{@code "hidden"}: per hidden layer (or once for all) a {@link Window} for the whole layer,
 *     or a list with one window per neuron. ReLU clamps below 0 and saturates above the window.
 *     Default: the spec's activation bits (8), positioned per layer so that the largest sum seen
 *     on the training data just fits.</li>
 * <li>{@code "output"}: {@code {"kind": "identity" | "relu", ...window}}, one window for the whole
 *     output layer (the argmax compares values on one scale). Default: identity, lsb 0.</li>
 * </ul>
 * Calibration uses, in order of preference: the quantized training inputs, the float
 * activation maxima stored in the model, the worst case of range analysis.
 */
public record ActivationPass(Window[][] hidden, ActNode.Kind outputKind, Window output) implements Pass {
    public static final String NAME = "activations";

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "the window of sum bits each activation keeps (ReLU clamps below 0 and saturates above)";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(
                    new Knob("hidden", "per hidden layer (or once) a window `{\"bits\": B}` (calibrated on the training"
                            + " data) or `{\"msb\": M, \"lsb\": L}`, or a list with one per neuron", "`{\"bits\": act_bits}`",
                            "hidden activation windows"),
                    new Knob("output", "`{\"kind\": \"identity\", \"lsb\": L}` or `{\"kind\": \"relu\", ...window}`",
                            "identity, lsb 0", "the output layer's activation (one window: the argmax compares on one scale)"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return ActivationPass.parse(section, shape, spec.actBits());
        }

        @Override
        public Pass absent(ModelShape shape, QuantSpec spec) {
            return defaults(shape, spec.actBits());
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            // Threshold layers keep their one bit, so only the other hidden neurons get genes.
            int hidden = 0;
            for (int l = 0; l < shape.layers() - 1; l++) {
                hidden += shape.threshold(l) ? 0 : shape.layerSizes()[l];
            }
            // window_shift (slot 9) sits after every older block, so older genomes keep their
            // layout as a prefix.
            return List.of(new Gene("windows", Math.max(1, hidden), searchBits(spec), true, 4,
                            "per hidden neuron, the width of its ReLU window below the calibrated msb"),
                    new Gene("window_shift", Math.max(1, hidden), MAX_WINDOW_SHIFT, false, 9,
                            "per hidden neuron, how far its window's msb sits below the calibrated msb (larger sums"
                                    + " saturate; a 1-bit window becomes a threshold neuron, sum >= 2^msb)"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            ModelShape shape = genes.shape();
            int[] windows = genes.get("windows");
            int[] shifts = genes.get("window_shift");
            int[] hiddenMsb = genes.hiddenMsb();
            Window[][] hidden = new Window[shape.layers() - 1][];
            int h = 0;
            for (int l = 0; l < hidden.length; l++) {
                hidden[l] = new Window[shape.layerSizes()[l]];
                if (shape.threshold(l)) {
                    // Threshold neurons keep their one bit and have no genes.
                    java.util.Arrays.fill(hidden[l], THRESHOLD);
                    continue;
                }
                for (int j = 0; j < hidden[l].length; j++) {
                    int shift = shifts[h];
                    int w = Math.max(1, windows[h++]);
                    int msb = Math.max(hiddenMsb[l] - shift, w - 1);
                    hidden[l][j] = Window.of(msb, msb - w + 1);
                }
            }
            return new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0));
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            switch (draw) {
                case WIDE:
                    return randomFullWidth(r, shape);
                case REALISTIC: {
                    Window[][] hidden = new Window[shape.layers() - 1][];
                    for (int l = 0; l < hidden.length; l++) {
                        hidden[l] = new Window[] {Window.ofBits(4 + r.nextInt(5))};
                    }
                    return r.nextBoolean()
                            ? new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0))
                            : new ActivationPass(hidden, ActNode.Kind.RELU, Window.ofBits(4 + r.nextInt(5)));
                }
                default:
                    return randomAny(r, shape);
            }
        }
    };

    /**
     * Largest step of the gene {@code window_shift}: how many bits below its calibrated msb a
     * hidden window may end. Lower windows keep finer bits of small activations and clip the
     * large ones (as learned clipping does); a 1-bit window at msb m is the threshold neuron
     * {@code sum >= 2^m}, so the shift chooses its threshold.
     */
    public static final int MAX_WINDOW_SHIFT = 6;

    /** Hidden window width of the exact design in the search (the spec's, or 8 when it keeps full width). */
    public static int searchBits(QuantSpec spec) {
        return spec.actBits() == 0 ? 8 : spec.actBits();
    }

    /**
     * Width of input i of layer l as configured ({@code act} may be null for layer 0): the
     * input width, an explicit window's width, a calibrated window's bits, or for a full-width
     * window the widest supported sum.
     */
    public static int sourceBits(int l, int i, QuantSpec spec, ActivationPass act) {
        if (l == 0) {
            return spec.inputBits();
        }
        Window[] w = act.hidden()[l - 1];
        Window win = w.length == 1 ? w[0] : w[i];
        if (win.explicit()) {
            return win.msb() - win.lsb() + 1;
        }
        return win.bits() == 0 ? WidthInference.MAX_BITS : win.bits();
    }

    private static ActivationPass randomFullWidth(SplittableRandom r, ModelShape shape) {
        Window[][] hidden = new Window[shape.layers() - 1][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new Window[] {Window.ofBits(0)};
        }
        return r.nextBoolean()
                ? new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0))
                : new ActivationPass(hidden, ActNode.Kind.RELU, Window.ofBits(0));
    }

    private static ActivationPass randomAny(SplittableRandom r, ModelShape shape) {
        Window[][] hidden = new Window[shape.layers() - 1][];
        for (int l = 0; l < hidden.length; l++) {
            int n = shape.layerSizes()[l];
            if (r.nextBoolean()) {
                hidden[l] = new Window[] {randomWindow(r)};
            } else {
                hidden[l] = new Window[n];
                for (int j = 0; j < n; j++) {
                    hidden[l][j] = randomWindow(r);
                }
            }
        }
        if (r.nextBoolean()) {
            return new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, r.nextInt(3) == 0 ? r.nextInt(6) : 0));
        }
        return new ActivationPass(hidden, ActNode.Kind.RELU, randomWindow(r));
    }

    private static Window randomWindow(SplittableRandom r) {
        switch (r.nextInt(3)) {
            case 0:
                return Window.ofBits(r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(8));
            case 1: {
                int lsb = r.nextInt(10);
                return Window.of(lsb + r.nextInt(8), lsb);
            }
            default:
                return Window.ofBits(2 + r.nextInt(7));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The window of a threshold neuron ({@link org.pmlp.model.Activation#STEP}): bit 0 of the
     * ReLU-clamped integer sum, 1 exactly when the sum is positive, as the float neuron.
     */
    public static final Window THRESHOLD = Window.of(0, 0);

    /** The spec's calibrated windows; threshold layers get {@link #THRESHOLD}. */
    public static ActivationPass defaults(ModelShape shape, int actBits) {
        Window[][] hidden = new Window[shape.layers() - 1][];
        for (int l = 0; l < hidden.length; l++) {
            hidden[l] = new Window[] {shape.threshold(l) ? THRESHOLD : Window.ofBits(actBits)};
        }
        return new ActivationPass(hidden, ActNode.Kind.IDENTITY, Window.of(0, 0));
    }

    public static ActivationPass parse(Json.In in, ModelShape shape, int actBits) {
        in.onlyFields("hidden", "output");
        ActivationPass d = defaults(shape, actBits);
        Window[][] hidden = d.hidden();
        Json.In h = in.opt("hidden");
        if (h != null) {
            int layers = shape.layers() - 1;
            if (!h.node().isArray()) {
                for (int l = 0; l < layers; l++) {
                    hidden[l] = new Window[] {Window.parse(h)};
                }
            } else if (h.size() == layers) {
                for (int l = 0; l < layers; l++) {
                    hidden[l] = layerWindows(h.at(l), shape.layerSizes()[l]);
                }
            } else {
                throw h.error("expected one window for all hidden layers, or a list with one entry per hidden layer ("
                        + layers + "), each a window or a list of one window per neuron");
            }
        }
        ActNode.Kind kind = d.outputKind();
        Window out = d.output();
        Json.In o = in.opt("output");
        if (o != null) {
            String k = o.has("kind") ? o.get("kind").text() : "identity";
            if (k.equals("identity")) {
                o.onlyFields("kind", "lsb");
                kind = ActNode.Kind.IDENTITY;
                out = Window.of(0, o.has("lsb") ? o.get("lsb").integer(0, 62) : 0);
            } else if (k.equals("relu")) {
                kind = ActNode.Kind.RELU;
                ObjectNode window = ((ObjectNode) o.node()).deepCopy();
                window.remove("kind");
                out = window.size() == 0 ? Window.ofBits(actBits) : Window.parse(Json.of("output", window));
            } else {
                throw o.get("kind").error("expected \"identity\" or \"relu\", got \"" + k + "\"");
            }
        }
        return new ActivationPass(hidden, kind, out);
    }

    private static Window[] layerWindows(Json.In in, int neurons) {
        if (!in.node().isArray()) {
            return new Window[] {Window.parse(in)};
        }
        if (in.size() != neurons) {
            throw in.error("expected one window per neuron (" + neurons + "), got " + in.size());
        }
        Window[] w = new Window[neurons];
        for (int j = 0; j < neurons; j++) {
            w[j] = Window.parse(in.at(j));
        }
        return w;
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        for (int l = 0; l < c.layers(); l++) {
            boolean last = l == c.layers() - 1;
            List<ActNode> acts = c.acts(l);
            if (last && outputKind == ActNode.Kind.IDENTITY) {
                for (ActNode a : acts) {
                    a.setWindow(ActNode.Kind.IDENTITY, Math.max(output.lsb(), 62), output.lsb());
                }
                continue;
            }
            Window[] spec = last ? new Window[] {output} : hidden[l];
            ActNode.Kind kind = last ? outputKind : ActNode.Kind.RELU;
            boolean calibrated = false;
            for (Window w : spec) {
                calibrated |= !w.explicit();
            }
            long[] max = calibrated ? observedMax(c, l, ctx) : null;
            if (spec.length == 1 && !spec[0].explicit() && spec[0].bits() > 0) {
                // One window for the layer: a common lsb from the layer's largest sum.
                long layerMax = 0;
                for (long m : max) {
                    layerMax = Math.max(layerMax, m);
                }
                int lsb = lsbFor(layerMax, spec[0].bits());
                for (ActNode a : acts) {
                    a.setWindow(kind, lsb + spec[0].bits() - 1, lsb);
                }
                continue;
            }
            for (int j = 0; j < acts.size(); j++) {
                Window w = spec.length == 1 ? spec[0] : spec[j];
                ActNode a = acts.get(j);
                if (w.explicit()) {
                    a.setWindow(kind, w.msb(), w.lsb());
                } else if (w.bits() == 0) {
                    // Full width: up to the sum's nominal bound (never saturates; stated against the
                    // nominal bound so the window does not move as inference tightens).
                    long hi = Math.max(1, c.sumOf(a).nominalHi());
                    a.setWindow(kind, 63 - Long.numberOfLeadingZeros(hi), 0);
                } else {
                    int lsb = lsbFor(max[j], w.bits());
                    a.setWindow(kind, lsb + w.bits() - 1, lsb);
                }
            }
        }
    }

    /** The lowest lsb such that {@code max >> lsb} fits in {@code bits} bits. */
    static int lsbFor(long max, int bits) {
        int len = 64 - Long.numberOfLeadingZeros(Math.max(0, max));
        return Math.max(0, len - bits);
    }

    /**
     * The largest value of each sum of layer l: observed on the calibration inputs, else
     * estimated from the model's float activation maxima, else the range analysis bound.
     */
    private static long[] observedMax(Circuit c, int l, PassContext ctx) {
        // Later layers keep their placeholder (full) windows; earlier ones are already set.
        WidthInference.runWhileEditing(c);
        List<SumNode> sums = c.sums(l);
        long[] max = new long[sums.size()];
        if (ctx.calibrationInputs() != null && ctx.calibrationInputs().length > 0) {
            Program p = Lowering.lower(c);
            Program.Scratch s = p.scratch();
            int[] slot = new int[sums.size()];
            for (int j = 0; j < slot.length; j++) {
                slot[j] = p.slotOf(sums.get(j));
            }
            for (int[] q : ctx.calibrationInputs()) {
                p.classify(q, s);
                long[] v = s.values();
                for (int j = 0; j < slot.length; j++) {
                    max[j] = Math.max(max[j], v[slot[j]]);
                }
            }
            return max;
        }
        double[][] floatMax = ctx.model().activationMax();
        boolean last = l == c.layers() - 1;
        for (int j = 0; j < max.length; j++) {
            SumNode s = sums.get(j);
            if (!last && floatMax != null) {
                max[j] = Math.min(s.nominalHi(), (long) Math.ceil(Math.scalb(floatMax[l][j], -s.exponent())));
            } else {
                max[j] = s.nominalHi(); // the nominal bound: the window must not move as inference tightens
            }
        }
        return max;
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode h = o.putArray("hidden");
        for (Window[] layer : hidden) {
            if (layer.length == 1) {
                h.add(layer[0].toJson());
            } else {
                ArrayNode per = h.addArray();
                for (Window w : layer) {
                    per.add(w.toJson());
                }
            }
        }
        ObjectNode out = o.putObject("output");
        if (outputKind == ActNode.Kind.RELU) {
            out.put("kind", "relu");
            out.setAll((ObjectNode) output.toJson());
        } else {
            out.put("kind", "identity");
            out.put("lsb", output.lsb());
        }
        return o;
    }

    /** Only explicit windows have a flat form: calibrated ones need the calibration data's sums. */
    @Override
    public boolean edit(FlatNetwork net) {
        int last = net.layers() - 1;
        for (int l = 0; l <= last; l++) {
            if (l == last && outputKind == ActNode.Kind.IDENTITY) {
                for (int j = 0; j < net.neurons(l); j++) {
                    net.setWindow(l, j, ActNode.Kind.IDENTITY, Math.max(output.lsb(), 62), output.lsb());
                }
                continue;
            }
            Window[] spec = l == last ? new Window[] {output} : hidden[l];
            ActNode.Kind kind = l == last ? outputKind : ActNode.Kind.RELU;
            for (int j = 0; j < net.neurons(l); j++) {
                Window w = spec.length == 1 ? spec[0] : spec[j];
                if (!w.explicit()) {
                    return false;
                }
                net.setWindow(l, j, kind, w.msb(), w.lsb());
            }
        }
        return true;
    }
}
