package org.pmlp.eda.netlist;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Area and power of a netlist under simulated activity. Power in mW (= W x 1000).
 *
 * @param leakageMw        state-dependent leakage: each cell's {@code when} states weighted by the
 *                         time they held, the default value for the rest
 * @param switchingMw      net switching: toggles x C V^2 / 2, C the sum of fanout input pin capacitances
 * @param internalMw       cell internal power: pin toggles x internal energy per transition
 * @param averageLeakageMw plain sum of {@code cell_leakage_power} (state-independent, for comparison)
 * @param areaUm2          sum of cell areas in library area units (um^2 for EGFET)
 * @param cellCounts       instances per cell type, sorted by name
 * @param cycles           simulated cycles
 * @param clockHz          clock frequency the energies were divided over
 */
public record PowerReport(double leakageMw, double switchingMw, double internalMw, double averageLeakageMw,
                          double areaUm2, SortedMap<String, Integer> cellCounts, int cycles, double clockHz) {

    public PowerReport {
        cellCounts = Collections.unmodifiableSortedMap(new TreeMap<>(cellCounts));
    }

    /** Switching plus internal power. */
    public double dynamicMw() {
        return switchingMw + internalMw;
    }

    /** Leakage plus dynamic power. */
    public double totalMw() {
        return leakageMw + dynamicMw();
    }

    /** Area in cm^2 (1 cm^2 = 1e8 um^2). */
    public double areaCm2() {
        return areaUm2 / 1e8;
    }

    /** Total number of cell instances. */
    public int cellCount() {
        return cellCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line for logs. */
    public String summary() {
        return String.format(Locale.ROOT,
                "area %.4f cm2 (%d cells), power %.4f mW = leakage %.4f + dynamic %.6f (switching %.6f, internal %.6f)"
                        + " at %.3g Hz over %d cycles; state-independent leakage %.4f mW",
                areaCm2(), cellCount(), totalMw(), leakageMw, dynamicMw(), switchingMw, internalMw, clockHz, cycles,
                averageLeakageMw);
    }
}
