package org.pmlp.model.imports;

import java.util.Locale;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;

/**
 * How to adapt an imported model to pmlp's input scaling.
 *
 * @param scaler what the user asked for
 * @param train training data (raw features), to fit the min-max range on; null when not given
 */
public record ImportOptions(Scaling scaler, Dataset train) {

    /** The {@code --scaler} choices. */
    public enum Scaling {
        /** Use the model's own scaler: its min-max range, or one fitted on the training data. */
        AUTO,
        /** Fit min-max scaling to [0, 0.9] on the training data (the model's own scaler is folded in). */
        MINMAX,
        /** The circuit takes the raw features, which are already in [0, 0.9]. */
        NONE;

        /** Parses an option value; null means AUTO. */
        public static Scaling parse(String s) {
            if (s == null) {
                return AUTO;
            }
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserError("--scaler must be auto, minmax or none, got '" + s + "'");
            }
        }
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Scaling.AUTO, null);
    }
}
