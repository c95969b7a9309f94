package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path with the real tools: generate, lint, Verilator co-simulation, Yosys. */
class EndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void wineExampleRunsWithZeroMismatches() {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("wine");
        Cli.Run r = Cli.run("run", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        JsonNode rep = Reports.read(out);
        assertEquals("13-3-3", rep.get("topology").asText());
        assertEquals(0, rep.get("rtl_mismatches").asInt());
        assertEquals(rep.get("accuracy_golden").asDouble(), rep.get("accuracy_rtl").asDouble(), 1e-12);
        assertTrue(rep.get("area_cm2").asDouble() > 1, "area " + rep.get("area_cm2"));
        assertTrue(rep.get("cells").get("DFFX1").asInt() > 0, "registers are mapped onto the library's flip-flops");
        assertTrue(rep.get("test_vectors").asInt() > rep.get("labelled_vectors").asInt(), "corner cases are added");
        for (String f : new String[] {"rtl/top.v", "sim/harness.cpp", "Makefile", "config.json", "model.json",
                "synth/netlist.v", "synth/netlist.json", "report.md"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    @Test
    void generatedFolderWorksWithMakeAlone() throws Exception {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("gen");
        Cli.Run r = Cli.run("generate", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        Process p = new ProcessBuilder("make", "-C", out.toString(), "lint", "sim").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("mismatches 0"), text);
    }

    @Test
    void cardioExactBaselineAndRealLibraryAgreeOnArea() {
        Env.requireTools();
        Path data = Env.shared("datasets/cardio");
        Path lib = Env.shared("pdk/egfet/PPDK_Standard_Library_1.0V_25C_TYP_X1.lib");
        Path out = tmp.resolve("cardio");
        Cli.Run r = Cli.run("run", "--train", data.resolve("train.csv").toString(), "--test",
                data.resolve("test.csv").toString(), "--hidden", "3", "--scaler", "none", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        JsonNode own = Reports.read(out);
        assertEquals(0, own.get("rtl_mismatches").asInt());
        assertTrue(own.get("accuracy_rtl").asDouble() > 0.8, "cardio accuracy " + own.get("accuracy_rtl"));
        Cli.Run s = Cli.run("synth", out.toString(), "--liberty", lib.toString());
        assertEquals(0, s.exitCode(), s.out());
        double real = Double.parseDouble(s.out().replaceAll("(?s).*area ([0-9.]+) cm\\^2.*", "$1"));
        double ours = own.get("area_cm2").asDouble();
        assertTrue(Math.abs(real - ours) / real < 0.02, "default library " + ours + " vs EGFET liberty " + real);
    }

    @Test
    void badCsvIsAUserErrorAndLeavesNoFolder() throws IOException {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "a,b,y\n1,2,0\n3,x,1\n");
        Path out = tmp.resolve("never");
        Cli.Run r = Cli.run("run", "--train", bad.toString(), "--split", "0.3", "--hidden", "2", "-o", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("bad.csv:3: column 'b' has value 'x', expected a number"), r.out());
        assertFalse(r.out().contains("Exception"), "no stack trace for a user mistake");
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains("partial")), "no staging folder left");
        }
    }

    @Test
    void malformedLibertyIsAUserErrorNamingTheLine() throws IOException {
        Path lib = tmp.resolve("bad.lib");
        Files.writeString(lib, "library (x) {\n  cell (INV) {\n    area : 1\n    pin (A) { direction : input; \n}\n");
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("badlib");
        Cli.Run r = Cli.run("run", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "--liberty", lib.toString(), "-o", out.toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.out().contains("bad.lib:"), r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void missingToolIsAToolFailureNamingIt() throws IOException {
        Env.requireTools();
        // A PATH with everything but yosys.
        Path bin = tmp.resolve("bin");
        Files.createDirectories(bin);
        for (String t : new String[] {"make", "verilator", "verilator_bin", "g++", "gcc", "cc", "c++", "iverilog",
                "ivl", "sh", "bash", "timeout", "ln", "mkdir", "rm", "perl", "python3", "as", "ld", "cat", "env",
                "uname", "ar", "ranlib", "xargs"}) {
            Path target = org.pmlp.eda.Tools.which(t);
            if (target != null) {
                Files.createSymbolicLink(bin.resolve(t), target);
            }
        }
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("out"); // a name without "yosys", so the message must name the tool itself
        Cli.Run r = Cli.run(java.util.Map.of("PATH", bin.toString()), "run", "--model",
                example.resolve("model.json").toString(), "--train", example.resolve("wine.csv").toString(),
                "--split", "0.3", "-o", out.toString());
        assertEquals(3, r.exitCode(), r.out());
        assertTrue(r.out().contains("Yosys synthesis failed") && r.out().contains("failed to run command"), r.out());
        assertFalse(Files.exists(out), "no design folder after a failed run");
    }

    @Test
    void toolTimeoutIsReported() {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("slow");
        Cli.Run g = Cli.run("generate", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString());
        assertEquals(0, g.exitCode(), g.out());
        Cli.Run r = Cli.run("synth", out.toString(), "--timeout", "1");
        assertEquals(3, r.exitCode(), r.out());
        assertTrue(r.out().contains("timed out") || r.out().contains("exit code 124"), r.out());
    }
}
