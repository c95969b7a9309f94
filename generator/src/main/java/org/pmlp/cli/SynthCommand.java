package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.NetlistCheck;
import org.pmlp.design.Verification;
import org.pmlp.eda.YosysSynthesis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize a design folder's RTL onto a cell library with Yosys (flows/synth.ys, bounded ABC "
                + "script, timeout) and report area and power.")
final class SynthCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "A design folder written by pmlp generate or run.")
    Path dir;

    @Option(names = "--liberty", paramLabel = "FILE", description = "Cell library (default: the folder's, see its Makefile).")
    Path liberty;

    @Option(names = "--timeout", defaultValue = "900", description = "Time limit in seconds for Yosys (default: ${DEFAULT-VALUE}).")
    long timeout;

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
        YosysSynthesis.Result r = YosysSynthesis.run(dir, lib, timeout);
        System.out.printf("yosys: area %.3f cm^2 (%.0f um^2), %d cells %s, %.1f s, library %s%n", r.areaCm2(), r.areaUm2(),
                r.cells().values().stream().mapToInt(Integer::intValue).sum(), r.cells(), r.seconds(), lib);
        r.repairs().forEach(n -> System.out.println("library repaired for mapping: " + n));
        Verification.Stored v = Verification.read(f);
        NetlistCheck.Result gate = NetlistCheck.run(f.netlist(), r.library(), DesignWriter.readPorts(f), v.q(),
                v.golden(), clockHz);
        System.out.printf("netlist: %d vectors, %d mismatches vs golden model; power %.3f mW (leakage %.3f, dynamic %.5f"
                + " at %.0f Hz; sum of average cell leakage %.3f)%n", v.q().length, gate.mismatches(),
                gate.power().totalMw(), gate.power().leakageMw(), gate.power().dynamicMw(), clockHz,
                gate.power().averageLeakageMw());
        return gate.mismatches() == 0 ? 0 : Main.VERIFICATION_FAILED;
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
