package org.pmlp.cost;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Which cost model an estimate uses: {@code --cost-model FILE} when given; otherwise the model
 * pmlp ships for the liberty ({@code pdk/<liberty file name>.cost.json}: pmlp's default library
 * and the public EGFET 1.0 V one), the one whose recorded library name and cell figures are the
 * liberty's (whatever the file is called). With no matching file, the estimate prices the
 * liberty's own cells with the scales and factors fitted for pmlp's default library and says so
 * (a warning): the estimate follows the library's cells (e.g. leakage at another supply
 * voltage), but its figures are uncalibrated. A liberty without the cells the model prices
 * (INV, AND2, OR2, XOR2, NAND2, DFF by their EGFET names) gets the default library's model, and a
 * {@code --cost-model} calibrated for another library than {@code --liberty} is used as given;
 * both with a warning.
 */
public final class CostModels {
    private CostModels() {
    }

    /** The shipped calibrations, by liberty file name (without ".lib"). */
    static final String[] SHIPPED = {"egfet_1v0", "PPDK_Standard_Library_1.0V_25C_TYP_X1"};

    /**
     * @param costModel {@code --cost-model} (null when not given)
     * @param liberty   {@code --liberty} (null: pmlp's default library)
     * @param log       where a fallback is reported
     */
    public static CostModel resolve(Path costModel, Path liberty, PrintStream log) {
        if (costModel != null) {
            CostModel m = CostModel.read(costModel);
            CellFigures cells = liberty == null ? null : figures(liberty, log);
            if (cells != null && !m.cells().sameAs(cells)) {
                log.printf("warning: %s was calibrated for library %s, not %s (%s): its estimates are that library's%n",
                        costModel, m.cells().library(), cells.library(), liberty);
            }
            return m;
        }
        if (liberty == null) {
            return CostModel.defaults();
        }
        CellFigures cells = figures(liberty, log);
        if (cells == null) {
            return CostModel.defaults();
        }
        for (String name : SHIPPED) {
            CostModel shipped = CostModel.resource("pdk/" + name + ".cost.json");
            if (shipped.cells().sameAs(cells)) {
                return shipped;
            }
        }
        CostModel d = CostModel.defaults();
        log.printf("warning: no cost model is calibrated for %s (library %s): the estimate prices its cells with the"
                + " scales of %s, uncalibrated; for calibrated figures run pmlp calibrate --liberty %s -o FILE and pass"
                + " --cost-model FILE%n", liberty, cells.library(), CostModel.DEFAULT_RESOURCE, liberty);
        return new CostModel(cells, d.areaScale(), d.areaFactors(), d.powerScale(), d.powerFactors(),
                "uncalibrated: " + cells.library() + " cells, scales of " + CostModel.DEFAULT_RESOURCE);
    }

    /** The liberty's cell figures, or null (with a warning) when it lacks the cells the model prices. */
    private static CellFigures figures(Path liberty, PrintStream log) {
        try {
            return CellFigures.of(liberty);
        } catch (org.pmlp.UserError e) {
            log.printf("warning: the cost model cannot price %s (%s): the estimate is pmlp's default library's%n",
                    liberty, e.getMessage());
            return null;
        }
    }
}
