package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pmlp generate never deletes files it did not write (issue 8: it did, with exit 0). */
class DesignFolderEndToEndTest {
    @TempDir
    Path tmp;

    private Cli.Run generate(Path out) {
        Path example = Env.repo().resolve("examples/wine");
        return Cli.run("generate", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString());
    }

    @Test
    void aFolderWithOtherFilesIsRefusedAndKept() throws IOException {
        Path out = tmp.resolve("mine");
        Files.createDirectories(out);
        Files.writeString(out.resolve("config.json"), "{\"format\": \"pmlp-design\"}");
        Files.writeString(out.resolve("thesis.tex"), "months of work");
        Cli.Run r = generate(out);
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("not a pmlp design folder"), r.out());
        assertEquals("months of work", Files.readString(out.resolve("thesis.tex")));

        Path ours = tmp.resolve("ours");
        assertEquals(0, generate(ours).exitCode());
        assertEquals(0, generate(ours).exitCode(), "pmlp's own folder is replaced");
        Files.writeString(ours.resolve("notes.txt"), "mine");
        Cli.Run again = generate(ours);
        assertEquals(2, again.exitCode(), again.out());
        assertTrue(again.out().contains("notes.txt"), again.out());
        assertEquals("mine", Files.readString(ours.resolve("notes.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no staging leftovers");
        }
    }
}
