package org.pmlp.model.imports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;
import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.util.Json;

/**
 * Models from other frameworks: recognizing them, reading them, and turning them into pmlp
 * models whose input scaling is what the circuits take (min-max to [0, 0.9], or none), with the
 * model's own scaler folded into its first layer so its predictions do not change.
 */
public final class ModelImport {
    /** pmlp's input range: min-max scaled features in [LO, HI] are quantized as floor(2^N x). */
    public static final double LO = 0;
    public static final double HI = 0.9;

    private ModelImport() {
    }

    /** Whether the file is an ONNX model (by its extension) or a scikit-learn export (by its marker field). */
    public static boolean isImport(Path file) {
        return isOnnx(file) || SklearnImporter.isExport(Json.read(file));
    }

    private static boolean isOnnx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    /** Reads an ONNX model or a scikit-learn export. */
    public static ImportedModel read(Path file) {
        if (isOnnx(file)) {
            return OnnxImporter.read(file);
        }
        Json.In root = Json.read(file);
        if (SklearnImporter.isExport(root)) {
            return SklearnImporter.parse(root, file.toString());
        }
        throw new UserError(file + ": neither an ONNX model (*.onnx) nor a scikit-learn export (a JSON with \"format\": \""
                + SklearnImporter.FORMAT + "\", written by examples/export_sklearn.py)"
                + (root.node().path("format").asText().equals("pmlp-mlp") ? "; it is already a pmlp model" : ""));
    }

    /** The pmlp model computing the same classifier on pmlp's scaled inputs. */
    public static Mlp toMlp(ImportedModel im, ImportOptions options) {
        Dataset train = options.train();
        if (train != null && train.features() != im.inputs()) {
            throw new UserError(im.source() + ": the model takes " + im.inputs() + " features, the training data has "
                    + train.features());
        }
        List<String> features = im.features() != null ? im.features()
                : train != null ? train.featureNames() : numbered("x", im.inputs());
        // ONNX models do not name their classes: output i is the i-th class of the data, sorted as pmlp sorts them.
        List<String> classes = im.classes() != null ? im.classes()
                : train != null && train.classes() == im.outputs() ? train.classLabels() : numbered("", im.outputs());
        SourceScaler own = im.scaler();
        String folded = own == null ? "" : "; the model's own " + own.kind() + " is folded into layer 1";
        InputScaler target;
        String scaling;
        switch (options.scaler()) {
            case NONE:
                target = new InputScaler.Identity();
                scaling = "none: the circuit takes the raw features, which must already be in [0, 0.9]" + folded;
                break;
            case MINMAX:
                target = fit(train, im, "--scaler minmax");
                scaling = "min-max to [0, 0.9] fitted on the training data (" + train.rows() + " rows)" + folded;
                break;
            default:
                if (own == null) {
                    throw new UserError(im.source() + ": the model has no input scaler of its own, so pmlp cannot tell"
                            + " the range of its inputs: give --scaler minmax with --train FILE (fit min-max scaling to"
                            + " [0, 0.9] on the training data, folded into the first layer) or --scaler none (the features"
                            + " are already in [0, 0.9])");
                }
                if (own.hasRange()) {
                    target = new InputScaler.MinMax(own.dataMin().clone(), own.dataMax().clone(), LO, HI);
                    scaling = "min-max to [0, 0.9] over the data range of the model's own " + own.kind()
                            + ", which is folded into layer 1";
                } else {
                    target = fit(train, im, "the model's " + own.kind());
                    scaling = "min-max to [0, 0.9] fitted on the training data (" + train.rows() + " rows)" + folded;
                }
        }
        List<DenseLayer> layers = new ArrayList<>(im.layers());
        layers.set(0, ScalerFolding.fold(layers.get(0), own, target));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("imported_from", im.source());
        provenance.put("import_format", im.format());
        provenance.putAll(im.details());
        provenance.put("input_scaling", scaling);
        Mlp m = new Mlp(features, classes, target, layers, null, provenance);
        return train == null ? m : m.withActivationMax(m.measureActivationMax(train.x()));
    }

    private static InputScaler.MinMax fit(Dataset train, ImportedModel im, String why) {
        if (train == null || train.rows() == 0) {
            throw new UserError(im.source() + ": " + why + " needs the training data to fit pmlp's min-max input range"
                    + " [0, 0.9] on: give --train FILE (or --scaler none if the raw features are already in [0, 0.9])");
        }
        return InputScaler.MinMax.fit(train.x(), LO, HI);
    }

    /** How many of the rows the pmlp model classifies as the source model does. */
    public static int agreement(ImportedModel im, Mlp m, double[][] rows) {
        int same = 0;
        for (double[] r : rows) {
            if (im.predict(r) == m.predict(r)) {
                same++;
            }
        }
        return same;
    }

    private static List<String> numbered(String prefix, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
