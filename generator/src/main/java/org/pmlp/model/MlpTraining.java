package org.pmlp.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.Version;
import org.pmlp.data.Dataset;

/** Trains a float MLP on a dataset and packages it with its scaler, classes and provenance. */
public final class MlpTraining {
    private MlpTraining() {
    }

    /**
     * @param scaler fitted on the training data by the caller (min-max to [0, 0.9] by default)
     * @param source free-form description of where the data came from, kept in the provenance
     */
    public static Mlp train(Dataset train, InputScaler scaler, TrainingOptions options, Map<String, Object> source) {
        int[] counts = train.classCounts();
        long present = Arrays.stream(counts).filter(c -> c > 0).count();
        if (present < 2) {
            throw new UserError("the training data has " + present + " class" + (present == 1 ? "" : "es")
                    + " (" + train.classLabels() + "): a classifier needs at least two");
        }
        for (int h : options.hidden()) {
            if (h < 1) {
                throw new UserError("hidden layer sizes must be at least 1, got " + h);
            }
        }
        double[][] scaled = new double[train.rows()][];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = scaler.apply(train.row(i));
        }
        Trainer.Result r = new Trainer(options).train(scaled, train.y(), train.classes());
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("tool", "pmlp " + Version.VERSION);
        prov.putAll(source);
        prov.put("hidden", Arrays.stream(options.hidden()).boxed().toList());
        prov.put("seed", options.seed());
        prov.put("epochs", r.epochs());
        prov.put("validation_accuracy", r.validationAccuracy());
        prov.put("weight_decay", r.weightDecay());
        prov.put("input_dropout", r.inputDropout());
        if (options.refit()) {
            prov.put("refit", true);
        }
        Mlp m = new Mlp(train.featureNames(), train.classLabels(), scaler, r.layers(), null, prov);
        m = m.withActivationMax(m.measureActivationMax(train.x()));
        prov.put("train_accuracy", m.accuracy(train));
        return m.withProvenance(prov);
    }

    /**
     * Trains a model of the same shape, scaler and classes from scratch on only the kept input
     * features: the weights of the others are held at zero throughout (and in the result).
     */
    public static Mlp retrainWithInputs(Mlp base, Dataset train, boolean[] keep, TrainingOptions options) {
        WeightProjection onlyKept = (layer, w, b, wOut, bOut) -> {
            WeightProjection.NONE.project(layer, w, b, wOut, bOut);
            if (layer == 0) {
                for (double[] row : wOut) {
                    for (int i = 0; i < row.length; i++) {
                        if (!keep[i]) {
                            row[i] = 0;
                        }
                    }
                }
            }
        };
        double[][] scaled = new double[train.rows()][];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = base.scaler().apply(train.row(i));
        }
        Trainer.Result r = new Trainer(options, onlyKept, x -> x).train(scaled, train.y(), base.classes().size());
        java.util.List<DenseLayer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < r.layers().size(); l++) {
            DenseLayer d = r.layers().get(l).copy();
            if (l == 0) {
                for (double[] row : d.weights()) {
                    for (int i = 0; i < row.length; i++) {
                        if (!keep[i]) {
                            row[i] = 0;
                        }
                    }
                }
            }
            layers.add(d);
        }
        Mlp m = base.withLayers(layers);
        return m.withActivationMax(m.measureActivationMax(train.x()));
    }
}
