package org.pmlp.model;

import java.nio.file.Path;
import java.util.Locale;
import org.pmlp.model.imports.ImportOptions;
import org.pmlp.model.imports.ModelImport;
import org.pmlp.model.imports.OnnxImporter;
import org.pmlp.model.imports.SklearnImporter;
import org.pmlp.util.Json;

/**
 * Reads a model file in any format pmlp accepts: ONNX (by the .onnx extension), a scikit-learn
 * export (a JSON with the export's format marker) or a pmlp model JSON.
 */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Imported models use their own scaler (see {@link ImportOptions.Scaling#AUTO}) and no training data. */
    public static Mlp read(Path file) {
        return read(file, ImportOptions.defaults());
    }

    /** @param options how to adapt an imported model's input scaling; ignored for pmlp models */
    public static Mlp read(Path file, ImportOptions options) {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return ModelImport.toMlp(OnnxImporter.read(file), options);
        }
        Json.In root = Json.read(file);
        if (SklearnImporter.isExport(root)) {
            return ModelImport.toMlp(SklearnImporter.parse(root, file.toString()), options);
        }
        return ModelJson.parse(root);
    }
}
