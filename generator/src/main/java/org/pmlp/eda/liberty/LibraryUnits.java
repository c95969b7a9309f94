package org.pmlp.eda.liberty;

/**
 * The units a library states, as SI multipliers (NaN when the library does not state one).
 *
 * <p>Liberty gives internal power tables in energy units of {@code capacitive_load_unit x
 * voltage_unit^2}: pJ for pF and V, as in the EGFET files.
 *
 * @param leakageWatts     watts per unit of leakage values ({@code leakage_power_unit "1nW"} gives 1e-9)
 * @param capacitanceFarads farads per unit of pin capacitance ({@code capacitive_load_unit (1,pf)} gives 1e-12)
 * @param timeSeconds      seconds per time unit
 * @param voltageVolts     volts per voltage unit (1 when not stated, Liberty's default "1V")
 * @param supplyVoltage    supply in voltage units: {@code nom_voltage}, else the largest {@code voltage_map}, else the operating conditions' voltage
 */
public record LibraryUnits(double leakageWatts, double capacitanceFarads, double timeSeconds, double voltageVolts,
                           double supplyVoltage) {

    /** Joules per unit of internal power table values. */
    public double internalEnergyJoules() {
        return capacitanceFarads * voltageVolts * voltageVolts;
    }

    /** Supply voltage in volts. */
    public double supplyVolts() {
        return supplyVoltage * voltageVolts;
    }
}
