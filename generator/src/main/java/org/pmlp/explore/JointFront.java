package org.pmlp.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which designs of several searches over one dataset (networks, allowed losses) are worth
 * verifying: those no other design of any of them beats on the search's own objectives (training
 * accuracy, estimated area, and power with {@code --power}), at most {@code limit} of them spread
 * along that joint front. The searches all score the same training rows, so their scores compare;
 * the test split plays no part (the verified front is then reported on it).
 */
final class JointFront {
    private JointFront() {
    }

    /**
     * @param fronts each search's candidates (in the order they would be verified)
     * @param given designs verified anyway (the literature network's exact baseline): they beat
     *     others like any design but are neither counted in {@code limit} nor returned
     * @return per search, the chosen candidates in their given order
     */
    static List<List<Candidate>> select(List<List<Candidate>> fronts, List<Candidate> given, boolean power,
                                        int limit) {
        List<Candidate> all = new ArrayList<>(given);
        fronts.forEach(all::addAll);
        List<Candidate> kept = new ArrayList<>();
        for (int i = given.size(); i < all.size(); i++) {
            if (!beaten(all, i, power)) {
                kept.add(all.get(i));
            }
        }
        kept.sort(Comparator.comparingDouble((Candidate c) -> c.score().areaCm2())
                .thenComparing(c -> -c.score().accuracy()));
        if (kept.size() > limit) {
            kept = ExploreRun.spread(kept, limit);
        }
        Map<Candidate, Boolean> chosen = new IdentityHashMap<>();
        kept.forEach(c -> chosen.put(c, true));
        List<List<Candidate>> out = new ArrayList<>();
        for (List<Candidate> f : fronts) {
            out.add(f.stream().filter(chosen::containsKey).toList());
        }
        return out;
    }

    /**
     * Whether another design is at least as good on every objective and better on one, or scores
     * exactly the same and comes first (so of equal designs, e.g. the same genome found by two
     * searches, one is verified).
     */
    private static boolean beaten(List<Candidate> all, int i, boolean power) {
        CandidateEvaluator.Score x = all.get(i).score();
        for (int j = 0; j < all.size(); j++) {
            if (j == i) {
                continue;
            }
            CandidateEvaluator.Score y = all.get(j).score();
            boolean noWorse = y.accuracy() >= x.accuracy() && y.areaCm2() <= x.areaCm2()
                    && (!power || y.powerMw() <= x.powerMw());
            if (!noWorse) {
                continue;
            }
            boolean better = y.accuracy() > x.accuracy() || y.areaCm2() < x.areaCm2()
                    || (power && y.powerMw() < x.powerMw());
            if (better || j < i) {
                return true;
            }
        }
        return false;
    }
}
