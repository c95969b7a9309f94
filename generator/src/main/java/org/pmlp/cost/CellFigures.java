package org.pmlp.cost;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.util.Files2;

/**
 * What each cost feature costs in a liberty library, by a fixed recipe of library cells per
 * emitted gate: NOT = INV, AND = AND2, OR = OR2, XOR = XOR2, XOR3 = two XOR2, MAJ (a full
 * adder's carry, {@code ~(~(a&b) & ~(c&(a|b)))}) = three NAND2 and an OR2, flip-flop = DFF.
 * The cost model multiplies these by fitted scales, so every feature costs what its cells do
 * up to the scale, and no feature can be free.
 *
 * @param library the liberty {@code library} name
 * @param areaUm2 area of each feature's recipe, in the library's area unit (um^2 for EGFET)
 * @param leakageMw average leakage ({@code cell_leakage_power}) of each recipe, in mW
 */
public record CellFigures(String library, double[] areaUm2, double[] leakageMw) {
    /** The library cells of each feature, in {@link CostFeatures#NAMES} order. */
    static final List<Map<String, Integer>> RECIPES = List.of(
            Map.of("INVX1", 1), Map.of("AND2X1", 1), Map.of("OR2X1", 1), Map.of("XOR2X1", 1),
            Map.of("XOR2X1", 2), Map.of("NAND2X1", 3, "OR2X1", 1), Map.of("DFFX1", 1));

    /** The resource of pmlp's default library. */
    public static final String DEFAULT_LIBERTY = "pdk/egfet_1v0.lib";

    /** Figures of a liberty file, or of pmlp's default library when {@code liberty} is null. */
    public static CellFigures of(Path liberty) {
        return of(liberty == null ? CellLibrary.parse(Files2.resource(DEFAULT_LIBERTY), DEFAULT_LIBERTY)
                : CellLibrary.read(liberty));
    }

    public static CellFigures of(CellLibrary lib) {
        int n = CostFeatures.NAMES.length;
        double[] area = new double[n];
        double[] leak = new double[n];
        double toMw = lib.units().leakageWatts() * 1e3;
        if (!(toMw > 0)) {
            throw new UserError(lib.source() + ": expected a leakage_power_unit (the cost model needs leakage in watts)");
        }
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, Integer> e : RECIPES.get(i).entrySet()) {
                Cell c = lib.cell(e.getKey()).orElseThrow(() -> new UserError(lib.source() + ": expected a cell "
                        + e.getKey() + " (the cost model prices its features in INVX1, AND2X1, OR2X1, XOR2X1, NAND2X1"
                        + " and DFFX1)"));
                double leakage = Double.isNaN(c.cellLeakagePower()) ? c.defaultLeakage() : c.cellLeakagePower();
                if (!(c.area() > 0) || !(leakage > 0)) {
                    throw new UserError(lib.source() + ": expected a positive area and cell_leakage_power for cell "
                            + c.name() + " (line " + c.line() + ")");
                }
                area[i] += e.getValue() * c.area();
                leak[i] += e.getValue() * leakage * toMw;
            }
        }
        return new CellFigures(lib.name(), area, leak);
    }

    /** Whether two libraries price every feature the same (relative 1e-9). */
    public boolean sameAs(CellFigures o) {
        return library.equals(o.library) && close(areaUm2, o.areaUm2) && close(leakageMw, o.leakageMw);
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(Math.abs(a[i]), Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }
}
