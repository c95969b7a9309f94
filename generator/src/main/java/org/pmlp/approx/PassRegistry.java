package org.pmlp.approx;

import java.util.ArrayList;
import java.util.List;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * The passes a design configuration may name, in the order the flow runs them. Adding an
 * approximation is one class and one line here.
 */
public final class PassRegistry {
    /** Parses one section; {@code earlier} holds the passes parsed before it. */
    interface Parser {
        Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier);
    }

    private record Entry(String name, Parser parser) {
    }

    private static final List<Entry> FLOW = List.of(
            new Entry(WeightFormatPass.NAME, (in, shape, spec, e) -> WeightFormatPass.parse(in, shape, spec.weightBits())),
            new Entry(PruningPass.NAME, (in, shape, spec, e) -> PruningPass.parse(in, shape)),
            new Entry(InputBitsPass.NAME, (in, shape, spec, e) -> InputBitsPass.parse(in, shape, spec.inputBits())),
            new Entry(ActivationPass.NAME, (in, shape, spec, e) -> ActivationPass.parse(in, shape, spec.actBits())),
            new Entry(MaskPass.NAME, (in, shape, spec, e) -> MaskPass.parse(in, shape, sourceBits(shape, spec, e))),
            new Entry(TruncationPass.NAME, (in, shape, spec, e) -> TruncationPass.parse(in, shape)),
            new Entry(ArgmaxPass.NAME, (in, shape, spec, e) -> ArgmaxPass.parse(in, shape)));

    private PassRegistry() {
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Entry e : FLOW) {
            out.add(e.name());
        }
        return out;
    }

    static List<Pass> parse(Json.In root, ModelShape shape, QuantSpec spec) {
        List<Pass> passes = new ArrayList<>();
        for (Entry e : FLOW) {
            Json.In section = root.opt(e.name());
            if (section != null) {
                passes.add(e.parser().parse(section, shape, spec, passes));
            } else if (e.name().equals(ActivationPass.NAME)) {
                passes.add(ActivationPass.defaults(shape, spec.actBits()));
            }
        }
        return passes;
    }

    /** Width of input i of layer l as configured so far (for checking masks against it). */
    private static java.util.function.IntBinaryOperator sourceBits(ModelShape shape, QuantSpec spec, List<Pass> earlier) {
        ActivationPass act = null;
        for (Pass p : earlier) {
            if (p instanceof ActivationPass a) {
                act = a;
            }
        }
        ActivationPass acts = act;
        return (l, i) -> {
            if (l == 0) {
                return spec.inputBits();
            }
            Window[] w = acts.hidden()[l - 1];
            Window win = w.length == 1 ? w[0] : w[i];
            if (win.explicit()) {
                return win.msb() - win.lsb() + 1;
            }
            // A full-width window is as wide as its sum turns out, at most the supported width.
            return win.bits() == 0 ? org.pmlp.ir.WidthInference.MAX_BITS : win.bits();
        };
    }
}
