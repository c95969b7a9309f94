package org.pmlp.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.model.imports.ImportedModel;
import org.pmlp.model.imports.ModelImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert a model trained elsewhere into a pmlp model JSON: an ONNX model (*.onnx: Gemm or "
                + "MatMul+Add dense layers, Relu hidden, Softmax/Sigmoid/ArgMax output) or a scikit-learn "
                + "MLPClassifier exported with examples/export_sklearn.py.",
                "The model's own input scaler is folded into its first layer so the circuit takes min-max scaled "
                + "inputs in [0, 0.9] and the predictions stay the same. Commands taking --model also accept these "
                + "files directly."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "An ONNX model (*.onnx) or a scikit-learn export (JSON).")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Where to write the pmlp model.")
    Path output;

    @Option(names = "--scaler", paramLabel = "auto|minmax|none", defaultValue = "auto",
            description = {"auto (default): use the model's own scaler (a MinMaxScaler's range, or a StandardScaler "
                    + "or ONNX Sub/Div scaling with the min-max range fitted on --train);",
                    "minmax: fit min-max scaling to [0, 0.9] on --train (needed when the model has no scaler);",
                    "none: the features are already in [0, 0.9]."})
    String scaler;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for --split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataOptions data;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (data.split == null) {
            OptionUse.rejectGiven(spec, "it seeds --split, which is not given", "--seed");
        }
        ImportedModel im = ModelImport.read(model);
        ModelLoading.Result r = ModelLoading.adapt(im, scaler, data, seed, System.out);
        Mlp m = r.model();
        if (data.train != null) {
            // Like a trained model: generate and run find the data by themselves.
            Map<String, Object> p = new LinkedHashMap<>(m.provenance());
            p.put("train", data.train.toString());
            if (data.test != null) {
                p.put("test", data.test.toString());
            }
            if (data.split != null) {
                p.put("split", data.split);
                p.put("seed", seed);
            }
            if (data.label != null) {
                p.put("label", data.label);
            }
            m = m.withProvenance(p);
        }
        ModelJson.write(m, output);
        String acc = (r.data().train() == null ? "" : String.format("; train accuracy %.4f", m.accuracy(r.data().train())))
                + (r.data().test() == null ? "" : String.format("; test accuracy %.4f", m.accuracy(r.data().test())));
        System.out.printf("model %s written to %s%s%n", m.topology(), output, acc);
        return 0;
    }
}
