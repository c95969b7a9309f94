package org.pmlp.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.pmlp.util.Parallel;

/** Measures how many candidates per second the evaluator scores, on one thread and on several. */
public final class Throughput {
    /**
     * Candidates per second with one thread (of wall time, and of that thread's CPU time, which a
     * loaded machine disturbs less) and with {@code jobs} threads.
     *
     * @param meanAccuracy the candidates' mean training accuracy: what the seed chose, for reproducibility
     * @param meanAreaCm2 the candidates' mean estimated area, and {@code meanPathMs} their mean estimated
     *                    worst path: with the accuracy, a fingerprint of the scores, which a change meant
     *                    only to be faster must leave as they were
     * @param partMicros microseconds per candidate of each {@link CandidateEvaluator.Part} (by ordinal), from
     *                   a further one-thread pass that times the parts
     */
    public record Result(int candidates, double singleRate, double singleCpuRate, double parallelRate, int jobs,
                         double meanAccuracy, double meanAreaCm2, double meanPathMs, double[] partMicros) {
    }

    /**
     * Untimed passes before the timing repeat this long, at most {@link #MAX_WARM_UP_PASSES} of them
     * and at least one (the JIT's tiers settle in a few seconds).
     */
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final int MAX_WARM_UP_PASSES = 20;

    private Throughput() {
    }

    /** The genomes' scores, in the genomes' order, computed on the pool ({@link Parallel#map}). */
    private static List<CandidateEvaluator.Score> scoreAll(ExecutorService pool, CandidateEvaluator ev,
                                                           List<int[][]> genomes) {
        return Parallel.map(pool, genomes.size(), i -> ev.evaluate(genomes.get(i)));
    }

    public static Result measure(CandidateEvaluator ev, int candidates, int jobs, long seed) throws Exception {
        SearchSpace space = ev.space();
        SplittableRandom r = new SplittableRandom(seed);
        List<int[][]> genomes = new ArrayList<>();
        for (int i = 0; i < candidates; i++) {
            genomes.add(Mutants.mutate(space, space.exact(), 0.02 + 0.3 * r.nextDouble(), r));
        }
        // Warm up: retrain every format combination used (once per combination, cached, not the
        // hot path; before, only those of the first 300 candidates were, and the timed loop paid
        // for retraining the rest) and let the JIT compile the hot path (one untimed pass: after
        // 300 candidates it was still compiling, and the one-thread figure came out at a third of
        // the figure measured right after it with --jobs 1; one pass of 5000 cardio candidates,
        // about a second, still left the figure at half the rate of a 20000-candidate run, so the
        // passes repeat for WARM_UP_NANOS, or MAX_WARM_UP_PASSES for a handful of candidates: the
        // search itself runs tens of thousands of candidates).
        for (int[][] g : genomes) {
            ev.modelFor(g);
        }
        long warm = System.nanoTime();
        int passes = 0;
        do {
            for (int[][] g : genomes) {
                ev.evaluate(g);
            }
            passes++;
        } while (System.nanoTime() - warm < WARM_UP_NANOS && passes < MAX_WARM_UP_PASSES);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (int[][] g : genomes) {
            ev.evaluate(g);
        }
        double single = candidates / ((System.nanoTime() - t0) / 1e9);
        double singleCpu = candidates / ((cpu.getCurrentThreadCpuTime() - c0) / 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            // One untimed pass on the pool first: each of its threads builds its own flat base of
            // every format combination it meets (they hold working memory), which the timed pass
            // used to pay for, so that the figure on several threads came out below the one on one
            // thread; a search's threads build them in its first generations and keep them.
            scoreAll(pool, ev, genomes);
            long t1 = System.nanoTime();
            List<CandidateEvaluator.Score> scores = scoreAll(pool, ev, genomes);
            double parallel = candidates / ((System.nanoTime() - t1) / 1e9);
            double accuracy = 0;
            double area = 0;
            double path = 0;
            for (CandidateEvaluator.Score s : scores) {
                accuracy += s.accuracy();
                area += s.areaCm2();
                path += s.pathMs();
            }
            // Last, so the rates above are of the plain hot path: the parts, timed on one thread
            // (five clock reads per candidate on top of the work they time).
            long[] nanos = new long[CandidateEvaluator.Part.values().length];
            for (int[][] g : genomes) {
                ev.evaluate(g, nanos);
            }
            double[] micros = new double[nanos.length];
            for (int i = 0; i < nanos.length; i++) {
                micros[i] = nanos[i] / 1e3 / candidates;
            }
            return new Result(candidates, single, singleCpu, parallel, jobs, accuracy / candidates, area / candidates,
                    path / candidates, micros);
        } finally {
            pool.shutdownNow();
        }
    }
}
