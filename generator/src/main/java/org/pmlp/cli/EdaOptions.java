package org.pmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.UserError;
import org.pmlp.rtl.HeapStyle;
import picocli.CommandLine.Option;

/** Cell library, tool timeouts and emission choices. */
final class EdaOptions {
    @Option(names = "--liberty", paramLabel = "FILE",
            description = "Cell library (Liberty) for synthesis and power (default: pmlp's EGFET 1.0 V library, pdk/egfet_1v0.lib).")
    Path liberty;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Time limit for each external tool run (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--prove-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit of the proof that the synthesized netlist equals the RTL (ABC dsec; default: "
                    + "${DEFAULT-VALUE}). A proof that does not finish is reported as timeout, never as a pass.")
    long proveTimeout;

    @Option(names = "--prove-reference", paramLabel = "SECONDS", defaultValue = "0",
            description = "Also try to prove the RTL equal to the behavioural reference rtl/reference.v within this time "
                    + "(default: ${DEFAULT-VALUE}, not tried). Reaches small designs only; report.json says proved, "
                    + "failed, timeout or skipped.")
    long proveReference;

    @Option(names = "--clock-hz", paramLabel = "HZ", defaultValue = "5",
            description = "Clock frequency for dynamic power (default: ${DEFAULT-VALUE} Hz, the printed-MLP literature's).")
    double clockHz;

    @Option(names = "--heap", paramLabel = "twos|split", defaultValue = "twos",
            description = "Bit-heap style: one two's-complement heap (default) or positive and negative heaps subtracted.")
    String heap;

    /** The --liberty file, read once here so a malformed one is reported before any work. */
    Path liberty() {
        if (liberty != null) {
            if (!Files.isRegularFile(liberty)) {
                throw new UserError(liberty + ": no such liberty file");
            }
            org.pmlp.eda.liberty.CellLibrary.read(liberty);
        }
        return liberty;
    }

    HeapStyle heapStyle() {
        switch (heap.toLowerCase()) {
            case "twos":
                return HeapStyle.TWOS_COMPLEMENT;
            case "split":
                return HeapStyle.SPLIT;
            default:
                throw new UserError("--heap must be twos or split, got '" + heap + "'");
        }
    }

    void check() {
        if (timeout <= 0) {
            throw new UserError("--timeout must be positive, got " + timeout);
        }
        if (proveReference < 0) {
            throw new UserError("--prove-reference must be 0 (off) or positive, got " + proveReference);
        }
        if (proveTimeout <= 0) {
            throw new UserError("--prove-timeout must be positive, got " + proveTimeout);
        }
        if (!(clockHz > 0)) {
            throw new UserError("--clock-hz must be positive, got " + clockHz);
        }
    }
}
