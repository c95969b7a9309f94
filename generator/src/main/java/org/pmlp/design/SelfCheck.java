package org.pmlp.design;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pmlp.ToolFailure;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.reference.ReferenceModel;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.util.Files2;
import org.pmlp.util.Parallel;

/**
 * Random MLPs under random configurations of every knob, each generated, linted and
 * co-simulated in Verilator against the golden model on random and corner-case vectors, the
 * golden model checked against the independent {@link ReferenceModel} on the same vectors, then
 * synthesized, its netlist simulated on the same vectors and proved equivalent to the RTL. Small
 * and realistic designs alternate unless a profile is given; a failing design's folder is kept
 * for inspection.
 */
public final class SelfCheck {
    /**
     * What one design gave: RTL-vs-golden, reference-vs-golden and netlist-vs-golden mismatches,
     * and whether its synthesized netlist was proved equivalent to the RTL.
     */
    public record DesignResult(long seed, int vectors, int mismatches, int referenceMismatches, int netlistMismatches,
                               boolean proved, String topology) {
        boolean failed() {
            return mismatches > 0 || referenceMismatches > 0 || netlistMismatches > 0 || !proved;
        }
    }

    /** Totals; {@code mismatches} counts RTL and netlist mismatches. */
    public record Outcome(int designs, long vectors, long mismatches, long referenceMismatches, long proved,
                          List<DesignResult> failures) {
        /** The closing line of {@code pmlp selfcheck}. */
        public String summary() {
            return String.format("%d designs, %d vectors, %d mismatches, %d reference mismatches, %d netlists proved",
                    designs, vectors, mismatches, referenceMismatches, proved);
        }

        public boolean passed() {
            return mismatches == 0 && referenceMismatches == 0 && proved == designs;
        }
    }

    /** The synthesized netlist's verdicts: mismatches on the test vectors, and the equivalence proof. */
    public record NetlistVerdict(int mismatches, NetlistEquivalence.Result proof) {
        public boolean proved() {
            return proof.proved();
        }
    }

    private SelfCheck() {
    }

    /** Small and realistic designs alternating. */
    public static Outcome run(int designs, long seed, int jobs, long timeout, Path keep, PrintStream log) {
        return run(designs, seed, null, jobs, timeout, keep, log);
    }

    /** @param profile every design's profile, or null to alternate small and realistic */
    public static Outcome run(int designs, long seed, RandomDesigns.Profile profile, int jobs, long timeout, Path keep,
                              PrintStream log) {
        Path work = Parallel.scratch("pmlp-selfcheck-");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<DesignResult>> futures = new ArrayList<>();
            for (int i = 0; i < designs; i++) {
                long s = seed + i;
                RandomDesigns.Profile p = profile != null ? profile
                        : i % 2 == 0 ? RandomDesigns.Profile.SMALL : RandomDesigns.Profile.REALISTIC;
                futures.add(pool.submit(() -> check(s, p, work.resolve("d" + s), timeout, keep)));
            }
            long vectors = 0;
            long mismatches = 0;
            long referenceMismatches = 0;
            long proved = 0;
            List<DesignResult> failures = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                DesignResult r = Parallel.join(futures.get(i));
                vectors += r.vectors();
                mismatches += r.mismatches() + r.netlistMismatches();
                referenceMismatches += r.referenceMismatches();
                proved += r.proved() ? 1 : 0;
                if (r.failed()) {
                    failures.add(r);
                    log.printf("design %d (%s): %d RTL mismatches, %d reference mismatches, %d netlist mismatches, "
                            + "netlist %s; kept in %s%n", r.seed(), r.topology(), r.mismatches(), r.referenceMismatches(),
                            r.netlistMismatches(), r.proved() ? "proved" : "NOT proved", keep.resolve("seed-" + r.seed()));
                }
                if ((i + 1) % 10 == 0 || i + 1 == futures.size()) {
                    log.printf("checked %d of %d designs, %d vectors, %d mismatches, %d reference mismatches, "
                            + "%d netlists proved%n", i + 1, designs, vectors, mismatches, referenceMismatches, proved);
                }
            }
            return new Outcome(designs, vectors, mismatches, referenceMismatches, proved, failures);
        } finally {
            Parallel.shutdown(pool);
            DesignFolder.discard(work);
        }
    }

    private static DesignResult check(long seed, RandomDesigns.Profile profile, Path dir, long timeout, Path keep) {
        RandomDesigns.Sample s = RandomDesigns.sample(seed, profile);
        CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 300, seed);
        RtlDesign rtl = DesignWriter.write(d, v, dir, null, s.style(), Double.NaN);
        Lint.check(new DesignFolder(dir).verilog(), timeout);
        VerilatorSimulation.Result sim = VerilatorSimulation.run(dir, timeout);
        Verification.Outcome o = Verification.compare(sim.predicted(), v.golden(), v.labels());
        int[] reference = ReferenceModel.of(d.model(), d.config(), s.calibration()).classifyAll(v.q());
        int referenceMismatches = 0;
        for (int k = 0; k < reference.length; k++) {
            if (reference[k] != v.golden()[k]) {
                referenceMismatches++;
            }
        }
        NetlistVerdict net = synthesizeAndProve(dir, rtl, v, timeout);
        boolean failed = o.mismatches() > 0 || referenceMismatches > 0 || net.mismatches() > 0 || !net.proved();
        if (failed && keep != null) {
            Path target = keep.resolve("seed-" + seed);
            try {
                Files.createDirectories(keep);
                Files2.deleteTree(target);
                Files2.move(dir, target);
            } catch (java.io.IOException e) {
                throw new ToolFailure("cannot keep the failing design in " + target + ": " + e.getMessage());
            }
        } else {
            Files2.deleteTree(dir);
        }
        return new DesignResult(seed, o.vectors(), o.mismatches(), referenceMismatches, net.mismatches(), net.proved(),
                d.circuit().topology());
    }

    /**
     * Synthesizes a written design folder onto pmlp's default library, simulates the netlist on
     * the test vectors against the golden answers, and proves it equivalent to the RTL.
     */
    public static NetlistVerdict synthesizeAndProve(Path dir, RtlDesign rtl, TestVectors v, long timeout) {
        YosysSynthesis.Result syn = YosysSynthesis.run(dir, dir.resolve(DesignWriter.DEFAULT_LIBERTY), timeout);
        NetlistCheck.Result gate = NetlistCheck.run(new DesignFolder(dir).netlist(), syn.library(), rtl.ports(), v.q(),
                v.golden(), 5);
        return new NetlistVerdict(gate.mismatches(), NetlistEquivalence.prove(dir,
                Math.min(timeout, NetlistEquivalence.DEFAULT_TIMEOUT_SECONDS)));
    }
}
