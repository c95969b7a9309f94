package org.pmlp.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Measures how many candidates per second the evaluator scores, on one thread and on several. */
public final class Throughput {
    /**
     * Candidates per second with one thread (of wall time, and of that thread's CPU time, which a
     * loaded machine disturbs less) and with {@code jobs} threads.
     *
     * @param meanAccuracy the candidates' mean training accuracy: what the seed chose, for reproducibility
     */
    public record Result(int candidates, double singleRate, double singleCpuRate, double parallelRate, int jobs,
                         double meanAccuracy) {
    }

    private Throughput() {
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
        // the figure measured right after it with --jobs 1).
        for (int[][] g : genomes) {
            ev.modelFor(g);
        }
        for (int[][] g : genomes) {
            ev.evaluate(g);
        }
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
            long t1 = System.nanoTime();
            List<Future<CandidateEvaluator.Score>> f = new ArrayList<>();
            for (int[][] g : genomes) {
                f.add(pool.submit(() -> ev.evaluate(g)));
            }
            double accuracy = 0;
            for (Future<CandidateEvaluator.Score> x : f) {
                accuracy += x.get().accuracy();
            }
            double parallel = candidates / ((System.nanoTime() - t1) / 1e9);
            return new Result(candidates, single, singleCpu, parallel, jobs, accuracy / candidates);
        } finally {
            pool.shutdownNow();
        }
    }
}
