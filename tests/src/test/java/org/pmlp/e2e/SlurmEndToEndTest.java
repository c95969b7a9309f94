package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explorations through a real Slurm cluster (flows/slurm/local-cluster.sh start): the same
 * pareto.csv as the local executor even when a task is cancelled mid-run (it is re-submitted),
 * a task failing twice reported with its log (exit 1), and no sbatch on PATH (exit 3). Skipped,
 * saying so, when no cluster answers; under CI a missing cluster fails.
 */
class SlurmEndToEndTest {
    @TempDir
    Path tmp;

    private static List<String> wine(Path out, String... more) {
        Path example = Env.repo().resolve("examples/wine");
        List<String> args = new ArrayList<>(List.of("explore", "--model", example.resolve("model.json").toString(),
                "--train", example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString(),
                "--population", "40", "--generations", "30", "--verify-limit", "2"));
        args.addAll(List.of(more));
        return args;
    }

    /** pareto.csv of the local executor's run, computed once for the tests that compare with it. */
    private static String localPareto;

    private static synchronized String localPareto(Path tmp) throws IOException {
        if (localPareto == null) {
            Path local = tmp.resolve("local");
            Cli.Run l = Cli.run(wine(local).toArray(new String[0]));
            assertEquals(0, l.exitCode(), l.out());
            localPareto = Files.readString(local.resolve("pareto.csv"));
        }
        return localPareto;
    }

    @Test
    void cancelledTaskIsResubmittedAndTheFrontEqualsTheLocalOne() throws Exception {
        requireCluster();
        String expected = localPareto(tmp);

        Path slurm = tmp.resolve("slurm");
        Process p = start(wine(slurm, "--executor", "slurm"));
        ByteArrayOutputStream buf = drain(p);
        // Cancel the first task seen running, as an administrator or a pre-emption would.
        String cancelled = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (cancelled == null && p.isAlive() && System.nanoTime() < deadline) {
            for (String line : run("squeue", "-h", "-r", "-t", "RUNNING", "-o", "%i %j %M").split("\n")) {
                String[] f = line.strip().split("\\s+");
                if (f.length == 3 && f[1].startsWith("pmlp-") && Files.isDirectory(slurm.resolve("verify"))
                        && !f[2].equals("0:00")) {
                    run("scancel", f[0]);
                    cancelled = f[0];
                    break;
                }
            }
            Thread.sleep(200);
        }
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "the slurm run did not end");
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        assertTrue(cancelled != null, "no task was seen running to cancel:\n" + out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("submitting") && out.contains("once more"), "the cancelled task was not re-submitted:\n"
                + out);
        assertEquals(expected, Files.readString(slurm.resolve("pareto.csv")),
                "pareto.csv differs between the local and the slurm executor");
        assertTrue(Files.exists(slurm.resolve("designs/d01/sim/predictions.txt")));
        assertTrue(!Files.exists(slurm.resolve("verify")), "the batch folder is removed once gathered");
    }

    @Test
    void slurmRunKilledMidwayIsFinishedLocallyByResume() throws Exception {
        requireCluster();
        String expected = localPareto(tmp);
        Path run = tmp.resolve("killed");
        Process p = start(wine(run, "--executor", "slurm"));
        drain(p);
        Path done = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (done == null && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            if (Files.isDirectory(run.resolve("verify"))) {
                try (var s = Files.list(run.resolve("verify"))) {
                    done = s.map(d -> d.resolve("job.status")).filter(Files::exists).findFirst().orElse(null);
                }
            }
        }
        assertTrue(done != null && p.isAlive(), "no job finished while the run was alive");
        p.destroyForcibly().waitFor(); // no chance to cancel its array: the resume must
        long finishedAt = Files.getLastModifiedTime(done).toMillis();
        String id = done.getParent().getFileName().toString();

        Cli.Run r = Cli.run("explore", "--resume", run.toString(), "--executor", "local");
        assertEquals(0, r.exitCode(), r.out());
        assertEquals(expected, Files.readString(run.resolve("pareto.csv")), "resumed run's pareto.csv");
        assertEquals(finishedAt, Files.getLastModifiedTime(run.resolve("designs").resolve(id).resolve("job.status"))
                .toMillis(), "the job finished on the cluster was picked up, not run again");
        assertTrue(run("squeue", "-h", "-o", "%j").lines().noneMatch(j -> j.startsWith("pmlp-")),
                "the killed run's jobs were cancelled");
    }

    @Test
    void taskFailingTwiceIsReportedWithItsLog() throws Exception {
        requireCluster();
        Path out = tmp.resolve("failing");
        // One second for each tool: the Verilator build cannot make it, on either attempt.
        Cli.Run r = Cli.run(wine(out, "--executor", "slurm", "--timeout", "1").toArray(new String[0]));
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("failed 2 times"), r.out());
        assertTrue(r.out().contains("job.log"), "the failure names the task's log:\n" + r.out());
        List<String> csv = Files.readAllLines(out.resolve("pareto.csv"));
        assertTrue(csv.size() >= 3, "failed designs stay in pareto.csv: " + csv);
        for (String line : csv.subList(1, csv.size())) {
            assertEquals("-1", line.split(",")[6], "a failed design has no mismatch count: " + line);
        }
        String report = Files.readString(out.resolve("designs/d01/report.json"));
        assertTrue(report.contains("\"failure\"") && report.contains(out.resolve("designs/d01/job.log").toString()),
                "report.json says why and names the log where it is: " + report);
        assertTrue(Files.readString(out.resolve("designs/d01/job.log")).contains("TIMEOUT=1")
                || Files.size(out.resolve("designs/d01/job.log")) > 0, "the task's log is kept");
    }

    @Test
    void benchRunsEachDatasetAsItsOwnJob() throws Exception {
        requireCluster();
        Path seeds = Env.shared("datasets/seeds");
        Path datasets = tmp.resolve("datasets");
        Files.createDirectories(datasets);
        Files.createSymbolicLink(datasets.resolve("seeds"), seeds);
        Path out = tmp.resolve("bench");
        Cli.Run r = Cli.run("bench", "--datasets", datasets.toString(), "-o", out.toString(), "--population", "8",
                "--generations", "2", "--verify-limit", "1", "--retrain-epochs", "2", "--executor", "slurm",
                "--per-dataset");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("submitted job array"), r.out());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(2, summary.size(), summary.toString());
        String[] row = summary.get(1).split(",");
        assertEquals("seeds", row[0]);
        assertTrue(Double.parseDouble(row[4]) > 0, "the exact design's area, measured in the dataset's job: " + summary);
        assertTrue(Files.exists(out.resolve("seeds/loss1/pareto.csv")));
    }

    @Test
    void missingSbatchIsAToolFailureNamingIt() {
        Path out = tmp.resolve("nosbatch");
        Cli.Run r = Cli.run(Map.of("PATH", tmp.resolve("empty-path").toString()),
                wine(out, "--executor", "slurm").toArray(new String[0]));
        assertEquals(3, r.exitCode(), r.out());
        assertTrue(r.out().contains("sbatch not found on PATH"), r.out());
    }

    /** Skips (saying so) when no Slurm node accepts jobs; fails instead under CI. */
    static void requireCluster() {
        Env.requireTools();
        String state = "";
        try {
            state = run("sinfo", "-h", "-o", "%T").strip();
        } catch (RuntimeException e) {
            state = "";
        }
        boolean up = state.lines().anyMatch(s -> s.startsWith("idle") || s.startsWith("mixed")
                || s.startsWith("allocated") || s.startsWith("completing"));
        if (!up) {
            Env.missing("no Slurm cluster answers (start one: flows/slurm/local-cluster.sh start)");
        }
    }

    private static Process start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pmlp.cli.Main"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static ByteArrayOutputStream drain(Process p) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                p.getInputStream().transferTo(buf);
            } catch (IOException e) {
                // ended
            }
        });
        t.setDaemon(true);
        t.start();
        return buf;
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(cmd[0] + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
