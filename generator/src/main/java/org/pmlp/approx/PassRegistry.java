package org.pmlp.approx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * The passes a design configuration may name, in the order the flow runs them. Each pass
 * declares itself in its {@link PassKind}; adding an approximation is one class and one line
 * here (or, from a test, {@link #register}).
 */
public final class PassRegistry {
    private static final List<PassKind> FLOW = new CopyOnWriteArrayList<>(List.of(
            WeightFormatPass.KIND,
            PruningPass.KIND,
            InputBitsPass.KIND,
            ActivationPass.KIND,
            MaskPass.KIND,
            TruncationPass.KIND,
            ArgmaxPass.KIND));

    private PassRegistry() {
    }

    /** The pass kinds in flow order. */
    public static List<PassKind> kinds() {
        return List.copyOf(FLOW);
    }

    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (PassKind k : FLOW) {
            out.add(k.name());
        }
        return out;
    }

    /**
     * Adds a pass kind at the end of the flow until the returned handle is closed (for tests
     * and extensions; the built-in passes are listed above).
     */
    public static AutoCloseable register(PassKind kind) {
        if (names().contains(kind.name())) {
            throw new IllegalArgumentException("a pass named " + kind.name() + " is already registered");
        }
        FLOW.add(kind);
        return () -> FLOW.remove(kind);
    }

    static List<Pass> parse(Json.In root, ModelShape shape, QuantSpec spec) {
        List<Pass> passes = new ArrayList<>();
        for (PassKind k : FLOW) {
            Json.In section = root.opt(k.name());
            Pass p = section != null ? k.parse(section, shape, spec, passes) : k.absent(shape, spec);
            if (p != null) {
                passes.add(p);
            }
        }
        return passes;
    }
}
