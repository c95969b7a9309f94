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
        double est = ra.get("estimated_area_cm2").asDouble();
        double real = ra.get("area_cm2").asDouble();
        assertTrue(Math.abs(est - real) / real < 0.35, "cost model " + est + " vs Yosys " + real);
    }

    @Test
    void selfCheckFindsNoMismatches() {
        Env.requireTools();
        Cli.Run r = Cli.run("selfcheck", "--designs", "8", "--seed", "1000", "--keep", tmp.resolve("keep").toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().matches("(?s).*\n8 designs, \\d+ vectors, 0 mismatches, 0 reference mismatches, \\d+ netlists proved\n.*"),
                r.out());
    }

    @Test
    void calibrationRunsAndReportsItsFigures() {
        Env.requireTools();
        Path out = tmp.resolve("cost.json");
        Cli.Run r = Cli.run("calibrate", "--designs", "6", "--compare-heaps", "2", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("held-out area:  Spearman"), r.out());
        assertTrue(org.pmlp.util.Json.read(out).get("area_um2").has("full_adders"));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
