package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a resumed run keeps a job folder: only when it holds exactly what would be written now. */
class DesignJobTest {
    @TempDir
    Path tmp;

    @Test
    void anExistingFolderIsKeptOnlyWithTheSameBytes() throws Exception {
        Path fresh = tmp.resolve("fresh");
        Path old = tmp.resolve("old");
        for (Path d : new Path[] {fresh, old}) {
            Files.createDirectories(d.resolve("rtl"));
            Files.writeString(d.resolve("rtl/top.v"), "module top; endmodule\n");
        }
        Files.writeString(old.resolve("job.status"), "0\n1.0\n"); // what the job added does not matter
        assertTrue(DesignJob.sameFiles(fresh, old));
        Files.writeString(old.resolve("rtl/top.v"), "module top; wire x; endmodule\n");
        assertFalse(DesignJob.sameFiles(fresh, old), "a changed design is not kept");
        Files.writeString(old.resolve("rtl/top.v"), "module top; endmodule\n");
        Files.writeString(fresh.resolve("config.json"), "{}\n");
        assertFalse(DesignJob.sameFiles(fresh, old), "a file the old folder lacks");
    }
}
