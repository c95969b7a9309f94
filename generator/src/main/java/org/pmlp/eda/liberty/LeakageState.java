package org.pmlp.eda.liberty;

/**
 * Leakage while {@code when} holds, summed over the power/ground pins the library lists
 * separately, in library leakage units.
 */
public record LeakageState(BoolExpr when, double value) {}
