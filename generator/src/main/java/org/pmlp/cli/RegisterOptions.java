package org.pmlp.cli;

import org.pmlp.approx.DesignConfig;
import org.pmlp.rtl.Registers;
import picocli.CommandLine.Option;

/** Where the design has registers (run and generate; overrides the configuration's "registers"). */
final class RegisterOptions {
    @Option(names = "--registers", paramLabel = "none|inputs|outputs|both",
            description = "Registered ports: none (a combinational design, no clock, as the printed-MLP literature "
                    + "publishes), inputs, outputs or both (default: the configuration's \"registers\", else both).")
    String registers;

    /** The configuration with --registers applied when given. */
    DesignConfig apply(DesignConfig cfg) {
        return registers == null ? cfg : cfg.withRegisters(Registers.parse(registers, "--registers"));
    }

    /** Checks the option before any work. */
    void check() {
        if (registers != null) {
            Registers.parse(registers, "--registers");
        }
    }
}
