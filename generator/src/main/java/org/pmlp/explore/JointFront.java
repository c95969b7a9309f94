package org.pmlp.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which designs of several searches over one dataset (networks, allowed losses) are verified,
 * when the budget is {@code limit} designs: first their joint front, the designs no other design of
 * any of them beats on the search's own objectives (training accuracy, estimated area, and power
 * with {@code --power}); while the budget lasts, the next front of what is left (non-dominated
 * sorting, as NSGA-II ranks), and so on; the front that does not fit whole is spread along itself.
 * The searches all score the same training rows, so their scores compare; the test split plays no
 * part (the verified designs are then reported on it).
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
        boolean[] left = new boolean[all.size()];
        for (int i = given.size(); i < all.size(); i++) {
            left[i] = !duplicate(all, i);
        }
        List<Candidate> kept = new ArrayList<>();
        while (kept.size() < limit) {
            List<Integer> layer = new ArrayList<>();
            for (int i = given.size(); i < all.size(); i++) {
                if (left[i] && !beaten(all, left, given.size(), i, power)) {
                    layer.add(i);
                }
            }
            if (layer.isEmpty()) {
                break;
            }
            List<Candidate> next = new ArrayList<>();
            for (int i : layer) {
                left[i] = false;
                next.add(all.get(i));
            }
            next.sort(Comparator.comparingDouble((Candidate c) -> c.score().areaCm2())
                    .thenComparing(c -> -c.score().accuracy()));
            kept.addAll(next.size() > limit - kept.size() ? ExploreRun.spread(next, limit - kept.size()) : next);
        }
        Map<Candidate, Boolean> chosen = new IdentityHashMap<>();
        kept.forEach(c -> chosen.put(c, true));
        List<List<Candidate>> out = new ArrayList<>();
        for (List<Candidate> f : fronts) {
            out.add(f.stream().filter(chosen::containsKey).toList());
        }
        return out;
    }

    /** Whether an earlier design (a given one included) scores exactly the same: one of them is verified. */
    private static boolean duplicate(List<Candidate> all, int i) {
        CandidateEvaluator.Score x = all.get(i).score();
        for (int j = 0; j < i; j++) {
            CandidateEvaluator.Score y = all.get(j).score();
            if (y.accuracy() == x.accuracy() && y.areaCm2() == x.areaCm2() && y.powerMw() == x.powerMw()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a design still in play, or a given one, is at least as good on every objective and better on one. */
    private static boolean beaten(List<Candidate> all, boolean[] left, int given, int i, boolean power) {
        CandidateEvaluator.Score x = all.get(i).score();
        for (int j = 0; j < all.size(); j++) {
            if (j == i || (j >= given && !left[j])) {
                continue;
            }
            CandidateEvaluator.Score y = all.get(j).score();
            boolean noWorse = y.accuracy() >= x.accuracy() && y.areaCm2() <= x.areaCm2()
                    && (!power || y.powerMw() <= x.powerMw());
            boolean better = y.accuracy() > x.accuracy() || y.areaCm2() < x.areaCm2()
                    || (power && y.powerMw() < x.powerMw());
            if (noWorse && better) {
                return true;
            }
        }
        return false;
    }
}
