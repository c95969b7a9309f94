package org.pmlp.eda.netlist;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.InternalPower;
import org.pmlp.eda.liberty.LeakageState;
import org.pmlp.eda.liberty.LibraryUnits;
import org.pmlp.eda.liberty.Pin;

/**
 * Area and power from a netlist, its library and simulated {@link Activity}.
 *
 * <p>Units: leakage values are in {@code leakage_power_unit} (EGFET: 1nW), capacitances in
 * {@code capacitive_load_unit} (pF), internal power tables in energy per transition of
 * capacitance unit x voltage unit^2 (pJ for pF and V). Internal energy is charged per pin
 * transition while the table's {@code when} holds (see {@link InternalPower} for the table
 * simplification). Energies are divided by the simulated time, cycles / clockHz. Wire and
 * output-port loads are not modelled (no wire-load data).
 */
public final class PowerAnalysis {
    private PowerAnalysis() {
    }

    public static PowerReport analyze(Netlist net, Activity act, double clockHz) {
        if (act.netlist() != net) {
            throw new IllegalArgumentException("activity was simulated on another netlist");
        }
        if (!(clockHz > 0)) {
            throw new IllegalArgumentException("clock frequency must be positive, got " + clockHz);
        }
        LibraryUnits units = net.library().units();
        double leakW = require(units.leakageWatts(), "leakage_power_unit", net);
        double capF = require(units.capacitanceFarads(), "capacitive_load_unit", net);
        double volts = require(units.supplyVolts(), "nom_voltage (or voltage_map)", net);
        double energyJ = units.internalEnergyJoules();
        int cycles = act.cycles();
        double seconds = cycles / clockHz;

        List<Instance> instances = net.instances();
        double[] netCap = new double[net.netCount()];
        double internalJ = 0;
        double leakageUnitsTimesHalfCycles = 0;
        double averageLeakage = 0;
        double area = 0;
        SortedMap<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < instances.size(); i++) {
            Instance inst = instances.get(i);
            Cell cell = inst.cell();
            List<Pin> pins = cell.pins();
            for (int p = 0; p < pins.size(); p++) {
                Pin pin = pins.get(p);
                if (pin.isInput() && inst.net(p) >= 2) {
                    netCap[inst.net(p)] += pin.capacitance();
                }
                List<InternalPower> cases = pin.internalPower();
                for (int c = 0; c < cases.size(); c++) {
                    internalJ += act.internalPowerEvents(i, p, c) * cases.get(c).energy() * energyJ;
                }
            }
            List<LeakageState> states = cell.leakageStates();
            for (int s = 0; s < states.size(); s++) {
                leakageUnitsTimesHalfCycles += states.get(s).value() * act.leakageHalfCycles(i, s);
            }
            leakageUnitsTimesHalfCycles += cell.defaultLeakage() * act.leakageHalfCycles(i, states.size());
            averageLeakage += Double.isNaN(cell.cellLeakagePower()) ? cell.defaultLeakage() : cell.cellLeakagePower();
            area += cell.area();
            counts.merge(cell.name(), 1, Integer::sum);
        }
        double switchingJ = 0;
        for (int n = 2; n < netCap.length; n++) {
            switchingJ += act.toggles(n) * 0.5 * netCap[n] * capF * volts * volts;
        }
        double leakageW = leakageUnitsTimesHalfCycles / (2.0 * cycles) * leakW;
        return new PowerReport(leakageW * 1e3, switchingJ / seconds * 1e3, internalJ / seconds * 1e3,
                averageLeakage * leakW * 1e3, area, counts, cycles, clockHz);
    }

    private static double require(double value, String what, Netlist net) {
        if (Double.isNaN(value)) {
            throw new UserError(net.library().source() + ": expected " + what + " in the library for power analysis, got none");
        }
        return value;
    }
}
