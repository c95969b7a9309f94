package org.pmlp.eda.liberty;

/**
 * Internal energy of one pin transition while {@code when} holds (always when null), in library
 * internal-energy units (see {@link LibraryUnits#internalEnergyJoules()}).
 *
 * <p>Simplification: the energy is the mean of the rise/fall table values (slew and load are
 * ignored), summed over the power/ground pins listed separately, then averaged over the related
 * pins. That is fine where leakage dominates (printed electronics at a few Hz).
 */
public record InternalPower(BoolExpr when, double energy) {}
