package org.pmlp.approx;

/**
 * How a pass draws itself for the random designs of the tests and the self-check: ANY value at
 * all (corners), REALISTIC (the literature's knobs at moderate strength), WIDE (any value, with
 * full-width activations).
 */
public enum RandomDraw { ANY, REALISTIC, WIDE }
