package org.pmlp.cli;

import org.pmlp.UserError;
import org.pmlp.model.TrainingOptions;
import picocli.CommandLine.Option;

/**
 * How float training generalizes: the validation split it watches and the regularization
 * settings it chooses among on that split (never on the test data).
 */
final class RegularizationOptions {
    @Option(names = "--validation", paramLabel = "SHARE", defaultValue = "0.15",
            description = "Share of the training rows held out (stratified, seeded) for early stopping and for choosing "
                    + "among restarts, weight decays and dropout rates; 0 watches the training rows themselves "
                    + "(default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--weight-decay", split = ",", paramLabel = "L[,L...]", defaultValue = "0,0.0001,0.001",
            description = "L2 penalties on the weights tried, each with every restart and dropout rate; the best on the "
                    + "validation split is kept (default: ${DEFAULT-VALUE}).")
    double[] weightDecay;

    @Option(names = "--input-dropout", split = ",", paramLabel = "P[,P...]", defaultValue = "0,0.1",
            description = "Shares of input features dropped at random in each training step, tried like --weight-decay "
                    + "(default: ${DEFAULT-VALUE}).")
    double[] inputDropout;

    @Option(names = "--refit",
            description = "After choosing on the validation split, train the chosen settings again on all training rows "
                    + "for the epochs they needed (default: off, keep the model chosen on validation).")
    boolean refit;

    /** The training options with these settings; UserError for values out of range. */
    TrainingOptions apply(TrainingOptions base, int restarts) {
        if (!(validation >= 0 && validation < 1)) {
            throw new UserError("--validation must be at least 0 and below 1, got " + validation);
        }
        for (double l : weightDecay) {
            if (!(l >= 0 && l < 1)) {
                throw new UserError("--weight-decay values must be at least 0 and below 1, got " + l);
            }
        }
        for (double p : inputDropout) {
            if (!(p >= 0 && p < 1)) {
                throw new UserError("--input-dropout values must be at least 0 and below 1, got " + p);
            }
        }
        if (refit && validation == 0) {
            throw new UserError("--refit needs a validation split (--validation above 0)");
        }
        return base.regularized(restarts, validation, weightDecay, inputDropout, refit);
    }

    /** The option names (to reject them where no model is trained). */
    static final String[] NAMES = {"--validation", "--weight-decay", "--input-dropout", "--refit"};
}
