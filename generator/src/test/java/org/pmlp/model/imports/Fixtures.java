package org.pmlp.model.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;

/** The committed fixtures of make_fixtures.py (test resources under fixtures/). */
final class Fixtures {
    private Fixtures() {
    }

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name + " missing", e);
        }
    }

    static Dataset data(String name) {
        return CsvDatasetReader.read(file(name), CsvOptions.defaults()).dataset();
    }

    /** One column of {prefix}_predictions.csv, whose rows are the train rows, then the test rows. */
    static List<String> predictions(String prefix, String column) {
        try {
            List<String> lines = Files.readAllLines(file(prefix + "_predictions.csv"));
            int col = List.of(lines.get(0).split(",")).indexOf(column);
            List<String> out = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                out.add(line.split(",")[col]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Train rows then test rows, the order of the predictions files. */
    static double[][] rows(String prefix) {
        List<double[]> rows = new ArrayList<>(List.of(data(prefix + "_train.csv").x()));
        rows.addAll(List.of(data(prefix + "_test.csv").x()));
        return rows.toArray(new double[0][]);
    }
}
