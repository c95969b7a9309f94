package org.pmlp.cli;

import java.nio.file.Path;
import org.pmlp.UserError;
import org.pmlp.design.SupplySweep;
import org.pmlp.eda.liberty.LibertyFamily;
import picocli.CommandLine.Option;

/** Supply voltage over a library family (run): --liberty-dir DIR and --vdd V|auto. */
final class SupplyOptions {
    @Option(names = "--liberty-dir", paramLabel = "DIR",
            description = "A family of cell libraries, one .lib per supply voltage (e.g. the public EGFET 0.6-2.0 V): "
                    + "the design is synthesized once and timed and powered at every voltage (report.json vdd_table).")
    Path libertyDir;

    @Option(names = "--vdd", paramLabel = "V|auto",
            description = "Supply voltage to sign off at, from --liberty-dir; auto (the default with --liberty-dir): "
                    + "the lowest voltage whose worst path meets --clock-hz.")
    String vdd;

    /** The family and voltage, or null without --liberty-dir; checked before any work. */
    SupplySweep.Supply supply(Path liberty) {
        if (libertyDir == null) {
            if (vdd != null) {
                throw new UserError("--vdd needs --liberty-dir DIR, a folder with one liberty file per voltage");
            }
            return null;
        }
        if (liberty != null) {
            throw new UserError("give --liberty FILE or --liberty-dir DIR, not both");
        }
        double v = Double.NaN;
        if (vdd != null && !vdd.equals("auto")) {
            try {
                v = Double.parseDouble(vdd);
            } catch (NumberFormatException e) {
                throw new UserError("--vdd must be a voltage (e.g. 0.6) or auto, got '" + vdd + "'");
            }
            if (!(v > 0)) {
                throw new UserError("--vdd must be a positive voltage or auto, got '" + vdd + "'");
            }
        }
        SupplySweep.Supply s = new SupplySweep.Supply(LibertyFamily.read(libertyDir), v);
        s.synthesisLibrary(); // a voltage without a library: exit 2 naming the voltages found
        return s;
    }
}
