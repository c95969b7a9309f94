package org.pmlp.eda.liberty;

/**
 * A cell pin.
 *
 * @param function       output function (null for inputs, or outputs a state table defines)
 * @param threeState     the {@code three_state} condition (null if the pin is not three-state)
 * @param capacitance    input capacitance in library capacitance units (0 when absent)
 * @param clock          {@code clock : true}
 * @param internalEnergy energy per transition of this pin, in library internal-energy units
 *                       (see {@link LibraryUnits#internalEnergyJoules()}): the mean of the
 *                       rise/fall table values, summed over power/ground pins of the same
 *                       related pin and {@code when}, then averaged over those (related pin, when)
 *                       cases. This ignores slew, load and state, which is fine when leakage
 *                       dominates (printed electronics at a few Hz).
 */
public record Pin(String name, PinDirection direction, BoolExpr function, BoolExpr threeState, double capacitance,
                  boolean clock, double internalEnergy) {

    public boolean isInput() {
        return direction == PinDirection.INPUT;
    }

    public boolean isOutput() {
        return direction == PinDirection.OUTPUT;
    }
}
