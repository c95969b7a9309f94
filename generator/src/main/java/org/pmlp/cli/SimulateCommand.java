package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.ReportUpdate;
import org.pmlp.design.Verification;
import org.pmlp.eda.Tools;
import org.pmlp.eda.VerilatorSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Build the design folder's Verilator harness, stream its test vectors through the RTL and compare "
                + "every answer with the golden model's (exit code 1 on any mismatch); updates report.json and report.md.")
final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A design folder written by pmlp generate or run.")
    Path dir;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit in seconds for each tool (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Override
    public Integer call() {
        OptionUse.requirePositive("--timeout", timeout);
        DesignFolder f = new DesignFolder(dir).requireExisting();
        Verification.Stored stored = Verification.read(f);
        VerilatorSimulation.Result sim = VerilatorSimulation.run(dir, timeout);
        Verification.Outcome o = Verification.compare(sim.predicted(), stored.golden(), stored.labels());
        System.out.printf("verilator: %d vectors, %d mismatches, rtl accuracy %s (build %.1f s, run %.2f s)%n",
                o.vectors(), o.mismatches(), Double.isNaN(o.accuracy()) ? "n/a" : String.format("%.4f", o.accuracy()),
                sim.buildSeconds(), sim.runSeconds());
        ReportUpdate.apply(f, r -> {
            r.rtlMismatches = o.mismatches();
            r.accuracyRtl = o.accuracy();
            r.seconds.put("simulate_build", sim.buildSeconds());
            r.seconds.put("simulate_run", sim.runSeconds());
            r.tools.put("verilator", Tools.version("verilator"));
        });
        if (o.mismatches() > 0) {
            System.out.printf("first mismatch at vector %d: rtl %d, golden %d%n", o.firstMismatch(),
                    sim.predicted().length > o.firstMismatch() ? sim.predicted()[o.firstMismatch()] : -1,
                    stored.golden()[o.firstMismatch()]);
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }
}
