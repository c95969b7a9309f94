package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;
import org.pmlp.util.Files2;

/** Design folders: replaced only when they hold nothing but what pmlp wrote; modes follow the umask. */
class DesignFolderTest {
    @TempDir
    Path tmp;

    /** Generates the wine example (no simulation or synthesis) into {@code out}. */
    private static DesignReport generate(Path out) {
        Mlp m = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        Dataset all = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        StratifiedSplit.Parts parts = StratifiedSplit.split(all, 0.3, 1);
        RunPipeline.Request r = new RunPipeline.Request(m, DesignConfig.exact(ModelShape.of(m), QuantSpec.DEFAULT),
                parts.first(), parts.second(), out, null, HeapStyle.TWOS_COMPLEMENT, 1, 60, false, false, 5);
        return RunPipeline.run(r, new Stopwatch(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    }

    @Test
    void aFolderWithAForeignFileIsNeverReplaced() throws IOException {
        Path out = tmp.resolve("d");
        Files.createDirectories(out);
        Files.writeString(out.resolve("config.json"), "{}");
        Files.writeString(out.resolve("notes.txt"), "mine");
        UserError e = assertThrows(UserError.class, () -> generate(out));
        assertTrue(e.getMessage().contains("not a pmlp design folder"), e.getMessage());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertNoLeftovers();
    }

    @Test
    void aPmlpFolderIsReplacedUnlessSomeoneAddedAFile() throws IOException {
        Path out = tmp.resolve("d");
        generate(out);
        assertTrue(Files.isRegularFile(out.resolve(DesignFolder.MARKER)));
        assertTrue(Files2.read(out.resolve(DesignFolder.MARKER)).contains("rtl/top.v\n"));
        // What make sim / make synth / pmlp synth leave there does not count as foreign.
        Files.createDirectories(out.resolve("sim/obj_dir"));
        Files.writeString(out.resolve("sim/obj_dir/Vtop"), "binary");
        Files.createDirectories(out.resolve("synth"));
        Files.writeString(out.resolve("synth/stat.txt"), "stat");
        generate(out);
        assertFalse(Files.exists(out.resolve("synth/stat.txt")), "replaced by a fresh folder");

        Files.writeString(out.resolve("rtl/my_wrapper.v"), "module w; endmodule");
        UserError e = assertThrows(UserError.class, () -> generate(out));
        assertTrue(e.getMessage().contains("rtl/my_wrapper.v"), e.getMessage());
        assertTrue(Files.exists(out.resolve("rtl/my_wrapper.v")));
        assertTrue(Files.exists(out.resolve("rtl/top.v")));
        assertNoLeftovers();
    }

    @Test
    void aForgedOrMissingMarkerIsRefused() throws IOException {
        Path out = tmp.resolve("d");
        Files.createDirectories(out);
        Files.writeString(out.resolve(DesignFolder.MARKER), "anything\n");
        Files.writeString(out.resolve("data.csv"), "1,2");
        assertThrows(UserError.class, () -> DesignFolder.stage(out));
        Path file = tmp.resolve("f");
        Files.writeString(file, "x");
        assertThrows(UserError.class, () -> DesignFolder.stage(file));
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        Path staged = DesignFolder.stage(empty);
        DesignFolder.discard(staged);
    }

    @Test
    void leftoversOfInterruptedRunsAreRemoved() throws IOException {
        Path designs = tmp.resolve("designs");
        Files.createDirectories(designs.resolve(".d01.partial-abc/rtl"));
        Files.writeString(designs.resolve(".d01.partial-abc/rtl/top.v"), "x");
        Files.createDirectories(designs.resolve(".d02.old-123"));
        Files.createDirectories(designs.resolve("d01"));
        Files.createDirectories(designs.resolve(".hidden"));
        assertEquals(2, DesignFolder.removeLeftovers(designs));
        assertTrue(Files.isDirectory(designs.resolve("d01")));
        assertTrue(Files.isDirectory(designs.resolve(".hidden")));
        assertEquals(0, DesignFolder.removeLeftovers(designs));
    }

    @Test
    void modesFollowTheUmask() throws IOException {
        Path probeDir = Files.createDirectory(tmp.resolve("probe-dir"));
        Path probeFile = Files.createFile(tmp.resolve("probe-file"));
        Set<PosixFilePermission> dirMode;
        Set<PosixFilePermission> fileMode;
        try {
            dirMode = Files.getPosixFilePermissions(probeDir);
            fileMode = Files.getPosixFilePermissions(probeFile);
        } catch (UnsupportedOperationException e) {
            System.err.println("SKIPPED: no POSIX file modes on this file system");
            return;
        }
        Path out = tmp.resolve("d");
        generate(out);
        assertEquals(dirMode, Files.getPosixFilePermissions(out), "design folder");
        assertEquals(dirMode, Files.getPosixFilePermissions(out.resolve("rtl")));
        assertEquals(fileMode, Files.getPosixFilePermissions(out.resolve("rtl/top.v")));
        Path atomic = tmp.resolve("atomic.txt");
        Files2.writeAtomically(atomic, "x");
        assertEquals(fileMode, Files.getPosixFilePermissions(atomic), "atomically written file");
    }

    private void assertNoLeftovers() throws IOException {
        try (var s = Files.list(tmp)) {
            assertEquals(java.util.List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("."))
                    .toList(), "hidden staging folders left behind");
        }
    }
}
