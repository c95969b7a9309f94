package org.pmlp.explore;

import io.jenetics.ext.moea.Vec;

/**
 * The search's objectives, all maximized: training accuracy and minus the estimated area (and
 * minus power on request). Two constraints: the accuracy loss allowed, and the clock: a design
 * whose estimated worst path ({@link org.pmlp.cost.TimingEstimate}) is longer than
 * {@code maxPathMs} (the clock period) is infeasible too. An infeasible design is shifted below
 * every feasible design in all objectives, so feasible designs dominate it, and among infeasible
 * ones the smaller violation wins (constraint domination, as NSGA-II does it): the accuracy
 * shortfall plus the path's relative excess over the period.
 */
public record Objectives(double minAccuracy, boolean power, double maxPathMs) {
    static final double PENALTY = 1e6;

    /** Without a timing constraint. */
    public Objectives(double minAccuracy, boolean power) {
        this(minAccuracy, power, Double.POSITIVE_INFINITY);
    }

    public boolean feasible(CandidateEvaluator.Score s) {
        return violation(s) == 0;
    }

    /** True when the design's estimated path fits the clock period (or it has no estimate). */
    public boolean meetsClock(CandidateEvaluator.Score s) {
        return !(s.pathMs() > maxPathMs);
    }

    /** 0 for a feasible design, else how far it is from feasible. */
    double violation(CandidateEvaluator.Score s) {
        double v = Math.max(0, minAccuracy - 1e-12 - s.accuracy());
        if (!meetsClock(s)) {
            v += s.pathMs() / maxPathMs - 1;
        }
        return v;
    }

    public Vec<double[]> vector(CandidateEvaluator.Score s) {
        double violation = violation(s);
        if (violation == 0) {
            return power ? Vec.of(s.accuracy(), -s.areaCm2(), -s.powerMw()) : Vec.of(s.accuracy(), -s.areaCm2());
        }
        double acc = -1 - violation;
        return power ? Vec.of(acc, -s.areaCm2() - PENALTY, -s.powerMw() - PENALTY)
                : Vec.of(acc, -s.areaCm2() - PENALTY);
    }
}
