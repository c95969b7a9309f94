package org.pmlp.cli;

import org.pmlp.quant.QuantSpec;
import picocli.CommandLine.Option;

/** The exact baseline's number formats. */
final class QuantOptions {
    @Option(names = "--input-bits", paramLabel = "N", defaultValue = "4",
            description = "Unsigned input bits, q = floor(2^N x) (default: ${DEFAULT-VALUE}).")
    int inputBits;

    @Option(names = "--weight-bits", paramLabel = "M", defaultValue = "8",
            description = "Signed fixed-point weight and bias bits (default: ${DEFAULT-VALUE}).")
    int weightBits;

    @Option(names = "--act-bits", paramLabel = "B", defaultValue = "8",
            description = "Hidden ReLU output bits after requantization; 0 keeps the full width (default: ${DEFAULT-VALUE}).")
    int actBits;

    QuantSpec spec() {
        return new QuantSpec(inputBits, weightBits, actBits);
    }
}
