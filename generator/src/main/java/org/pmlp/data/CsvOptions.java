package org.pmlp.data;

import java.util.List;

/**
 * How to read a CSV dataset.
 *
 * @param labelColumn name or 0-based index of the label column; null means the last column
 * @param header whether the first row names the columns (AUTO guesses from its contents)
 * @param missing what to do with rows that have missing values (empty, "?", "NA", "NaN")
 * @param knownClasses the class labels of the training set, for reading a test set with the same
 *     encoding; null to derive the classes from this file
 */
public record CsvOptions(String labelColumn, Header header, MissingValues missing, List<String> knownClasses) {

    public enum Header { AUTO, YES, NO }

    public enum MissingValues {
        /** Drop rows with a missing value (the count is reported). */
        DROP,
        /** Replace a missing value by the mean of its column. */
        MEAN,
        /** Replace a missing value by zero. */
        ZERO
    }

    public static CsvOptions defaults() {
        return new CsvOptions(null, Header.AUTO, MissingValues.DROP, null);
    }

    public CsvOptions withKnownClasses(List<String> classes) {
        return new CsvOptions(labelColumn, header, missing, classes);
    }
}
