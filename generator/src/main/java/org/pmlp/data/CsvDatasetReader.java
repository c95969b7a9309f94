package org.pmlp.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmlp.UserError;

/**
 * Reads a labelled CSV dataset: comma or semicolon separated (detected from the first line),
 * optional header, quoted fields, numeric features, a string or integer label column.
 */
public final class CsvDatasetReader {
    private static final Set<String> MISSING = Set.of("", "?", "na", "nan", "null");

    private CsvDatasetReader() {
    }

    public static CsvDataset read(Path file, CsvOptions options) {
        List<CSVRecord> records;
        char delimiter;
        String text = CsvText.read(file);
        try {
            delimiter = detectDelimiter(text);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.parse(text, format)) {
                records = parser.getRecords();
            }
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": cannot be read as CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new UserError(file + ": is empty, expected a header or data rows");
        }
        return new Parse(file, records, delimiter, options).run();
    }

    /** Semicolon when the first line has more semicolons than commas outside quotes. */
    static char detectDelimiter(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        if (line == null) {
            return ',';
        }
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            double v = Double.parseDouble(s);
            return Double.isFinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isMissing(String s) {
        return MISSING.contains(s.trim().toLowerCase(Locale.ROOT));
    }

    /** One parse of one file; keeps the bookkeeping out of the static API. */
    private static final class Parse {
        private final Path file;
        private final List<CSVRecord> records;
        private final char delimiter;
        private final CsvOptions options;

        Parse(Path file, List<CSVRecord> records, char delimiter, CsvOptions options) {
            this.file = file;
            this.records = records;
            this.delimiter = delimiter;
            this.options = options;
        }

        CsvDataset run() {
            boolean header = hasHeader();
            int width = columns(header);
            List<String> names = columnNames(header, width);
            int labelIndex = labelIndex(names);
            int first = header ? 1 : 0;
            if (records.size() <= first) {
                throw new UserError(file + ": has only a header row (" + String.join(",", names)
                        + ") and no data rows");
            }
            List<String> featureNames = new ArrayList<>(names);
            featureNames.remove(labelIndex);

            List<double[]> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            int dropped = 0;
            for (int r = first; r < records.size(); r++) {
                CSVRecord rec = records.get(r);
                long line = rec.getRecordNumber();
                if (rec.size() != width && !(rec.size() == width + 1 && rec.get(width).isEmpty())) {
                    throw new UserError(String.format("%s:%d: has %d fields, expected %d (as in %s)",
                            file, line, rec.size(), width, header ? "the header" : "the first row"));
                }
                String label = rec.get(labelIndex).trim();
                if (isMissing(label)) {
                    dropped++;
                    continue;
                }
                double[] x = new double[width - 1];
                boolean missing = false;
                for (int c = 0, f = 0; c < width; c++) {
                    if (c == labelIndex) {
                        continue;
                    }
                    String field = rec.get(c).trim();
                    if (isMissing(field)) {
                        missing = true;
                        x[f++] = Double.NaN;
                    } else if (isNumber(field)) {
                        x[f++] = Double.parseDouble(field);
                    } else {
                        throw new UserError(String.format("%s:%d: column '%s' has value '%s', expected a number",
                                file, line, names.get(c), field));
                    }
                }
                if (missing && options.missing() == CsvOptions.MissingValues.DROP) {
                    dropped++;
                    continue;
                }
                rows.add(x);
                labels.add(label);
                lines.add(line);
            }
            if (rows.isEmpty()) {
                throw new UserError(file + ": no complete data rows (" + dropped
                        + " rows had missing values; --impute mean or --impute zero keeps them)");
            }
            int imputed = impute(rows);
            List<String> classes = options.knownClasses() != null ? options.knownClasses() : classesOf(labels);
            int[] y = new int[labels.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = classes.indexOf(labels.get(i));
                if (y[i] < 0) {
                    throw new UserError(String.format("%s:%d: label '%s' is not one of the training classes %s",
                            file, lines.get(i), labels.get(i), classes));
                }
            }
            Dataset ds = new Dataset(rows.toArray(new double[0][]), y, featureNames, classes);
            return new CsvDataset(ds, dropped, imputed, delimiter, header, numericHeader);
        }

        /** Why a first row of numbers was taken for column names; null when it was not. */
        private String numericHeader;

        private boolean hasHeader() {
            switch (options.header()) {
                case YES:
                    return true;
                case NO:
                    return false;
                default:
                    break;
            }
            CSVRecord first = records.get(0);
            if (records.size() < 2) {
                // A lone row with text in it names columns (and the file has no data).
                return first.stream().map(String::trim).anyMatch(f -> !isNumber(f) && !isMissing(f));
            }
            CSVRecord second = records.get(1);
            // A header has a non-numeric field where the data below it is numeric, or is all text.
            int nonNumeric = 0;
            for (int c = 0; c < first.size(); c++) {
                String f = first.get(c).trim();
                if (!isNumber(f) && !isMissing(f)) {
                    nonNumeric++;
                    if (c < second.size() && isNumber(second.get(c).trim())) {
                        return true;
                    }
                }
            }
            if (nonNumeric == first.size()) {
                return true;
            }
            numericHeader = numericHeaderReason(first);
            return numericHeader != null;
        }

        /**
         * Column names that are numbers, as pandas writes them for unnamed columns
         * ({@code to_csv(index=False)} gives "0,1,2,..."): a first row of distinct integers that
         * does not fit the columns below it, because a column below holds only decimals, or
         * because its label would be a class of its own while every real class has two rows or more.
         */
        private String numericHeaderReason(CSVRecord first) {
            Set<String> distinct = new java.util.HashSet<>();
            for (String f : first) {
                if (!f.trim().matches("[+-]?\\d+") || !distinct.add(f.trim())) {
                    return null;
                }
            }
            for (int c = 0; c < first.size(); c++) {
                boolean any = false;
                boolean allDecimals = true;
                for (int r = 1; r < records.size() && allDecimals; r++) {
                    CSVRecord rec = records.get(r);
                    String v = c < rec.size() ? rec.get(c).trim() : "";
                    if (isMissing(v)) {
                        continue;
                    }
                    any = true;
                    allDecimals = isNumber(v) && !v.matches("[+-]?\\d+");
                }
                if (any && allDecimals) {
                    return "column " + c + " holds only decimals below its name '" + first.get(c).trim() + "'";
                }
            }
            int label = guessLabelIndex(first);
            String own = first.get(label).trim();
            java.util.Map<String, Integer> counts = new java.util.HashMap<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord rec = records.get(r);
                if (label < rec.size() && !isMissing(rec.get(label))) {
                    counts.merge(rec.get(label).trim(), 1, Integer::sum);
                }
            }
            if (!counts.isEmpty() && !counts.containsKey(own) && counts.values().stream().allMatch(n -> n >= 2)) {
                return "as a label, '" + own + "' would be a class of one row while each of the " + counts.size()
                        + " classes below has two or more";
            }
            return null;
        }

        /** The label column before names are known: by index, by a first-row value, else the last. */
        private int guessLabelIndex(CSVRecord first) {
            String spec = options.labelColumn();
            if (spec != null && !spec.isBlank()) {
                for (int c = 0; c < first.size(); c++) {
                    if (first.get(c).trim().equals(spec.trim())) {
                        return c;
                    }
                }
                try {
                    int index = Integer.parseInt(spec.trim());
                    int resolved = index < 0 ? first.size() + index : index;
                    if (resolved >= 0 && resolved < first.size()) {
                        return resolved;
                    }
                } catch (NumberFormatException e) {
                    // the last column, as below
                }
            }
            return first.size() - 1;
        }

        /** Column count; a header with one trailing empty name (a trailing separator) loses it. */
        private int columns(boolean header) {
            CSVRecord first = records.get(0);
            int width = first.size();
            if (header && width > 1 && first.get(width - 1).isBlank()) {
                width--;
            }
            if (width < 2) {
                throw new UserError(file + ":" + first.getRecordNumber()
                        + ": has " + width + " column, expected at least one feature and a label");
            }
            return width;
        }

        private List<String> columnNames(boolean header, int width) {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String name = header ? records.get(0).get(c).trim() : "";
                names.add(name.isEmpty() ? "c" + c : name);
            }
            return names;
        }

        private int labelIndex(List<String> names) {
            String spec = options.labelColumn();
            if (spec == null || spec.isBlank()) {
                return names.size() - 1;
            }
            int byName = names.indexOf(spec);
            if (byName >= 0) {
                return byName;
            }
            try {
                int index = Integer.parseInt(spec.trim());
                int resolved = index < 0 ? names.size() + index : index;
                if (resolved >= 0 && resolved < names.size()) {
                    return resolved;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new UserError(String.format("%s: label column '%s' not found; columns are %s (or give a 0-based index)",
                    file, spec, names));
        }

        private int impute(List<double[]> rows) {
            if (options.missing() == CsvOptions.MissingValues.DROP) {
                return 0;
            }
            int features = rows.get(0).length;
            double[] fill = new double[features];
            if (options.missing() == CsvOptions.MissingValues.MEAN) {
                for (int f = 0; f < features; f++) {
                    double sum = 0;
                    int n = 0;
                    for (double[] r : rows) {
                        if (!Double.isNaN(r[f])) {
                            sum += r[f];
                            n++;
                        }
                    }
                    fill[f] = n == 0 ? 0 : sum / n;
                }
            }
            int imputed = 0;
            for (double[] r : rows) {
                for (int f = 0; f < features; f++) {
                    if (Double.isNaN(r[f])) {
                        r[f] = fill[f];
                        imputed++;
                    }
                }
            }
            return imputed;
        }

        /** Integer labels sort numerically, other labels lexicographically. */
        private List<String> classesOf(List<String> labels) {
            Set<String> distinct = new LinkedHashSet<>(labels);
            TreeSet<String> sorted = distinct.stream().allMatch(Parse::isInteger)
                    ? new TreeSet<>(Comparator.comparingLong(Long::parseLong))
                    : new TreeSet<>();
            sorted.addAll(distinct);
            return new ArrayList<>(sorted);
        }

        private static boolean isInteger(String s) {
            try {
                Long.parseLong(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
