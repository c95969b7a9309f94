package org.pmlp.explore;

import java.util.Map;

/**
 * Published reference figures for printed MLPs on the EGFET 1.0 V library (4-bit inputs):
 * exact bespoke baselines (DATE'22 Table I; MICRO'20) and the best approximate designs at no
 * more than 1% accuracy loss (IEEE TC'23), and the hidden sizes those papers used.
 */
public final class Literature {
    /** Accuracy, area cm^2 and power mW of a published design (NaN where not published). */
    public record Figures(double accuracy, double areaCm2, double powerMw) {
    }

    public static final Map<String, Figures> EXACT = Map.of(
            "cardio", new Figures(0.88, 33.4, 97.3),
            "pendigits", new Figures(0.94, 67.0, 213),
            "redwine", new Figures(0.56, 17.6, 53.3),
            "whitewine", new Figures(0.54, 31.2, 98.4));

    public static final Map<String, Figures> BEST_LOSS1 = Map.of(
            "cardio", new Figures(Double.NaN, 6.1, 20.8),
            "redwine", new Figures(Double.NaN, 1.1, 3.9),
            "whitewine", new Figures(Double.NaN, 6.5, 21.3),
            "seeds", new Figures(Double.NaN, 2.2, 8.4),
            "vertebral", new Figures(Double.NaN, 1.8, 7.0),
            "balance", new Figures(Double.NaN, 0.5, 2.1),
            "pendigits", new Figures(0.930, 32.7, 99.2));

    /** Hidden neurons per dataset as in the literature's splits; 3 when unknown. */
    public static final Map<String, Integer> HIDDEN = Map.of(
            "arrhythmia", 5, "breast_cancer", 3, "cardio", 3, "pendigits", 5, "redwine", 2, "seeds", 3,
            "vertebral", 3, "whitewine", 4);

    /** The clock the literature times each dataset's classifier at: 5 Hz (200 ms), 4 Hz (250 ms) for pendigits. */
    public static final Map<String, Double> CLOCK_HZ = Map.of("pendigits", 4.0);

    private Literature() {
    }

    public static double clockHz(String dataset) {
        return CLOCK_HZ.getOrDefault(dataset, 5.0);
    }

    public static int hidden(String dataset) {
        return HIDDEN.getOrDefault(dataset, 3);
    }
}
