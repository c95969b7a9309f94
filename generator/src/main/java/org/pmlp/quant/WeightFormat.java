package org.pmlp.quant;

import java.util.Locale;
import org.pmlp.UserError;

/**
 * How a layer's weights are represented in hardware. Each format is fitted to a layer (choosing
 * the fractional bits from the layer's weight range) to give a {@link WeightGrid}.
 */
public sealed interface WeightFormat permits FixedFormat, Po2Format, CsdFormat, TernaryFormat {

    /** Fits the format to a layer's float weights and biases. */
    WeightGrid fit(double[][] weights, double[] biases);

    /** Short name as in configuration files: "fixed8", "po2", "csd2", "ternary". */
    String name();

    int bits();

    /** Parses a configuration name ("fixed", "fixed8", "po2", "csd2", "ternary") with a default width. */
    static WeightFormat parse(String text, int defaultBits) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("fixed")) {
                return new FixedFormat(s.length() > 5 ? Integer.parseInt(s.substring(5)) : defaultBits);
            }
            if (s.equals("po2")) {
                return new Po2Format(defaultBits);
            }
            if (s.startsWith("csd")) {
                return new CsdFormat(defaultBits, s.length() > 3 ? Integer.parseInt(s.substring(3)) : 2);
            }
            if (s.equals("ternary")) {
                return new TernaryFormat(defaultBits);
            }
        } catch (NumberFormatException | UserError e) {
            // fall through
        }
        throw new UserError("unknown weight format '" + text
                + "'; expected fixed<bits> (e.g. fixed8), po2, csd<k> (e.g. csd2) or ternary");
    }

    /** The fractional bits that put the largest magnitude just within {@code maxInteger}. */
    static int fracBitsFor(double[][] weights, double[] biases, double maxInteger) {
        double maxAbs = 0;
        for (double[] row : weights) {
            for (double w : row) {
                maxAbs = Math.max(maxAbs, Math.abs(w));
            }
        }
        for (double b : biases) {
            maxAbs = Math.max(maxAbs, Math.abs(b));
        }
        if (maxAbs == 0) {
            return 0;
        }
        return (int) Math.floor(Math.log(maxInteger / maxAbs) / Math.log(2) + 1e-12);
    }

    static void checkBits(int bits) {
        if (bits < 2 || bits > 16) {
            throw new UserError("weight bits must be in [2, 16], got " + bits);
        }
    }
}
