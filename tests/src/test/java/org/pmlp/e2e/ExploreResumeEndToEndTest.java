package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.util.Json;

/** Resuming an exploration: refused when an input changed, hinted on Ctrl-C, leftovers cleared. */
class ExploreResumeEndToEndTest {
    @TempDir
    Path tmp;

    private static List<String> wine(String... more) {
        Path example = Env.repo().resolve("examples/wine");
        List<String> args = new ArrayList<>(List.of("explore", "--model", example.resolve("model.json").toString(),
                "--train", example.resolve("wine.csv").toString(), "--split", "0.3", "--retrain-epochs", "2",
                "--no-verify"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aChangedInputRefusesTheResumeByName() throws IOException {
        Path run = tmp.resolve("run");
        Path lib = tmp.resolve("cells.lib");
        Files.copy(Env.repo().resolve("pdk/egfet_1v0.lib"), lib);
        // Verified (--liberty does not apply to --no-verify), so the library is one of the run's inputs.
        List<String> args = wine("-o", run.toString(), "--population", "12", "--generations", "3", "--verify-limit", "1",
                "--liberty", lib.toString());
        args.remove("--no-verify");
        Cli.Run first = Cli.run(args.toArray(new String[0]));
        assertEquals(0, first.exitCode(), first.out());

        String[][] changes = {{"--header", "yes"}, {"--impute", "mean"}, {"--heap", "split"}, {"--max-age", "0"}};
        for (String[] c : changes) {
            Cli.Run r = Cli.run("explore", "--resume", run.toString(), c[0], c[1]);
            assertEquals(2, r.exitCode(), r.out());
            assertTrue(r.out().contains("cannot resume, the run's inputs changed: " + c[0] + " (was "), r.out());
        }
        Files.writeString(lib, "/* edited */\n", StandardOpenOption.APPEND);
        Cli.Run r = Cli.run("explore", "--resume", run.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("--liberty (its content changed)"), r.out());
        assertFalse(r.out().contains("Exception"), r.out());
    }

    /** Whether the process ignores SIGINT (bit 2 of SigIgn in /proc/PID/status). */
    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    @Test
    void ctrlCSaysHowToResumeAndTheResumeClearsLeftovers() throws Exception {
        Path run = tmp.resolve("run");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pmlp.cli.Main"));
        cmd.addAll(wine("-o", run.toString(), "--population", "40", "--generations", "500"));
        Path log = tmp.resolve("log.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path checkpoint = run.resolve("checkpoint.json");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run ended before it could be interrupted: " + Files.readString(log));
        // SIGINT, as Ctrl-C sends it (no shell involved). A process started in the background by a
        // non-interactive shell (as a CI runner may start the tests) inherits SIGINT as ignored, and
        // the JVM then keeps it ignored; it runs the same shutdown hooks on SIGTERM, so send that there.
        String signal = ignoresSigint(p.pid()) ? "-TERM" : "-INT";
        Process kill = new ProcessBuilder("kill", signal, Long.toString(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pmlp did not stop on SIGINT");
        String out = Files.readString(log);
        assertTrue(out.contains("interrupted:") && out.contains("pmlp explore --resume " + run), out);

        // What an interrupted verification leaves behind: a hidden staging folder.
        Path partial = run.resolve("designs/.d01.partial-abc123");
        Files.createDirectories(partial.resolve("rtl"));
        Files.writeString(partial.resolve("rtl/top.v"), "module top; endmodule\n");
        Cli.Run resumed = Cli.run("explore", "--resume", run.toString(), "--generations", "500", "--jobs", "2");
        // --generations is part of the fingerprint: unchanged here, so the run continues.
        assertTrue(resumed.out().contains("resuming at generation"), resumed.out());
        assertEquals(0, resumed.exitCode(), resumed.out());
        assertFalse(Files.exists(partial), "staging leftovers are cleared on resume");
        assertFalse(resumed.out().contains("interrupted:"), "no hint after a run that ended: " + resumed.out());
    }
}
