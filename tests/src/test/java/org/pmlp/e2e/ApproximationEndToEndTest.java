package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approximate designs through the real tools, and the self-check and calibration commands. */
class ApproximationEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void everyKnobExampleIsBitExactAndSmallerThanExact() {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        String[] common = {"--model", example.resolve("model.json").toString(), "--train",
            example.resolve("wine.csv").toString(), "--split", "0.3"};
        Path exact = tmp.resolve("exact");
        Path approx = tmp.resolve("approx");
        Cli.Run e = Cli.run(concat(new String[] {"run", "-o", exact.toString()}, common));
        assertEquals(0, e.exitCode(), e.out());
        Cli.Run a = Cli.run(concat(new String[] {"run", "-o", approx.toString(), "--config",
            example.resolve("approx.json").toString()}, common));
        assertEquals(0, a.exitCode(), a.out());
        JsonNode re = Reports.read(exact);
        JsonNode ra = Reports.read(approx);
        assertEquals(0, ra.get("rtl_mismatches").asInt());
        assertEquals(0, ra.get("netlist_mismatches").asInt());
        assertTrue(ra.get("area_cm2").asDouble() < re.get("area_cm2").asDouble() / 2,
                "approx " + ra.get("area_cm2") + " vs exact " + re.get("area_cm2"));
        // The cost model's estimate of each design is within 10%. What the model claims is a median:
        // held-out median error under 5% (CostModelHeldOutTest, README "Cost model and calibration"),
        // so one design may miss by more (even on calibrate's designs the shipped model was fitted
        // to, a tenth miss by over 13%).
        // Measured after the refit on the per-connection widths: the registered approximate wine
        // example 6.8% under Yosys (3.92 against 4.21 cm^2; 4.1% before the refit, whose flip-flop
        // price is 12% lower).
        for (JsonNode r : new JsonNode[] {re, ra}) {
            assertWithin(r.get("estimated_area_cm2").asDouble(), r.get("area_cm2").asDouble(), CLAIMED_AREA_ERROR,
                    "area");
            assertWithin(r.get("estimated_power_mw").asDouble(), r.get("power_mw").asDouble(), CLAIMED_POWER_ERROR,
                    "power");
        }
    }

    /** The bound on one shipped example's relative error (the held-out median is under 5%: README). */
    static final double CLAIMED_AREA_ERROR = 0.10;
    static final double CLAIMED_POWER_ERROR = 0.10;

    private static void assertWithin(double estimate, double actual, double relative, String what) {
        assertTrue(actual > 0 && Math.abs(estimate - actual) / actual <= relative, what + ": cost model " + estimate
                + " vs measured " + actual + ", more than " + relative * 100 + "% apart");
    }

    @Test
    void selfCheckFindsNoMismatches() {
        Env.requireTools();
        Cli.Run r = Cli.run("selfcheck", "--designs", "8", "--seed", "1000", "--keep", tmp.resolve("keep").toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().matches("(?s).*\n8 designs, \\d+ vectors, 0 mismatches, 0 reference mismatches, \\d+ netlists proved\n.*"),
                r.out());
    }

    /**
     * Calibration on 8 random designs: the figures it prints are parsed and bounded, and the
     * coefficient file records the same. A fit on 7 designs scored on 3 or 4 is noisy: measured
     * (seeds 1..8, 7 used) held-out area and power median errors of 2.8% and 3.3% under the old
     * heap policy, and a power error of 10.9% after the timing-driven heaps changed the designs,
     * so the bound is 15%.
     */
    @Test
    void calibrationRunsAndItsFiguresAreGood() {
        Env.requireTools();
        Path out = tmp.resolve("cost.json");
        Cli.Run r = Cli.run("calibrate", "--designs", "8", "--compare-heaps", "2", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        double[] area = figures(r.out(), "held-out area:");
        double[] power = figures(r.out(), "held-out power:");
        double[] shipped = figures(r.out(), "shipped coefficients on the same designs: area");
        assertTrue(area[0] >= 0.9 && power[0] >= 0.9 && shipped[0] >= 0.9, "Spearman too low: " + r.out());
        assertTrue(area[1] <= 0.15 && power[1] <= 0.15, "held-out median error above 15%: " + r.out());
        assertTrue(shipped[1] <= 0.15, "shipped coefficients' median error above 15%: " + r.out());
        JsonNode cal = org.pmlp.util.Json.read(out).node().get("calibration");
        assertEquals(area[0], cal.get("held_out_area_spearman").asDouble(), 5e-5);
        assertEquals(area[1], cal.get("held_out_area_median_relative_error").asDouble(), 5e-5);
        assertEquals(power[1], cal.get("held_out_power_median_relative_error").asDouble(), 5e-5);
        JsonNode coef = org.pmlp.util.Json.read(out).node().get("area_um2");
        for (String f : org.pmlp.cost.CostFeatures.NAMES) {
            assertTrue(coef.get(f).asDouble() > 0, "no gate is free: " + coef);
        }
    }

    /** Spearman and median relative error (as a fraction) from a line "PREFIX Spearman R, median relative error E%". */
    static double[] figures(String out, String prefix) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix)
                + "\\s+Spearman (-?[0-9.]+), median relative error ([0-9.]+)%").matcher(out);
        assertTrue(m.find(), "no line '" + prefix + " Spearman ..., median relative error ...%' in:\n" + out);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) / 100};
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
