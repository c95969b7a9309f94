package org.pmlp.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain warnings about a training set that will give a degenerate classifier: a continuous
 * column taken as the label (many classes, most of one row), or classes too small to learn.
 */
public final class DataWarnings {
    /** More classes than this share of the rows looks like a continuous label column. */
    static final double MAX_CLASS_SHARE = 0.2;

    private DataWarnings() {
    }

    public static List<String> of(Dataset d) {
        List<String> out = new ArrayList<>();
        int single = 0;
        List<String> examples = new ArrayList<>();
        int[] counts = d.classCounts();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                single++;
                if (examples.size() < 5) {
                    examples.add(d.classLabels().get(c));
                }
            }
        }
        if (d.classes() > MAX_CLASS_SHARE * d.rows()) {
            out.add(d.classes() + " classes in " + d.rows() + " rows (more than a fifth of the rows): is the label"
                    + " column continuous? Choose the label with --label COLUMN");
        }
        if (single > 0) {
            out.add(single + " class" + (single == 1 ? " has" : "es have") + " a single row (" + String.join(", ", examples)
                    + (single > examples.size() ? ", ..." : "") + "): the classifier cannot learn "
                    + (single == 1 ? "it" : "them") + " and a split cannot test " + (single == 1 ? "it" : "them"));
        }
        return out;
    }
}
