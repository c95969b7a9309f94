package org.pmlp.approx;

import java.util.ArrayList;
import java.util.List;
import org.pmlp.quant.QuantSpec;

/**
 * The knobs of every registered pass, as {@code pmlp knobs} prints them and as the README's
 * design-configuration table shows them (the README table is this class's markdown; a test keeps
 * the two equal). Gene sizes are shown for an example network, since they follow its shape.
 */
public final class KnobListing {
    /** The network whose gene blocks the listing sizes: cardio's 21-3-3 at the default formats. */
    public static final ModelShape EXAMPLE = new ModelShape(21, new int[] {3, 3}, 3);

    /** The {@code quantization} section: the baseline formats, not a pass. */
    public static final List<Knob> QUANTIZATION = List.of(
            new Knob("input_bits", "1..16", "4", "bits per quantized input feature"),
            new Knob("weight_bits", "2..16", "8", "bits per weight"),
            new Knob("act_bits", "0..32", "8", "bits per hidden activation (0 keeps the sum's full width)"));

    private KnobListing() {
    }

    /** Plain text for the terminal. */
    public static String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("Design configuration sections (pmlp-design, version 1), in flow order; an absent section is exact.\n\n");
        section(sb, "quantization", "the baseline number formats", QUANTIZATION, List.of());
        for (PassKind k : PassRegistry.kinds()) {
            section(sb, k.name(), k.help(), k.knobs(), k.genes(EXAMPLE, QuantSpec.DEFAULT));
        }
        sb.append("Search genes are sized for a ").append(topology()).append(" network at the default formats;"
                + " each block's exact end is the exact design.\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, String name, String help, List<Knob> knobs, List<Gene> genes) {
        sb.append(name).append(": ").append(help).append('\n');
        for (Knob k : knobs) {
            sb.append(String.format("  %-12s %s (default %s)%n  %-12s %s%n", k.field(), plain(k.values()),
                    plain(k.defaultValue()), "", k.help()));
        }
        for (Gene g : genes) {
            sb.append(String.format("  gene %-12s %d x 0..%d, exact %d: %s%n", g.name(), g.length(), g.max(), g.exact(),
                    g.help()));
        }
        sb.append('\n');
    }

    /** The README's design-configuration table. */
    public static String markdown() {
        StringBuilder sb = new StringBuilder("| section | field | values | default | effect | search genes |\n");
        sb.append("|---|---|---|---|---|---|\n");
        rows(sb, "quantization", QUANTIZATION, List.of());
        for (PassKind k : PassRegistry.kinds()) {
            rows(sb, k.name(), k.knobs(), k.genes(EXAMPLE, QuantSpec.DEFAULT));
        }
        return sb.toString();
    }

    private static void rows(StringBuilder sb, String section, List<Knob> knobs, List<Gene> genes) {
        List<String> names = new ArrayList<>();
        for (Gene g : genes) {
            names.add("`" + g.name() + "`");
        }
        for (int i = 0; i < knobs.size(); i++) {
            Knob k = knobs.get(i);
            sb.append("| `").append(section).append("` | `").append(k.field()).append("` | ").append(k.values())
                    .append(" | ").append(k.defaultValue()).append(" | ").append(k.help()).append(" | ")
                    .append(i == 0 ? String.join(", ", names) : "").append(" |\n");
        }
    }

    private static String topology() {
        StringBuilder sb = new StringBuilder().append(EXAMPLE.features());
        for (int s : EXAMPLE.layerSizes()) {
            sb.append('-').append(s);
        }
        return sb.toString();
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}
