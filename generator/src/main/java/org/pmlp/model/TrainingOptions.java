package org.pmlp.model;

/**
 * Settings of {@link Trainer}. Defaults suit the small tabular datasets of printed MLPs.
 *
 * @param hidden neurons per hidden layer, e.g. {3}
 * @param seed seeds initialization, shuffling and the validation split
 * @param maxEpochs upper bound on epochs
 * @param patience epochs without validation improvement before stopping early
 * @param batchSize mini-batch size
 * @param learningRate Adam step size
 * @param validationFraction share of the training rows held out for early stopping
 * @param restarts independent initializations; the one with the best validation result is kept
 */
public record TrainingOptions(int[] hidden, long seed, int maxEpochs, int patience, int batchSize,
                              double learningRate, double validationFraction, int restarts) {

    public static TrainingOptions defaults(int[] hidden, long seed) {
        return new TrainingOptions(hidden, seed, 400, 40, 32, 0.01, 0.15, 3);
    }

    /** For fine-tuning an existing model (quantization-aware retraining): fewer epochs, smaller steps. */
    public TrainingOptions fineTune(int epochs) {
        return new TrainingOptions(hidden, seed, epochs, epochs, batchSize, learningRate / 5, validationFraction, 1);
    }
}
