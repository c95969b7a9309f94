package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JointFrontTest {
    private static Candidate c(double acc, double area) {
        return new Candidate(new int[][] {{(int) (acc * 1000), (int) (area * 1000)}},
                new CandidateEvaluator.Score(acc, area, area * 3));
    }

    @Test
    void keepsOnlyWhatNoOtherSearchBeats() {
        Candidate a1 = c(0.80, 1.0);
        Candidate a2 = c(0.85, 3.0); // beaten by b1
        Candidate b1 = c(0.86, 2.0);
        Candidate b2 = c(0.90, 5.0);
        Candidate exactA = c(0.84, 10.0); // given: beats nothing here, never returned
        List<List<Candidate>> out = JointFront.select(List.of(List.of(a1, a2), List.of(b1, b2)), List.of(exactA),
                false, 3);
        assertEquals(List.of(a1), out.get(0));
        assertEquals(List.of(b1, b2), out.get(1));
        // with budget left, the next front follows
        out = JointFront.select(List.of(List.of(a1, a2), List.of(b1, b2)), List.of(exactA), false, 10);
        assertEquals(List.of(a1, a2), out.get(0));
        assertEquals(List.of(b1, b2), out.get(1));
    }

    @Test
    void theBudgetGoesToTheFrontsInRankOrder() {
        Candidate f1 = c(0.90, 1.0);
        Candidate f2a = c(0.89, 2.0); // second front
        Candidate f2b = c(0.91, 3.0); // first front (most accurate)
        Candidate f3 = c(0.88, 4.0); // third front
        List<List<Candidate>> out = JointFront.select(List.of(List.of(f1, f2a, f2b, f3)), List.of(), false, 3);
        assertEquals(List.of(f1, f2a, f2b), out.get(0));
    }

    @Test
    void givenDesignsBeatOthersAndEqualScoresAreVerifiedOnce() {
        Candidate exact = c(0.90, 4.0);
        Candidate worse = c(0.89, 5.0);
        Candidate same1 = c(0.85, 2.0);
        Candidate same2 = c(0.85, 2.0); // the same design found by the second search
        List<List<Candidate>> out = JointFront.select(List.of(List.of(same1, worse), List.of(same2)), List.of(exact),
                false, 10);
        assertEquals(List.of(same1), out.get(0), "worse is beaten by the exact baseline: never verified");
        assertEquals(List.of(), out.get(1));
    }

    @Test
    void powerIsAnObjectiveOnlyWhenAsked() {
        Candidate small = c(0.85, 2.0);
        Candidate frugal = new Candidate(new int[][] {{1}}, new CandidateEvaluator.Score(0.85, 2.5, 1.0));
        assertEquals(List.of(), JointFront.select(List.of(List.of(small), List.of(frugal)), List.of(), false, 1).get(1));
        assertEquals(List.of(frugal), JointFront.select(List.of(List.of(small), List.of(frugal)), List.of(), true, 2)
                .get(1));
    }

    @Test
    void theLimitSpreadsAlongTheWholeFrontKeepingBothEnds() {
        List<Candidate> a = List.of(c(0.70, 1), c(0.72, 2), c(0.74, 3), c(0.76, 4), c(0.78, 5));
        List<Candidate> b = List.of(c(0.80, 6), c(0.82, 7), c(0.84, 8), c(0.86, 9));
        List<List<Candidate>> out = JointFront.select(List.of(a, b), List.of(), false, 3);
        assertEquals(3, out.get(0).size() + out.get(1).size());
        assertEquals(a.get(0), out.get(0).get(0), "the smallest");
        assertEquals(b.get(3), out.get(1).get(out.get(1).size() - 1), "the most accurate");
    }
}
