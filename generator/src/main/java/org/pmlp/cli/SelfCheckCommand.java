package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.design.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Generate random MLPs with random configurations across every approximation knob, co-simulate "
                + "each in Verilator against the golden model on random and corner-case vectors (all zeros, all ones, "
                + "saturating), and end with the line `N designs, V vectors, M mismatches`. Exit code 0 only when M is 0.")
final class SelfCheckCommand implements Callable<Integer> {
    @Option(names = "--designs", defaultValue = "20", description = "Random designs (default: ${DEFAULT-VALUE}).")
    int designs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first design (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", defaultValue = "2", description = "Designs checked in parallel (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit per tool run in seconds (default: ${DEFAULT-VALUE}).")
    long timeout;

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
        long start = System.nanoTime();
        var executor = exec.create(jobs, 3 * timeout);
        SelfCheck.Outcome o = SelfCheck.run(designs, seed, jobs, timeout, keep, System.out, executor);
        System.out.printf("(%.0f s)%n", (System.nanoTime() - start) / 1e9);
        if (o.failedJobs() > 0) {
            System.out.printf("%d simulation jobs failed (see above)%n", o.failedJobs());
        }
        System.out.printf("%d designs, %d vectors, %d mismatches%n", o.designs(), o.vectors(), o.mismatches());
        return o.mismatches() == 0 && o.failedJobs() == 0 ? 0 : Main.VERIFICATION_FAILED;
    }
}
