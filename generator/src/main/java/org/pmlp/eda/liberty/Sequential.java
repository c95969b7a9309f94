package org.pmlp.eda.liberty;

/**
 * The state element of a cell: an {@code ff (IQ, IQN)} group (edge-triggered on
 * {@code clocked_on}, loading {@code next_state}) or a {@code latch} group (transparent while
 * {@code enable}, loading {@code data_in}).
 *
 * @param state    name of the state variable (IQ)
 * @param inverted name of its complement (IQN), or "" if the library leaves it out
 * @param data     next_state (ff) or data_in (latch)
 * @param clock    clocked_on (ff) or enable (latch)
 * @param clear    asynchronous clear condition, or null
 * @param preset   asynchronous preset condition, or null
 */
public record Sequential(Kind kind, String state, String inverted, BoolExpr data, BoolExpr clock, BoolExpr clear,
                         BoolExpr preset) {

    public enum Kind { FLIP_FLOP, LATCH }

    public boolean isFlipFlop() {
        return kind == Kind.FLIP_FLOP;
    }
}
