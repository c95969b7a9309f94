package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.approx.ModelShape;
import org.pmlp.cost.CostModel;
import org.pmlp.explore.CandidateEvaluator;
import org.pmlp.explore.SearchSpace;
import org.pmlp.explore.Throughput;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "throughput", mixinStandardHelpOptions = true,
        description = "Benchmark the exploration's hot path: score random candidate designs of a model (the design applied "
                + "to its flat base circuit, bit-exact accuracy over the training set, cost estimate) and print "
                + "candidates per second on one thread and on --jobs threads, the mean of their scores (accuracy, "
                + "estimated area and worst path: unchanged by a change that only makes it faster), the microseconds "
                + "per candidate of each part (decode, edits and width inference, golden model, cost census), and what "
                + "the literature's budget (population 1000, 30 generations) would take. Every weight-format "
                + "combination the candidates use is retrained, and untimed passes over them repeat for at least 4 s "
                + "and until they have run 2 s without the JIT finishing a compilation (at most 60 s; at most 20 "
                + "passes for fewer than 1000 candidates), before the timing starts; the --jobs threads make one "
                + "untimed pass of their own first.")
final class ThroughputCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The trained model.")
    Path model;

    @Option(names = "--candidates", defaultValue = "5000", description = "Candidates to score (default: ${DEFAULT-VALUE}).")
    int candidates;

    @Option(names = "--jobs", defaultValue = "2", description = "Threads for the parallel figure (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random candidates (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--scaler", paramLabel = "auto|minmax|none", description = "For imported models: input scaling.")
    String scaler;

    @Mixin
    DataOptions data;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OptionUse.rejectGiven(spec, "candidates are scored on the training data only", "--test");
        if (candidates < 1 || jobs < 1) {
            throw new UserError("--candidates and --jobs must be at least 1");
        }
        ModelLoading.Result loaded = ModelLoading.load(model, scaler, data, seed, System.out);
        if (loaded.data().train() == null) {
            throw new UserError("the benchmark scores candidates on training data: --train FILE");
        }
        SearchSpace space = SearchSpace.of(loaded.model(), QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, loaded.model(), loaded.data().train(), 20, seed,
                CostModel.defaults(), HeapStyle.TWOS_COMPLEMENT);
        Throughput.Result r = Throughput.measure(ev, candidates, jobs, seed);
        int literature = 1000 + 30 * 1000;
        System.out.printf("%s, %d training rows, %d candidates: %.0f candidates/s on 1 thread, %.0f on %d threads%n",
                loaded.model().topology(), ev.trainRows(), r.candidates(), r.singleRate(), r.parallelRate(), r.jobs());
        System.out.printf("on 1 thread, %.0f candidates/s of that thread's CPU time (less disturbed by other load)%n",
                r.singleCpuRate());
        Throughput.WarmUp w = r.warmUp();
        System.out.printf("timed after %d untimed passes (%.1f s), %s%n", w.passes(), w.seconds(),
                w.settled() ? "the last 2 s of them without JIT compilation" : "the JIT not seen to settle");
        System.out.printf("mean of the candidates' scores: training accuracy %.6f, estimated area %.9f cm^2, estimated"
                + " worst path %.6f ms%n", r.meanAccuracy(), r.meanAreaCm2(), r.meanPathMs());
        System.out.println(partLine(r.partMicros()));
        System.out.printf("the literature's budget (population 1000, 1000 offspring, 30 generations: %d evaluations)"
                + " would take %.1f s at that rate%n", literature, literature / r.parallelRate());
        return 0;
    }

    /** One line: microseconds per candidate of each part of the hot path, and its share. */
    static String partLine(double[] micros) {
        double total = java.util.Arrays.stream(micros).sum();
        StringBuilder b = new StringBuilder("per candidate (a further pass on 1 thread, parts timed):");
        String sep = " ";
        for (CandidateEvaluator.Part p : CandidateEvaluator.Part.values()) {
            double us = micros[p.ordinal()];
            if (p == CandidateEvaluator.Part.FULL_FLOW && us == 0) {
                continue;
            }
            b.append(sep).append(p.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append(String.format(java.util.Locale.ROOT, " %.1f us (%.0f%%)", us, total > 0 ? 100 * us / total : 0));
            sep = ", ";
        }
        return b.append(String.format(java.util.Locale.ROOT, "; %.1f us in all", total)).toString();
    }
}
