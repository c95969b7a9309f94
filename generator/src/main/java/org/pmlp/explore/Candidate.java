package org.pmlp.explore;

/** An evaluated genome. */
public record Candidate(int[][] genome, CandidateEvaluator.Score score) {
}
