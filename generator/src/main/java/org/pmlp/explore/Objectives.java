package org.pmlp.explore;

import io.jenetics.ext.moea.Vec;

/**
 * The search's objectives, all maximized: training accuracy and minus the estimated area (and
 * minus power on request). A design that loses more accuracy than allowed is infeasible: it is
 * shifted below every feasible design in all objectives, so feasible designs dominate it, while
 * among infeasible ones the more accurate still wins (constraint domination, as NSGA-II does it).
 */
public record Objectives(double minAccuracy, boolean power) {
    static final double PENALTY = 1e6;

    public boolean feasible(CandidateEvaluator.Score s) {
        return s.accuracy() >= minAccuracy - 1e-12;
    }

    public Vec<double[]> vector(CandidateEvaluator.Score s) {
        double shift = feasible(s) ? 0 : PENALTY;
        double acc = feasible(s) ? s.accuracy() : s.accuracy() - 2;
        return power ? Vec.of(acc, -s.areaCm2() - shift, -s.powerMw() - shift) : Vec.of(acc, -s.areaCm2() - shift);
    }
}
