package org.pmlp.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.model.Mlp;

/**
 * Fills in data options from a model's provenance (the files it was trained on), so that
 * {@code pmlp generate --model m.json} finds its calibration and test data by itself.
 */
final class ModelDefaults {
    private ModelDefaults() {
    }

    static void applyProvenance(Mlp model, DataOptions data, PrintStream log) {
        if (data.train != null || data.test != null) {
            return;
        }
        Object train = model.provenance().get("train");
        if (!(train instanceof String t)) {
            return;
        }
        Object test = model.provenance().get("test");
        for (Object named : new Object[] {train, test}) {
            if (named instanceof String file && !Files.isRegularFile(Path.of(file))) {
                log.printf("warning: the model's provenance names its %s data %s, which does not exist (any more);"
                        + " continuing without data: give --train (and --test or --split) to use it%n",
                        named == train ? "training" : "test", file);
                return;
            }
        }
        data.train = Path.of(t);
        Object split = model.provenance().get("split");
        if (test instanceof String s) {
            data.test = Path.of(s);
        } else if (split instanceof Number n) {
            data.split = n.doubleValue();
        }
        if (data.label == null && model.provenance().get("label") instanceof String l) {
            data.label = l;
        }
        log.printf("data from the model's provenance: --train %s%s%n", data.train,
                data.test != null ? " --test " + data.test : data.split != null ? " --split " + data.split : "");
    }

    /** The seed the model was trained with (its split must be reproduced with it). */
    static long seed(Mlp model, long fallback) {
        Object s = model.provenance().get("seed");
        return s instanceof Number n ? n.longValue() : fallback;
    }
}
