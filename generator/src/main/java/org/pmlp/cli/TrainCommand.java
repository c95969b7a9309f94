package org.pmlp.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.ModelJson;
import org.pmlp.model.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a float MLP (ReLU hidden layers, softmax output, Adam) and write it as pmlp model JSON. "
                + "A stratified validation split of the training rows stops each run early and chooses among the "
                + "restarts, weight decays and input dropout rates; the test data is only ever reported on.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--hidden", required = true, split = ",", paramLabel = "N[,N...]",
            description = "Neurons per hidden layer, e.g. 3 or 8,4.")
    int[] hidden;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for initialization, shuffling and splits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "400", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--restarts", defaultValue = "3",
            description = "Independent initializations per weight decay and dropout rate; the best on validation is kept "
                    + "(default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--scaler", defaultValue = "minmax", paramLabel = "minmax|none",
            description = "Input scaling fitted on the training data: min-max to [0, 0.9] (default) or none "
                    + "(the data is already scaled, e.g. ../shared/datasets).")
    String scaler;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.json", description = "Where to write the model.")
    Path output;

    @Mixin
    RegularizationOptions regularization;

    @Override
    public Integer call() {
        DataOptions.Loaded d = data.load(seed, true, System.out);
        Mlp m = train(d, hidden, seed, epochs, restarts, regularization, scaler, data);
        ModelJson.write(m, output);
        System.out.printf("model %s written to %s%n", m.topology(), output);
        return 0;
    }

    /** Trains and reports accuracy; shared with `run --hidden`. */
    static Mlp train(DataOptions.Loaded d, int[] hidden, long seed, int epochs, int restarts,
                     RegularizationOptions regularization, String scalerName, DataOptions data) {
        InputScaler s;
        switch (scalerName) {
            case "minmax":
                s = InputScaler.MinMax.fit(d.train().x(), 0, 0.9);
                break;
            case "none":
                s = new InputScaler.Identity();
                break;
            default:
                throw new UserError("--scaler must be minmax or none, got '" + scalerName + "'");
        }
        if (epochs < 1 || restarts < 1) {
            throw new UserError("--epochs and --restarts must be at least 1");
        }
        TrainingOptions base = TrainingOptions.defaults(hidden, seed);
        TrainingOptions opts = regularization.apply(new TrainingOptions(hidden, seed, epochs, base.patience(),
                base.batchSize(), base.learningRate(), base.validationFraction(), restarts), restarts);
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("train", data.train == null ? null : data.train.toString());
        if (data.test != null) {
            source.put("test", data.test.toString());
        }
        if (data.split != null) {
            source.put("split", data.split);
        }
        if (data.label != null) {
            source.put("label", data.label);
        }
        long start = System.nanoTime();
        Mlp m = MlpTraining.train(d.train(), s, opts, source);
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("trained %s (hidden %s) in %.1f s: chose weight decay %s, input dropout %s (validation "
                + "accuracy %s); train accuracy %.4f%s%n", m.topology(), Arrays.toString(hidden), secs,
                m.provenance().get("weight_decay"), m.provenance().get("input_dropout"),
                m.provenance().get("validation_accuracy"), m.accuracy(d.train()),
                d.test() == null ? "" : String.format(", test accuracy %.4f", m.accuracy(d.test())));
        return m;
    }
}
