package org.pmlp.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a design is a constant circuit: it answers one class whatever its inputs. That happens
 * when every input is dropped, when all weights quantize to zero (e.g. 10,000 features), and it
 * passes every check (0 mismatches, 0 cm^2), so it is said plainly and never counted as a design.
 */
public final class ConstantDesign {
    private ConstantDesign() {
    }

    /**
     * Why the design is constant, or null when nothing shows it is.
     *
     * @param golden the golden model's answers on the design's test vectors, or null when not known
     */
    public static String reason(DesignReport r, int[] golden) {
        if (r.inputPortBits == 0) {
            return "it reads no input bit (every input is dropped or has no weight left)";
        }
        // No logic is not enough: a classifier can be wires alone (class bits that are input bits),
        // 0 cm^2 and real; it is constant when it also answers one class.
        boolean noCell = !Double.isNaN(r.areaCm2) && r.cells.isEmpty();
        if (noCell && golden == null) {
            return "synthesis left no cell and its test answers are unknown";
        }
        if ((noCell || r.rtlGates == 0) && golden != null && golden.length > 0 && allEqual(golden)) {
            return "it has no logic " + (noCell ? "cell" : "gate") + " and answers one class on all " + golden.length
                    + " test vectors";
        }
        return null;
    }

    /** As {@link #reason(DesignReport, int[])}, with the golden answers read from the folder. */
    public static String reason(DesignReport r, Path folder) {
        return reason(r, expected(new DesignFolder(folder).expected()));
    }

    private static int[] expected(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean allEqual(int[] a) {
        for (int v : a) {
            if (v != a[0]) {
                return false;
            }
        }
        return true;
    }
}
