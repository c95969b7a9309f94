package org.pmlp.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.pmlp.UserError;

/**
 * The networks {@code pmlp bench} explores besides the literature's: hidden-layer sizes per
 * network, e.g. {@code 0;2;4,3} is a linear classifier (no hidden layer, the output layer on the
 * inputs), one hidden layer of 2 and two hidden layers of 4 and 3. A leading {@code t} makes the
 * hidden layers threshold neurons ({@link org.pmlp.model.Activation#STEP}, trained for them):
 * {@code t4} is a hidden layer of 4 one-bit neurons. Each is trained with the float trainer's
 * defaults and explored on its own; bench merges the verified designs of all of them. In the
 * parsed form a threshold network's sizes are negative ({@link #threshold}, {@link #sizes}).
 */
public final class Topologies {
    /** bench's default: a linear classifier and one hidden layer of 1 and of 2 neurons. */
    public static final String DEFAULT = "0;1;2";

    /** The most hidden layers and neurons per layer a listed network may have. */
    static final int MAX_LAYERS = 3;
    static final int MAX_NEURONS = 64;

    private Topologies() {
    }

    /**
     * Parses {@code text} ("none" for no network besides the literature's). A bad entry is a
     * user error naming {@code option}.
     */
    public static List<int[]> parse(String text, String option) {
        List<int[]> out = new ArrayList<>();
        if (text.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String net : text.split(";", -1)) {
            String t = net.trim();
            if (t.isEmpty()) {
                throw new UserError(option + ": empty network in '" + text + "' (expected e.g. 0;2;4,3)");
            }
            int[] hidden;
            boolean threshold = t.startsWith("t");
            if (threshold) {
                t = t.substring(1).trim();
                if (t.isEmpty() || t.equals("0")) {
                    throw new UserError(option + ": '" + net.trim() + "': threshold neurons need a hidden layer, e.g. t4");
                }
            }
            if (t.equals("0")) {
                hidden = new int[0];
            } else {
                String[] parts = t.split(",", -1);
                if (parts.length > MAX_LAYERS) {
                    throw new UserError(option + ": '" + t + "' has " + parts.length + " hidden layers, at most "
                            + MAX_LAYERS);
                }
                hidden = new int[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        hidden[i] = Integer.parseInt(parts[i].trim());
                    } catch (NumberFormatException e) {
                        hidden[i] = -1;
                    }
                    if (hidden[i] < 1 || hidden[i] > MAX_NEURONS) {
                        throw new UserError(option + ": '" + t + "': hidden layer sizes must be 1.." + MAX_NEURONS
                                + " (0 alone for no hidden layer), got '" + parts[i].trim() + "'");
                    }
                }
            }
            if (threshold) {
                for (int i = 0; i < hidden.length; i++) {
                    hidden[i] = -hidden[i];
                }
            }
            for (int[] seen : out) {
                if (Arrays.equals(seen, hidden)) {
                    throw new UserError(option + ": network '" + t + "' is listed twice");
                }
            }
            out.add(hidden);
        }
        return out;
    }

    /** "0" for no hidden layer, else the sizes joined by commas ("t" first for threshold neurons), as written in --topologies. */
    public static String text(int[] hidden) {
        return hidden.length == 0 ? "0" : (threshold(hidden) ? "t" : "") + Arrays.stream(sizes(hidden))
                .mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Whether a parsed network's hidden layers are threshold neurons. */
    public static boolean threshold(int[] hidden) {
        return hidden.length > 0 && hidden[0] < 0;
    }

    /** A parsed network's hidden-layer sizes. */
    public static int[] sizes(int[] hidden) {
        return Arrays.stream(hidden).map(Math::abs).toArray();
    }

    /** The folder of a network's explorations inside a dataset's: "net-0", "net-2", "net-4-3". */
    public static String folder(int[] hidden) {
        return "net-" + text(hidden).replace(',', '-');
    }

    /** Whether {@code folder} is one of the network folders {@link #folder} names. */
    static boolean isFolder(String name) {
        return name.matches("net-t?[0-9]+(-[0-9]+)*");
    }
}
