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

    @Option(names = "--cost-model", paramLabel = "FILE",
            description = "Cost model of the area and power estimates (a pmlp calibrate -o file; default: the one pmlp"
                    + " ships for --liberty, pdk/<library>.cost.json; for a library without one, its cells priced with"
                    + " the default library's scales, with a warning).")
    Path costModel;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "Time limit for each external tool run (default: ${DEFAULT-VALUE}).")
    long timeout;

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

    /** The --cost-model file, read once here so a malformed one is reported before any work (null: none given). */
    Path costModel() {
        if (costModel != null) {
            if (!Files.isRegularFile(costModel)) {
                throw new UserError(costModel + ": no such cost model file");
            }
            org.pmlp.cost.CostModel.read(costModel);
        }
        return costModel;
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
        costModel();
        if (timeout <= 0) {
            throw new UserError("--timeout must be positive, got " + timeout);
        }
        if (!(clockHz > 0)) {
            throw new UserError("--clock-hz must be positive, got " + clockHz);
        }
    }
}
