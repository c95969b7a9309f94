package org.pmlp.model;

import java.util.Arrays;

/**
 * Settings of {@link Trainer}. Defaults suit the small tabular datasets of printed MLPs.
 *
 * @param hidden neurons per hidden layer, e.g. {3}
 * @param seed seeds initialization, shuffling, dropout and the validation split
 * @param maxEpochs upper bound on epochs
 * @param patience epochs without validation improvement before stopping early
 * @param batchSize mini-batch size
 * @param learningRate Adam step size
 * @param validationFraction share of the training rows held out (stratified) for early stopping
 *     and for choosing among restarts and weight decays
 * @param restarts independent initializations per weight decay; the best on validation is kept
 * @param weightDecays L2 penalties (on weights, not biases) tried; the best on validation is kept
 * @param inputDropouts shares of input features zeroed at random in each training step, tried
 *     (each with every weight decay); the best on validation is kept
 * @param refit after choosing on validation, train the chosen configuration again on all rows
 *     (validation rows included) for the epochs it needed
 * @param hiddenActivation of every hidden layer: RELU, or STEP for threshold neurons (then the
 *     layers after them have no biases)
 */
public record TrainingOptions(int[] hidden, long seed, int maxEpochs, int patience, int batchSize,
                              double learningRate, double validationFraction, int restarts, double[] weightDecays,
                              double[] inputDropouts, boolean refit, Activation hiddenActivation) {

    /** The default grid of weight decays. */
    public static final double[] DEFAULT_WEIGHT_DECAYS = {0, 1e-4, 1e-3};

    /** The default grid of input dropout rates. */
    public static final double[] DEFAULT_INPUT_DROPOUTS = {0, 0.1};

    public TrainingOptions {
        if (weightDecays.length == 0 || inputDropouts.length == 0) {
            throw new IllegalArgumentException("at least one weight decay and one dropout rate");
        }
        if (hiddenActivation != Activation.RELU && hiddenActivation != Activation.STEP) {
            throw new IllegalArgumentException("hidden activation " + hiddenActivation);
        }
    }

    /** ReLU hidden layers. */
    public TrainingOptions(int[] hidden, long seed, int maxEpochs, int patience, int batchSize, double learningRate,
                           double validationFraction, int restarts, double[] weightDecays, double[] inputDropouts,
                           boolean refit) {
        this(hidden, seed, maxEpochs, patience, batchSize, learningRate, validationFraction, restarts, weightDecays,
                inputDropouts, refit, Activation.RELU);
    }

    /** Without regularization: one weight decay of 0, no dropout, no refit. */
    public TrainingOptions(int[] hidden, long seed, int maxEpochs, int patience, int batchSize, double learningRate,
                           double validationFraction, int restarts) {
        this(hidden, seed, maxEpochs, patience, batchSize, learningRate, validationFraction, restarts,
                new double[] {0}, new double[] {0}, false);
    }

    public static TrainingOptions defaults(int[] hidden, long seed) {
        return new TrainingOptions(hidden, seed, 400, 40, 32, 0.01, 0.15, 3, DEFAULT_WEIGHT_DECAYS.clone(),
                DEFAULT_INPUT_DROPOUTS.clone(), false);
    }

    /** The same with these regularization settings. */
    public TrainingOptions regularized(int restarts, double validationFraction, double[] weightDecays,
                                       double[] inputDropouts, boolean refit) {
        return new TrainingOptions(hidden, seed, maxEpochs, patience, batchSize, learningRate, validationFraction,
                restarts, weightDecays.clone(), inputDropouts.clone(), refit, hiddenActivation);
    }

    /** The same with threshold neurons (STEP) in every hidden layer. */
    public TrainingOptions thresholdNeurons() {
        return new TrainingOptions(hidden, seed, maxEpochs, patience, batchSize, learningRate, validationFraction,
                restarts, weightDecays.clone(), inputDropouts.clone(), refit, Activation.STEP);
    }

    /**
     * For fine-tuning an existing model (quantization-aware retraining): fewer epochs, smaller
     * steps, early stopping on the validation split, no weight decay (it would pull the weights
     * off the grid the format has just fitted).
     */
    public TrainingOptions fineTune(int epochs) {
        return new TrainingOptions(hidden, seed, epochs, epochs, batchSize, learningRate / 5, validationFraction, 1);
    }

    @Override
    public String toString() {
        return "TrainingOptions[hidden=" + Arrays.toString(hidden) + ", seed=" + seed + ", maxEpochs=" + maxEpochs
                + ", restarts=" + restarts + ", validation=" + validationFraction + ", weightDecays="
                + Arrays.toString(weightDecays) + ", inputDropouts=" + Arrays.toString(inputDropouts) + ", refit=" + refit + ", hiddenActivation=" + hiddenActivation + "]";
    }
}
