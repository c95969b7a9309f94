package org.pmlp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.pmlp.UserError;
import org.pmlp.data.CsvDataset;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.DataWarnings;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import picocli.CommandLine.Option;

/** Where the data comes from and how to read it (shared by train, generate, run, explore). */
final class DataOptions {
    @Option(names = "--train", paramLabel = "FILE", description = "Training data, CSV (comma or semicolon).")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "Test data, CSV with the same columns.")
    Path test;

    @Option(names = "--split", paramLabel = "SHARE",
            description = "Split this share of --train off as the test set, stratified and seeded (e.g. 0.3).")
    Double split;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "Label column: a header name or 0-based index (default: the last column).")
    String label;

    @Option(names = "--header", paramLabel = "auto|yes|no", defaultValue = "auto",
            description = "Whether the first row is a header (default: ${DEFAULT-VALUE}, guessed from its contents).")
    String header;

    @Option(names = "--impute", paramLabel = "drop|mean|zero", defaultValue = "drop",
            description = "Rows with missing values: drop them (default), or fill with the column mean or zero.")
    String impute;

    /** The training and test sets (test may be null), read with one class encoding. */
    record Loaded(Dataset train, Dataset test) {
    }

    Loaded load(long seed, boolean needTrain, PrintStream log) {
        if (train == null) {
            if (needTrain) {
                throw new UserError("--train FILE is required");
            }
            return new Loaded(null, test == null ? null : read(test, null, log));
        }
        Dataset tr = read(train, null, log);
        if (tr.classes() < 2) {
            // Said here, before a --test file is read against these classes and blamed for it.
            throw new UserError(train + ": the training data has " + tr.classes() + " class (" + tr.classLabels()
                    + (label != null ? " in column '" + label + "'" : " in the last column")
                    + "): a classifier needs at least two");
        }
        DataWarnings.of(tr).forEach(w -> log.println("warning: " + train + ": " + w));
        Dataset te = null;
        if (split != null) {
            if (test != null) {
                throw new UserError("give either --test or --split, not both");
            }
            if (!(split > 0 && split < 1)) {
                throw new UserError("--split must be between 0 and 1 (e.g. 0.3), got " + split);
            }
            StratifiedSplit.Parts parts = StratifiedSplit.split(tr, split, seed);
            tr = parts.first();
            te = parts.second();
            log.printf("split %s: %d training rows, %d test rows (stratified, seed %d)%n", train, tr.rows(), te.rows(), seed);
        } else if (test != null) {
            te = read(test, tr.classLabels(), log);
            if (te.features() != tr.features()) {
                throw new UserError(test + ": has " + te.features() + " features, the training data " + tr.features());
            }
        }
        return new Loaded(tr, te);
    }

    Dataset read(Path file, List<String> classes, PrintStream log) {
        CsvOptions opts = new CsvOptions(label, headerMode(), missing(), classes);
        CsvDataset ds = CsvDatasetReader.read(file, opts);
        if (ds.numericHeader() != null) {
            log.printf("%s: the first row is read as column names (%s); --header no reads it as data%n", file,
                    ds.numericHeader());
        }
        if (ds.droppedRows() > 0) {
            log.printf("%s: dropped %d rows with missing values (--impute mean|zero keeps them)%n", file, ds.droppedRows());
        }
        if (ds.imputedValues() > 0) {
            log.printf("%s: filled %d missing values (%s)%n", file, ds.imputedValues(), impute);
        }
        return ds.dataset();
    }

    private CsvOptions.Header headerMode() {
        switch (header.toLowerCase()) {
            case "auto":
                return CsvOptions.Header.AUTO;
            case "yes":
                return CsvOptions.Header.YES;
            case "no":
                return CsvOptions.Header.NO;
            default:
                throw new UserError("--header must be auto, yes or no, got '" + header + "'");
        }
    }

    private CsvOptions.MissingValues missing() {
        switch (impute.toLowerCase()) {
            case "drop":
                return CsvOptions.MissingValues.DROP;
            case "mean":
                return CsvOptions.MissingValues.MEAN;
            case "zero":
                return CsvOptions.MissingValues.ZERO;
            default:
                throw new UserError("--impute must be drop, mean or zero, got '" + impute + "'");
        }
    }
}
