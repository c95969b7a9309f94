package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.util.Json;

/** Exploration through the CLI: verified front, outputs, and resuming after a kill. */
class ExploreEndToEndTest {
    @TempDir
    Path tmp;

    private static List<String> wine(String... more) {
        Path example = Env.repo().resolve("examples/wine");
        List<String> args = new ArrayList<>(List.of("explore", "--model", example.resolve("model.json").toString(),
                "--train", example.resolve("wine.csv").toString(), "--split", "0.3"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void frontIsVerifiedAndReported() throws Exception {
        Env.requireTools();
        Path out = tmp.resolve("run");
        Cli.Run r = Cli.run(wine("-o", out.toString(), "--population", "40", "--generations", "30", "--verify-limit", "4")
                .toArray(new String[0]));
        assertEquals(0, r.exitCode(), r.out());
        List<String> csv = Files.readAllLines(out.resolve("pareto.csv"));
        assertEquals("id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,rtl_mismatches,netlist_mismatches,"
                + "netlist_equivalence,constant,timing_met,critical_path_ms,config", csv.get(0));
        assertTrue(csv.size() >= 3, "the exact baseline and at least one explored design: " + csv);
        double exactArea = Double.parseDouble(csv.get(1).split(",")[4]);
        double smallest = Double.MAX_VALUE;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",");
            assertEquals("0", f[6], "rtl mismatches in " + line);
            assertEquals("0", f[7], "netlist mismatches in " + line);
            assertEquals("proved", f[8], "the verification job proves the netlist equal to the RTL: " + line);
            assertEquals("no", f[9], "a constant circuit on the wine front: " + line);
            assertTrue(f[10].equals("yes") || f[10].equals("no"),
                    "the verification job times every design with OpenSTA (pmlp's library has delays): " + line);
            assertTrue(Double.parseDouble(f[11]) > 0, "critical path of " + line);
            assertTrue(Files.exists(out.resolve(f[12])), f[12]);
            smallest = Math.min(smallest, Double.parseDouble(f[4]));
        }
        assertTrue(smallest < exactArea / 2, "smallest " + smallest + " vs exact " + exactArea);
        for (String f : new String[] {"pareto-area.png", "pareto-power.png", "report.md"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void killedRunResumesToTheSameResult() throws Exception {
        Path whole = tmp.resolve("whole");
        Path killed = tmp.resolve("killed");
        String[] budget = {"--population", "60", "--generations", "400", "--no-verify"};
        List<String> a = wine("-o", killed.toString());
        a.addAll(List.of(budget));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pmlp.cli.Main"));
        cmd.addAll(a);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path checkpoint = killed.resolve("checkpoint.json");
        long next = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (next < 30 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (Files.exists(checkpoint)) {
                try {
                    next = Json.read(checkpoint).get("next_generation").node().asLong();
                } catch (RuntimeException e) {
                    // caught between writes; the write is atomic, so read again
                }
            }
        }
        assertTrue(p.isAlive(), "the run ended before it could be interrupted");
        p.destroyForcibly().waitFor();
        long at = Json.read(checkpoint).get("next_generation").node().asLong();
        assertTrue(at < 401, "interrupted at generation " + at);

        Cli.Run resumed = Cli.run("explore", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.out());
        assertTrue(resumed.out().contains("resuming at generation"), resumed.out());
        List<String> b = wine("-o", whole.toString());
        b.addAll(List.of(budget));
        Cli.Run straight = Cli.run(b.toArray(new String[0]));
        assertEquals(0, straight.exitCode(), straight.out());
        assertEquals(Files.readString(whole.resolve("checkpoint.json")), Files.readString(checkpoint),
                "the resumed run ends exactly where the uninterrupted one does");
    }
}
