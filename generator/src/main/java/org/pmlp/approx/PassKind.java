package org.pmlp.approx;

import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * Everything pmlp knows about one approximation, declared once beside its pass: the section name
 * and knobs (what {@code pmlp knobs} and the README table list), how the section is parsed, the
 * pass's genes in the design-space search and how they decode, and how the tests draw it at
 * random. Configuration parsing and printing, the search space, the random designs and the
 * listing all iterate over {@link PassRegistry#kinds()}; adding a knob is one class.
 */
public interface PassKind {
    /** The section name in the design configuration (also {@link Pass#name()}). */
    String name();

    /** One line saying what the pass does. */
    String help();

    List<Knob> knobs();

    /** Parses the section; {@code earlier} holds the passes parsed before it, in flow order. */
    Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier);

    /** The pass a configuration without the section runs, or null for none. */
    default Pass absent(ModelShape shape, QuantSpec spec) {
        return null;
    }

    /** Its gene blocks in the search (none: the search leaves it at its default). */
    default List<Gene> genes(ModelShape shape, QuantSpec spec) {
        return List.of();
    }

    /** The pass a genome chooses, or null; {@code earlier} holds the passes decoded before it. */
    default Pass decode(Genes genes, List<Pass> earlier) {
        return null;
    }

    /**
     * A random pass for the tests, or null for none. Draws from {@code r} in a fixed order (the
     * random designs of a seed must not change when unrelated code does).
     */
    default Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
        return null;
    }

    /** The last pass of the given type among {@code passes}, or null. */
    static <T extends Pass> T find(List<Pass> passes, Class<T> type) {
        T found = null;
        for (Pass p : passes) {
            if (type.isInstance(p)) {
                found = type.cast(p);
            }
        }
        return found;
    }
}
