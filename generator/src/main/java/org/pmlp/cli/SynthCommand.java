package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.DesignReport;
import org.pmlp.design.ReportUpdate;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.NetlistCheck;
import org.pmlp.design.Verification;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.eda.Tools;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.design.SignOffTiming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize a design folder's RTL onto a cell library with Yosys (flows/synth.ys, bounded ABC "
                + "script, timeout), simulate the netlist on the test vectors for power and a second check, prove it "
                + "equivalent to the RTL (ABC cec or dsec), and update report.json and report.md. Exit code 1 on a netlist "
                + "mismatch or a failed proof.")
final class SynthCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A design folder written by pmlp generate or run.")
    Path dir;

    @Option(names = "--liberty", paramLabel = "FILE", description = "Cell library (default: the folder's, see its Makefile).")
    Path liberty;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit in seconds for Yosys (default: ${DEFAULT-VALUE}).")
    long timeout;

    @Option(names = "--prove-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time limit of the netlist equivalence proof (default: ${DEFAULT-VALUE}); a proof that does not "
                    + "finish is reported as timeout, never as a pass.")
    long proveTimeout;

    @Option(names = "--clock-hz", defaultValue = "5",
            description = "Clock frequency for dynamic power (default: ${DEFAULT-VALUE} Hz).")
    double clockHz;

    @Override
    public Integer call() {
        OptionUse.requirePositive("--timeout", timeout);
        if (!(clockHz > 0)) {
            throw new org.pmlp.UserError("--clock-hz must be positive, got " + clockHz);
        }
        DesignFolder f = new DesignFolder(dir).requireExisting();
        Path lib = liberty != null ? liberty : FolderLiberty.of(f);
        if (!java.nio.file.Files.isRegularFile(lib)) {
            throw new org.pmlp.UserError(lib + ": no such liberty file");
        }
        if (timeout <= 0 || proveTimeout <= 0 || !(clockHz > 0)) {
            throw new org.pmlp.UserError("--timeout, --prove-timeout and --clock-hz must be positive");
        }
        if (liberty != null) {
            org.pmlp.eda.liberty.CellLibrary.read(liberty); // a malformed library is reported before any work
        }
        // Until this synthesis succeeds, the report must not show the previous one's figures.
        ReportUpdate.apply(f, DesignReport::clearSynthesis);
        YosysSynthesis.Result r = YosysSynthesis.run(dir, lib, timeout);
        System.out.printf("yosys: area %.3f cm^2 (%.0f um^2), %d cells %s, %.1f s, library %s%n", r.areaCm2(), r.areaUm2(),
                r.cells().values().stream().mapToInt(Integer::intValue).sum(), r.cells(), r.seconds(), lib);
        r.repairs().forEach(n -> System.out.println("library repaired for mapping: " + n));
        Verification.Stored v = Verification.read(f);
        NetlistCheck.Result gate = NetlistCheck.run(f.netlist(), r.library(), DesignWriter.readPorts(f), v.q(),
                v.golden(), clockHz, DesignWriter.readRegisters(f));
        System.out.printf("netlist: %d vectors, %d mismatches vs golden model; power %.3f mW (leakage %.3f, dynamic %.5f"
                + " at %.0f Hz; sum of average cell leakage %.3f)%n", v.q().length, gate.mismatches(),
                gate.power().totalMw(), gate.power().leakageMw(), gate.power().dynamicMw(), clockHz,
                gate.power().averageLeakageMw());
        NetlistEquivalence.Result proof = NetlistEquivalence.prove(dir, proveTimeout);
        System.out.printf("equivalence: netlist = RTL for all inputs: %s (%s, %.1f s)%n", proof.status().label(),
                proof.message(), proof.seconds());
        Path libAbs = lib.toAbsolutePath().normalize();
        String libLabel = libAbs.equals(dir.resolve(DesignWriter.DEFAULT_LIBERTY).toAbsolutePath().normalize())
                ? DesignWriter.DEFAULT_LIBERTY + " (pmlp default, EGFET 1.0 V figures)" : libAbs.toString();
        DesignReport timed = new DesignReport();
        SignOffTiming.run(dir, timed, clockHz, timeout, new org.pmlp.design.Stopwatch(), System.out);
        ReportUpdate.apply(f, rep -> {
            rep.timing = timed.timing;
            rep.criticalPathMs = timed.criticalPathMs;
            rep.maxClockHz = timed.maxClockHz;
            rep.timingClockHz = timed.timingClockHz;
            rep.pathStart = timed.pathStart;
            rep.pathEnd = timed.pathEnd;
            rep.staLeakageMw = timed.staLeakageMw;
            timed.tools.forEach(rep.tools::put);
            rep.areaCm2 = r.areaCm2();
            rep.cells = r.cells();
            rep.libertyRepairs = r.repairs();
            rep.liberty = libLabel;
            rep.record(gate, clockHz);
            rep.record(proof);
            rep.seconds.put("synth", r.seconds());
            rep.seconds.put("prove", proof.seconds());
            rep.tools.put("yosys", Tools.version("yosys"));
        });
        if (gate.mismatches() > 0) {
            return Main.VERIFICATION_FAILED;
        }
        if (proof.status() == NetlistEquivalence.Status.FAILED) {
            System.out.println("VERIFICATION FAILED: the synthesized netlist is not equivalent to the RTL (see "
                    + dir.resolve("equiv/abc.log") + ")");
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }

    /** The liberty a design folder was generated for (its Makefile's LIBERTY). */
    static final class FolderLiberty {
        static Path of(DesignFolder f) {
            try {
                for (String line : java.nio.file.Files.readAllLines(f.dir().resolve("Makefile"))) {
                    if (line.startsWith("LIBERTY ?= ")) {
                        Path p = Path.of(line.substring("LIBERTY ?= ".length()).trim());
                        return p.isAbsolute() ? p : f.dir().resolve(p);
                    }
                }
            } catch (java.io.IOException e) {
                // fall through to the default
            }
            return f.dir().resolve(DesignWriter.DEFAULT_LIBERTY);
        }
    }
}
