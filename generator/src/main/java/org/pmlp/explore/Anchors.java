package org.pmlp.explore;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmlp.UserError;

/**
 * Published reference points to compare a benchmark with (e.g. ../shared/docs/anchors.csv):
 * one line per published design, columns {@code dataset, work, test_accuracy, area_cm2,
 * power_mw, vdd_v} (others, such as {@code style} and {@code note}, are kept as they are).
 */
public final class Anchors {
    /** The columns every anchors file must have. */
    public static final List<String> REQUIRED = List.of("dataset", "work", "test_accuracy", "area_cm2", "power_mw",
            "vdd_v");

    /**
     * One published point. Accuracy, power and voltage are NaN where the publication does not
     * state them; area is always given.
     *
     * @param line the line of the file it was read from (1 is the header)
     */
    public record Anchor(String dataset, String work, double accuracy, double areaCm2, double powerMw, double vdd,
                         String style, int line) {
    }

    private Anchors() {
    }

    /**
     * Reads and checks an anchors file: every problem is a UserError naming the file, the line
     * and the field. A dataset must be one of {@code known} (the benchmark's datasets and the
     * literature's): a misspelt name would otherwise silently compare with nothing.
     */
    public static List<Anchor> read(Path file, Collection<String> known) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such anchors file (--anchors)");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the anchors file: " + e.getMessage());
        }
        List<Anchor> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).build();
        try (Reader r = new java.io.StringReader(text); CSVParser p = CSVParser.parse(r, format)) {
            List<String> header = p.getHeaderNames();
            for (String col : REQUIRED) {
                if (!header.contains(col)) {
                    throw new UserError(file + " line 1: the header has no column '" + col + "' (expected the columns "
                            + String.join(", ", REQUIRED) + "; found " + String.join(", ", header) + ")");
                }
            }
            Set<String> names = new TreeSet<>(known);
            for (CSVRecord rec : p) {
                int line = (int) rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new UserError(file + " line " + line + ": " + rec.size() + " fields, the header has "
                            + header.size());
                }
                String dataset = rec.get("dataset");
                if (dataset.isEmpty()) {
                    throw new UserError(file + " line " + line + ", field dataset: empty");
                }
                if (!names.contains(dataset)) {
                    throw new UserError(file + " line " + line + ", field dataset: unknown dataset '" + dataset
                            + "' (known: " + String.join(", ", names) + ")");
                }
                String work = rec.get("work");
                if (work.isEmpty()) {
                    throw new UserError(file + " line " + line + ", field work: empty (name the publication)");
                }
                double acc = number(file, line, rec, "test_accuracy", true);
                if (!Double.isNaN(acc) && (acc < 0 || acc > 1)) {
                    throw new UserError(file + " line " + line + ", field test_accuracy: " + acc
                            + " is not a share between 0 and 1");
                }
                double area = number(file, line, rec, "area_cm2", false);
                if (!(area > 0)) {
                    throw new UserError(file + " line " + line + ", field area_cm2: expected an area above 0, got "
                            + rec.get("area_cm2"));
                }
                double power = number(file, line, rec, "power_mw", true);
                double vdd = number(file, line, rec, "vdd_v", true);
                if (!Double.isNaN(power) && power < 0 || !Double.isNaN(vdd) && !(vdd > 0)) {
                    throw new UserError(file + " line " + line + ", field " + (power < 0 ? "power_mw" : "vdd_v")
                            + ": expected a positive number, got " + rec.get(power < 0 ? "power_mw" : "vdd_v"));
                }
                String style = rec.isMapped("style") ? rec.get("style") : "";
                out.add(new Anchor(dataset, work, acc, area, power, vdd, style, line));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserError(file + ": not a CSV anchors file: " + e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new UserError(file + ": not a CSV anchors file: " + e.getCause().getMessage());
        }
        if (out.isEmpty()) {
            throw new UserError(file + ": no anchors (only a header)");
        }
        return out;
    }

    private static double number(Path file, int line, CSVRecord rec, String field, boolean optional) {
        String v = rec.get(field);
        if (v.isEmpty()) {
            if (optional) {
                return Double.NaN;
            }
            throw new UserError(file + " line " + line + ", field " + field + ": empty, expected a number");
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UserError(file + " line " + line + ", field " + field + ": expected a number, got '" + v + "'");
        }
    }
}
