package org.pmlp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelFiles;
import org.pmlp.model.imports.ClassAlignment;
import org.pmlp.model.imports.ImportOptions;
import org.pmlp.model.imports.ImportedModel;
import org.pmlp.model.imports.ModelImport;

/**
 * A model given with --model and the data that goes with it (generate, run, import). A pmlp
 * model brings its scaler and may name its data files; an imported one (ONNX, scikit-learn) is
 * adapted to pmlp's input scaling with the data given, whose labels follow the model's classes.
 */
final class ModelLoading {
    record Result(Mlp model, DataOptions.Loaded data) {
    }

    private ModelLoading() {
    }

    /** @param scaler the --scaler value for imported models; null when not given */
    static Result load(Path file, String scaler, DataOptions data, long seed, PrintStream log) {
        if (ModelImport.isImport(file)) {
            return adapt(ModelImport.read(file), scaler, data, seed, log);
        }
        if (scaler != null) {
            throw new UserError("--scaler applies to imported models (ONNX, scikit-learn) and to training; " + file
                    + " is a pmlp model, which carries its own input scaling");
        }
        Mlp m = ModelFiles.read(file);
        ModelDefaults.applyProvenance(m, data, log);
        return new Result(m, data.load(ModelDefaults.seed(m, seed), false, log));
    }

    static Result adapt(ImportedModel im, String scaler, DataOptions data, long seed, PrintStream log) {
        DataOptions.Loaded d = data.load(seed, false, log);
        Mlp m = ModelImport.toMlp(im, new ImportOptions(ImportOptions.Scaling.parse(scaler), d.train()));
        d = new DataOptions.Loaded(ClassAlignment.align(d.train(), m.classes(), String.valueOf(data.train)),
                ClassAlignment.align(d.test(), m.classes(), String.valueOf(data.test != null ? data.test : data.train)));
        log.printf("imported %s model %s: %s, classes %s%n", im.format().equals("onnx") ? "ONNX" : "scikit-learn",
                im.source(), m.topology(), m.classes());
        log.printf("input scaling: %s%n", m.provenance().get("input_scaling"));
        int rows = 0;
        int same = 0;
        for (Dataset part : new Dataset[] {d.train(), d.test()}) {
            if (part != null) {
                rows += part.rows();
                same += ModelImport.agreement(im, m, part.x());
            }
        }
        if (rows > 0) {
            log.printf("check: the pmlp model classifies %d of %d data rows as the source model does%s%n", same, rows,
                    same == rows ? "" : " (the others are float near-ties)");
        }
        return new Result(m, d);
    }
}
