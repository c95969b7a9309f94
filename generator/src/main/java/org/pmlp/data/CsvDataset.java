package org.pmlp.data;

/** A dataset read from a CSV file, with what the reader had to do to it. */
public record CsvDataset(Dataset dataset, int droppedRows, int imputedValues, char delimiter, boolean hadHeader) {
}
