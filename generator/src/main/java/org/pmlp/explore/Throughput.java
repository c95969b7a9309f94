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
     * @param warmUp the untimed passes before the timing
     */
    public record Result(int candidates, double singleRate, double singleCpuRate, double parallelRate, int jobs,
                         double meanAccuracy, double meanAreaCm2, double meanPathMs, double[] partMicros,
                         WarmUp warmUp) {
    }

    /**
     * The untimed passes before the timing: how many, how long in all, and whether the last of them
     * ran {@link #QUIET_NANOS} without the JIT finishing a compilation (false also where the JVM does
     * not time its compilations).
     */
    public record WarmUp(int passes, double seconds, boolean settled) {
    }

    /**
     * Untimed passes before the timing repeat for at least this long and until they have run for
     * {@link #QUIET_NANOS} without the JIT finishing a compilation (one pass could fall inside a
     * long compilation), for at most {@link #MAX_WARM_UP_NANOS}; a run of fewer than
     * {@link #FEW_CANDIDATES} candidates stops after {@link #MAX_FEW_PASSES} passes (too few
     * evaluations for a steady rate either way).
     */
    private static final long WARM_UP_NANOS = 4_000_000_000L;
    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long MAX_WARM_UP_NANOS = 60_000_000_000L;
    private static final int FEW_CANDIDATES = 1000;
    private static final int MAX_FEW_PASSES = 20;

    private Throughput() {
    }

    /** The genomes' scores, in the genomes' order, computed on the pool ({@link Parallel#map}). */
    private static List<CandidateEvaluator.Score> scoreAll(ExecutorService pool, CandidateEvaluator ev,
                                                           List<int[][]> genomes) {
        return Parallel.map(pool, genomes.size(), i -> ev.evaluate(genomes.get(i)));
    }

    /** Scores every genome once, on this thread. */
    private static void pass(CandidateEvaluator ev, List<int[][]> genomes) {
        for (int[][] g : genomes) {
            ev.evaluate(g);
        }
    }

    /** Untimed passes until the JIT has settled (see {@link #WARM_UP_NANOS}). */
    private static WarmUp warmUp(CandidateEvaluator ev, List<int[][]> genomes) {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean timedJit = jit != null && jit.isCompilationTimeMonitoringSupported();
        long warm = System.nanoTime();
        int passes = 0;
        long quiet = 0; // how long the latest passes ran without a compilation finishing
        long elapsed;
        do {
            long compiling = timedJit ? jit.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            pass(ev, genomes);
            passes++;
            boolean compiled = timedJit && jit.getTotalCompilationTime() != compiling;
            quiet = compiled ? 0 : quiet + System.nanoTime() - start;
            elapsed = System.nanoTime() - warm;
        } while ((elapsed < WARM_UP_NANOS || quiet < QUIET_NANOS) && elapsed < MAX_WARM_UP_NANOS
                && (genomes.size() >= FEW_CANDIDATES || passes < MAX_FEW_PASSES));
        return new WarmUp(passes, elapsed / 1e9, timedJit && quiet >= QUIET_NANOS);
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
        // for retraining the rest) and let the JIT compile the hot path. A fixed warm-up was not
        // enough: with two cores the JIT's queue of optimizing compiles took about 10 s to drain on
        // cardio, and 20000-candidate passes ran at about 100 us a candidate for the first 6 s after
        // a 4 s warm-up, then at 72-75 us, so the one-thread figure was that of half-compiled code.
        // The passes now repeat until they run 2 s without a compilation finishing.
        for (int[][] g : genomes) {
            ev.modelFor(g);
        }
        WarmUp warmUp = warmUp(ev, genomes);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        pass(ev, genomes);
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
                    path / candidates, micros, warmUp);
        } finally {
            pool.shutdownNow();
        }
    }
}
