package org.pmlp.model;

import java.nio.file.Path;

/** Reads a model file in any format pmlp accepts, chosen by its extension. */
public final class ModelFiles {
    private ModelFiles() {
    }

    public static Mlp read(Path file) {
        return ModelJson.read(file);
    }
}
