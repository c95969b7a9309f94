package org.pmlp.data;

/**
 * A dataset read from a CSV file, with what the reader had to do to it.
 *
 * @param numericHeader when a first row of numbers was read as column names, why (to tell the
 *     user, who can say {@code --header no}); null otherwise
 */
public record CsvDataset(Dataset dataset, int droppedRows, int imputedValues, char delimiter, boolean hadHeader,
                         String numericHeader) {
}
