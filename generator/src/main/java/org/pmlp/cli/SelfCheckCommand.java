package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.design.RandomDesigns;
import org.pmlp.design.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Generate random MLPs with random configurations across every approximation knob, co-simulate "
                + "each in Verilator against the golden model on random and corner-case vectors (all zeros, all ones, "
                + "saturating), check the golden model against the independent reference model on the same vectors, "
                + "synthesize each, simulate its netlist on the same vectors and prove it equivalent to the RTL (ABC "
                + "cec or dsec), and end with the line `N designs, V vectors, M mismatches, R reference mismatches, P netlists "
                + "proved` (M counts RTL and netlist mismatches). Exit code 0 only when M and R are 0 and every netlist "
                + "is proved.")
final class SelfCheckCommand implements Callable<Integer> {
    @Option(names = "--designs", defaultValue = "20", description = "Random designs (default: ${DEFAULT-VALUE}).")
    int designs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first design (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", defaultValue = "2", description = "Designs checked in parallel (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit per tool run in seconds (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--profile", defaultValue = "mixed", paramLabel = "PROFILE",
            description = "small (tiny networks, any knob value), realistic (printed-MLP sizes, moderate approximation), "
                    + "wide (up to 4 hidden layers, 8-bit inputs, up to 16-bit weights, full-width activations: sums near "
                    + "the 62-bit limit) or mixed (small and realistic alternating; the default).")
    String profile;

    @Option(names = "--keep", defaultValue = "selfcheck-failures", paramLabel = "DIR",
            description = "Where failing designs are kept (default: ${DEFAULT-VALUE}).")
    Path keep;

    @picocli.CommandLine.Mixin
    ExecutorOptions exec;

    @Override
    public Integer call() {
        if (designs < 1) {
            throw new UserError("--designs must be at least 1");
        }
        OptionUse.requirePositive("--jobs", jobs);
        OptionUse.requireFolderTarget("--keep", keep);
        OptionUse.requirePositive("--timeout", timeout);
        RandomDesigns.Profile p = switch (profile) {
            case "mixed" -> null;
            case "small" -> RandomDesigns.Profile.SMALL;
            case "realistic" -> RandomDesigns.Profile.REALISTIC;
            case "wide" -> RandomDesigns.Profile.WIDE;
            default -> throw new UserError("--profile: expected small, realistic, wide or mixed, got '" + profile + "'");
        };
        long start = System.nanoTime();
        var executor = exec.create(jobs, SelfCheck.jobSeconds(timeout));
        SelfCheck.Outcome o = SelfCheck.run(designs, seed, p, jobs, timeout, keep, System.out, executor);
        System.out.printf("(%.0f s)%n", (System.nanoTime() - start) / 1e9);
        if (o.failedJobs() > 0) {
            System.out.printf("%d design jobs failed (see above)%n", o.failedJobs());
        }
        System.out.println(o.summary());
        return o.passed() ? 0 : Main.VERIFICATION_FAILED;
    }
}
