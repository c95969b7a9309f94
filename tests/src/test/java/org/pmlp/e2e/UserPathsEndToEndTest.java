package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths a real user has: a space, `;`, quotes and `$(...)` in the model, data, liberty and
 * output paths. Everything works, and nothing is ever run by a shell with them (a shell would
 * create the file the `$(touch ...)` names).
 */
class UserPathsEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void awkwardPathsWorkEndToEndAndReachNoShell() throws Exception {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        Path dir = Files.createDirectories(tmp.resolve("my data; it's \"$(touch PWNED)\" `touch PWNED2`"));
        Path model = Files.copy(example.resolve("model.json"), dir.resolve("model one.json"));
        Path csv = Files.copy(example.resolve("wine.csv"), dir.resolve("wine $(touch PWNED).csv"));
        Path lib = Files.copy(Env.repo().resolve("pdk/egfet_1v0.lib"), dir.resolve("cells; 1.0 V.lib"));
        Path out = dir.resolve("out 'dir'");
        Cli.Run r = Cli.run("run", "--model", model.toString(), "--train", csv.toString(), "--split", "0.3",
                "--liberty", lib.toString(), "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        JsonNode rep = Reports.read(out);
        assertEquals(0, rep.get("rtl_mismatches").asInt());
        assertTrue(rep.get("area_cm2").asDouble() > 1, "area " + rep.get("area_cm2"));

        Cli.Run sim = Cli.run("simulate", out.toString());
        assertEquals(0, sim.exitCode(), sim.out());
        Cli.Run syn = Cli.run("synth", out.toString());
        assertEquals(0, syn.exitCode(), syn.out());
        assertTrue(syn.out().contains("0 mismatches"), syn.out());

        for (Path p : new Path[] {tmp, dir, Path.of("").toAbsolutePath(), out}) {
            assertFalse(Files.exists(p.resolve("PWNED")), "a shell ran with a user path: " + p.resolve("PWNED"));
            assertFalse(Files.exists(p.resolve("PWNED2")), "a shell ran with a user path: " + p.resolve("PWNED2"));
        }
    }
}
