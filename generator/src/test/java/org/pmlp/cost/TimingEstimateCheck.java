package org.pmlp.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;
import org.pmlp.rtl.GateDelays;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.rtl.VerilogEmitter;

/**
 * Not a unit test: writes random realistic designs for measuring {@link TimingEstimate} against
 * OpenSTA by hand. For each seed, {@code OUT/r<seed>/rtl/top.v} and {@code OUT/r<seed>/estimate.txt}
 * (the emitted-gate path in ms under the unscaled gate delays, then {@link
 * TimingEstimate#criticalPathMs}); synthesize each with {@code flows/synth.ys} and time it with
 * {@code flows/sta_estimate_check.tcl}. Usage: {@code TimingEstimateCheck OUT FIRST_SEED LAST_SEED}.
 */
public final class TimingEstimateCheck {
    private TimingEstimateCheck() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long first = Long.parseLong(args[1]);
        long last = Long.parseLong(args[2]);
        for (long seed = first; seed <= last; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.REALISTIC);
            CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            RtlDesign rtl = VerilogEmitter.emit(d.circuit(), s.style(), "timing estimate check, seed " + seed);
            Path dir = out.resolve("r" + seed);
            Files.createDirectories(dir.resolve("rtl"));
            Files.writeString(dir.resolve("rtl/top.v"), rtl.verilog());
            double raw = VerilogEmitter.criticalPath(d.circuit(), s.style(), GateDelays.POLICY);
            Files.writeString(dir.resolve("estimate.txt"),
                    raw + " " + TimingEstimate.criticalPathMs(d.circuit(), s.style()) + "\n");
        }
    }
}
