package org.pmlp.rtl;

import org.pmlp.UserError;

/**
 * Which ports of the design are registered. {@link #BOTH} (a registered input and a registered
 * class output, pmlp's designs before this choice existed) is the default; {@link #NONE} is the
 * combinational classifier the printed-MLP literature publishes and compares.
 */
public enum Registers {
    NONE(false, false), INPUTS(true, false), OUTPUTS(false, true), BOTH(true, true);

    private final boolean inputs;
    private final boolean outputs;

    Registers(boolean inputs, boolean outputs) {
        this.inputs = inputs;
        this.outputs = outputs;
    }

    public boolean inputs() {
        return inputs;
    }

    public boolean outputs() {
        return outputs;
    }

    /** Register stages between a vector at x and its class at y (clock edges of latency). */
    public int stages() {
        return (inputs ? 1 : 0) + (outputs ? 1 : 0);
    }

    /** True when the design has a clock port. */
    public boolean clocked() {
        return stages() > 0;
    }

    /** The lower-case name used on the command line and in JSON. */
    public String label() {
        return name().toLowerCase();
    }

    /** Parses none|inputs|outputs|both; {@code where} names the option or field for the error. */
    public static Registers parse(String text, String where) {
        for (Registers r : values()) {
            if (r.label().equals(text)) {
                return r;
            }
        }
        throw new UserError(where + " must be none, inputs, outputs or both, got '" + text + "'");
    }
}
