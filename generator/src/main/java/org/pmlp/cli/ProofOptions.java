package org.pmlp.cli;

import org.pmlp.UserError;
import picocli.CommandLine.Option;

/**
 * Bounds of the proofs a single design run makes. (explore and bench prove their front designs
 * with the default bound of {@link org.pmlp.eda.NetlistEquivalence}.)
 */
final class ProofOptions {
    @Option(names = "--prove-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit of each of the two checks that try to prove the synthesized netlist equal to the RTL "
                    + "(ABC cec with the registers matched by name, then, if it does not prove them equal, dsec; default: "
                    + "${DEFAULT-VALUE}). A proof that does not finish is reported as timeout, never as a pass.")
    long proveTimeout;

    @Option(names = "--prove-reference", paramLabel = "SECONDS", defaultValue = "0",
            description = "Also try to prove the RTL equal to the behavioural reference rtl/reference.v within this time "
                    + "(default: ${DEFAULT-VALUE}, not tried). Reaches small designs only; report.json says proved, "
                    + "failed, timeout or skipped.")
    long proveReference;

    void check() {
        if (proveReference < 0) {
            throw new UserError("--prove-reference must be 0 (off) or positive, got " + proveReference);
        }
        if (proveTimeout <= 0) {
            throw new UserError("--prove-timeout must be positive, got " + proveTimeout);
        }
    }
}
