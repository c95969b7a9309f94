package org.pmlp.eda.liberty;

import java.util.List;

/**
 * A cell pin.
 *
 * @param function       output function (null for inputs, or outputs a state table defines)
 * @param threeState     the {@code three_state} condition (null if the pin is not three-state)
 * @param capacitance    input capacitance in library capacitance units (0 when absent)
 * @param clock          {@code clock : true}
 * @param internalPower  energy per transition of this pin, one entry per distinct {@code when}
 *                       (for an output: its transitions caused by any related pin; for an
 *                       input: "hidden" power of its own transitions)
 */
public record Pin(String name, PinDirection direction, BoolExpr function, BoolExpr threeState, double capacitance,
                  boolean clock, List<InternalPower> internalPower) {

    public Pin {
        internalPower = List.copyOf(internalPower);
    }

    public boolean isInput() {
        return direction == PinDirection.INPUT;
    }

    public boolean isOutput() {
        return direction == PinDirection.OUTPUT;
    }
}
