package org.pmlp.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.ToolFailure;

/** The job script as the local executor runs it (a Slurm array task runs the very same script). */
class LocalExecutorTest {
    @TempDir
    Path tmp;

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private Job touch(String folder, String file) throws Exception {
        Path dir = tmp.resolve(folder);
        Files.createDirectories(dir);
        return new Job(folder, dir, List.of("touch", file), List.of(file));
    }

    @Test
    void runsEachJobInItsFolderAndRecordsItsStatus() throws Exception {
        // Folder names a shell would misread: the script must take them as data.
        Job a = touch("a b", "out.txt");
        Job b = touch("q'\"$(touch pwned);x", "$(x).txt");
        List<JobResult> r = new LocalExecutor(2, 60).run(tmp.resolve("batch"), List.of(a, b), QUIET);
        assertTrue(r.get(0).done() && r.get(1).done(), r.toString());
        assertTrue(Files.exists(a.folder().resolve("out.txt")));
        assertTrue(Files.exists(b.folder().resolve("$(x).txt")));
        assertFalse(Files.exists(tmp.resolve("batch/pwned")) || Files.exists(b.folder().resolve("pwned")));
        assertEquals("0", Files.readString(a.folder().resolve(Batch.STATUS)).lines().findFirst().orElse(""));
    }

    @Test
    void finishedJobsAreNotRunAgain() throws Exception {
        Job a = touch("a", "out.txt");
        new LocalExecutor(1, 60).run(tmp.resolve("batch"), List.of(a), QUIET);
        long before = Files.getLastModifiedTime(a.folder().resolve(Batch.STATUS)).toMillis();
        Thread.sleep(20);
        List<JobResult> again = new LocalExecutor(1, 60).run(tmp.resolve("batch"), List.of(a), QUIET);
        assertEquals(0, again.get(0).attempts(), "found finished, not run");
        assertEquals(before, Files.getLastModifiedTime(a.folder().resolve(Batch.STATUS)).toMillis());
    }

    @Test
    void aJobWithoutItsOutputsIsAToolFailureWithItsLog() throws Exception {
        Path dir = tmp.resolve("f");
        Files.createDirectories(dir);
        Job j = new Job("f", dir, List.of("sh", "-c", "echo the tool said no; exit 7"), List.of("never.txt"));
        ToolFailure e = assertThrows(ToolFailure.class, () -> new LocalExecutor(1, 60).run(tmp.resolve("batch"),
                List.of(j), QUIET));
        assertTrue(e.getMessage().contains("exited 7") && e.getMessage().contains("the tool said no"), e.getMessage());
    }

    @Test
    void arrayIndicesAreCompressedIntoRanges() {
        assertEquals("0-3,5,7-8", SlurmExecutor.ranges(List.of(0, 1, 2, 3, 5, 7, 8)));
        assertEquals("4", SlurmExecutor.ranges(List.of(4)));
    }

    @Test
    void slurmOptionsThatPmlpSetsItselfAreRefused() {
        assertThrows(org.pmlp.UserError.class, () -> new SlurmExecutor(List.of("--array=1-3"), 10));
        assertThrows(org.pmlp.UserError.class, () -> new SlurmExecutor(List.of("partition=debug"), 10));
        new SlurmExecutor(List.of("--partition=debug", "--time=00:10:00"), 10);
    }
}
