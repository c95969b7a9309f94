package org.pmlp.model.imports;

import java.util.List;
import org.pmlp.UserError;
import org.pmlp.data.Dataset;

/**
 * Re-encodes a dataset's labels onto an imported model's class order, since the model, not
 * the CSV, decides which output is which class. Labels match by text, or by numeric value
 * ("1" in the CSV is class 1.0 of a model trained on float labels).
 */
public final class ClassAlignment {
    private ClassAlignment() {
    }

    /** @param what names the data in errors; null data gives null */
    public static Dataset align(Dataset data, List<String> classes, String what) {
        if (data == null || data.classLabels().equals(classes)) {
            return data;
        }
        int[] map = new int[data.classes()];
        for (int c = 0; c < map.length; c++) {
            String label = data.classLabels().get(c);
            map[c] = indexOf(classes, label);
            if (map[c] < 0 && data.classCounts()[c] > 0) {
                throw new UserError(what + ": label '" + label + "' is not one of the model's classes " + classes);
            }
        }
        int[] y = new int[data.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = map[data.label(i)];
        }
        return new Dataset(data.x(), y, data.featureNames(), classes);
    }

    private static int indexOf(List<String> classes, String label) {
        int i = classes.indexOf(label);
        if (i >= 0) {
            return i;
        }
        Double v = number(label);
        for (int k = 0; v != null && k < classes.size(); k++) {
            if (v.equals(number(classes.get(k)))) {
                return k;
            }
        }
        return -1;
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
