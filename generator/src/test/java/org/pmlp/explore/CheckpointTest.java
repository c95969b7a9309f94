package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.util.Files2;

/** A checkpoint is resumed only with the inputs it was written for, and says which ones changed. */
class CheckpointTest {
    @TempDir
    Path tmp;

    private static Nsga2Search.State state() {
        return new Nsga2Search.State(3, List.<int[][]>of(new int[][] {{1, 2}, {0}}), new long[] {1}, List.of(), 7);
    }

    @Test
    void checkpointsAreWrittenFirstLastAndAtMostOncePerInterval() {
        long[] now = {0};
        Checkpoint.Pace pace = new Checkpoint.Pace(1000, () -> now[0]);
        assertTrue(pace.due(false), "the first generation is written");
        now[0] = 400;
        assertTrue(!pace.due(false), "then not before the interval is up");
        now[0] = 999;
        assertTrue(!pace.due(false));
        assertTrue(pace.due(true), "the last generation is written whatever the time");
        now[0] = 1998;
        assertTrue(!pace.due(false), "the interval runs from the last write");
        now[0] = 1999;
        assertTrue(pace.due(false));
        now[0] = 2000;
        assertTrue(!pace.due(false));
    }

    @Test
    void changedInputsAreRefusedByName() {
        RunFingerprint f = new RunFingerprint().option("--header", "auto").option("--heap", "twos")
                .content("cost model", "a");
        Checkpoint.write(tmp, f, state());
        Nsga2Search.State back = Checkpoint.read(tmp, f, null);
        assertEquals(3, back.generation());
        assertEquals(7, back.evaluations());

        RunFingerprint g = new RunFingerprint().option("--header", "yes").option("--heap", "twos")
                .content("cost model", "b");
        UserError e = assertThrows(UserError.class, () -> Checkpoint.read(tmp, g, null));
        assertTrue(e.getMessage().contains("--header (was auto, now yes)"), e.getMessage());
        assertTrue(e.getMessage().contains("cost model (its content changed)"), e.getMessage());
        assertTrue(!e.getMessage().contains("--heap"), e.getMessage());

        RunFingerprint h = new RunFingerprint().option("--header", "auto").option("--heap", "twos")
                .content("cost model", "a").option("--max-age", 70);
        e = assertThrows(UserError.class, () -> Checkpoint.read(tmp, h, null));
        assertTrue(e.getMessage().contains("--max-age (not recorded in the checkpoint)"), e.getMessage());
    }

    @Test
    void aCheckpointOfAnEarlierPmlpIsRefused() {
        Files2.write(tmp.resolve(Checkpoint.FILE), "{\"format\":\"pmlp-explore-checkpoint\",\"fingerprint\":\"abc\"}");
        UserError e = assertThrows(UserError.class, () -> Checkpoint.read(tmp, new RunFingerprint(), null));
        assertTrue(e.getMessage().contains("earlier pmlp"), e.getMessage());
    }
}
