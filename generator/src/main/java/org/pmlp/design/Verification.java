package org.pmlp.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pmlp.UserError;

/** Compares predicted classes with the golden model's, and with the labels. */
public final class Verification {
    private Verification() {
    }

    /** Mismatches against the golden answers, and accuracy over the labelled vectors. */
    public record Outcome(int vectors, int mismatches, int firstMismatch, double accuracy) {
    }

    public static Outcome compare(int[] predicted, int[] golden, int[] labels) {
        if (predicted.length != golden.length) {
            return new Outcome(golden.length, golden.length, 0, Double.NaN);
        }
        int mismatches = 0;
        int first = -1;
        int ok = 0;
        int labelled = 0;
        for (int i = 0; i < golden.length; i++) {
            if (predicted[i] != golden[i]) {
                mismatches++;
                if (first < 0) {
                    first = i;
                }
            }
            if (labels[i] >= 0) {
                labelled++;
                if (predicted[i] == labels[i]) {
                    ok++;
                }
            }
        }
        return new Outcome(golden.length, mismatches, first, labelled == 0 ? Double.NaN : (double) ok / labelled);
    }

    /** The golden answers and labels stored in a design folder (data/vectors.csv). */
    public record Stored(int[][] q, int[] labels, int[] golden) {
    }

    public static Stored read(DesignFolder f) {
        Path csv = f.vectorsCsv();
        try {
            List<String> lines = Files.readAllLines(csv);
            int n = lines.size() - 1;
            int[][] q = new int[n][];
            int[] labels = new int[n];
            int[] golden = new int[n];
            for (int i = 0; i < n; i++) {
                String[] parts = lines.get(i + 1).split(",");
                q[i] = new int[parts.length - 2];
                for (int k = 0; k < q[i].length; k++) {
                    q[i][k] = Integer.parseInt(parts[k]);
                }
                labels[i] = Integer.parseInt(parts[parts.length - 2]);
                golden[i] = Integer.parseInt(parts[parts.length - 1]);
            }
            return new Stored(q, labels, golden);
        } catch (IOException | RuntimeException e) {
            throw new UserError(csv + ": unreadable test vectors (" + e.getMessage() + "); regenerate the design");
        }
    }
}
