package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pmlp simulate} and {@code pmlp synth} on a generated folder bring report.json and
 * report.md up to date (RTL accuracy, area, power, library, netlist proof), and a netlist that
 * is not the RTL fails {@code synth} with exit code 1 and a report that says "failed".
 */
class ReportUpdateEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void simulateAndSynthUpdateTheReport() throws Exception {
        Env.requireTools();
        Path example = Env.repo().resolve("examples/wine");
        Path out = tmp.resolve("wine");
        Cli.Run g = Cli.run("generate", "--model", example.resolve("model.json").toString(), "--train",
                example.resolve("wine.csv").toString(), "--split", "0.3", "-o", out.toString());
        assertEquals(0, g.exitCode(), g.out());
        assertTrue(Reports.read(out).get("accuracy_rtl").isNull(), "not simulated yet");

        Cli.Run sim = Cli.run("simulate", out.toString());
        assertEquals(0, sim.exitCode(), sim.out());
        JsonNode r = Reports.read(out);
        assertEquals(r.get("accuracy_golden").asDouble(), r.get("accuracy_rtl").asDouble(), 1e-12);
        assertEquals(0, r.get("rtl_mismatches").asInt());
        assertTrue(Files.readString(out.resolve("report.md")).contains("RTL accuracy (Verilator) | 0.9434"));

        Cli.Run syn = Cli.run("synth", out.toString());
        assertEquals(0, syn.exitCode(), syn.out());
        r = Reports.read(out);
        double area = r.get("area_cm2").asDouble();
        assertTrue(area > 1 && r.get("power_mw").asDouble() > 0, r.toString());
        assertEquals("proved", r.get("netlist_equivalence").asText());
        assertEquals(0, r.get("netlist_mismatches").asInt());
        assertTrue(r.get("liberty").asText().startsWith("pdk/egfet_1v0.lib"), r.get("liberty").asText());
        assertEquals(r.get("accuracy_golden").asDouble(), r.get("accuracy_rtl").asDouble(), 1e-12, "kept");

        // Another library: every cell twice as large. The report names it and gives its area.
        Path other = tmp.resolve("double-area.lib");
        Matcher m = Pattern.compile("area : (\\d+);").matcher(Files.readString(Env.repo().resolve("pdk/egfet_1v0.lib")));
        Files.writeString(other, m.replaceAll(x -> "area : " + 2 * Long.parseLong(x.group(1)) + ";"));
        syn = Cli.run("synth", out.toString(), "--liberty", other.toString());
        assertEquals(0, syn.exitCode(), syn.out());
        r = Reports.read(out);
        assertEquals(other.toAbsolutePath().toString(), r.get("liberty").asText());
        assertEquals(2 * area, r.get("area_cm2").asDouble(), 1e-6 * area);
        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains(other.toAbsolutePath().toString()) && md.contains(String.format("%.3f cm^2", 2 * area)), md);

        // A synthesis flow that turns every XOR into an OR: the proof fails, synth exits 1.
        Path flow = out.resolve("flows/synth.ys");
        Files.writeString(flow, Files.readString(flow).replace("write_verilog", "chtype -set OR2X1 t:XOR2X1\nwrite_verilog"));
        syn = Cli.run("synth", out.toString());
        assertEquals(1, syn.exitCode(), syn.out());
        r = Reports.read(out);
        assertEquals("failed", r.get("netlist_equivalence").asText());
        assertTrue(Files.readString(out.resolve("report.md")).contains("| failed ("), "report.md says so");

        // A synthesis that fails leaves no figures of the previous one in the report.
        Files.writeString(flow, Files.readString(flow).replace("check -assert", "check -assert\nERROR_NO_SUCH_PASS"));
        syn = Cli.run("synth", out.toString());
        assertEquals(3, syn.exitCode(), syn.out());
        r = Reports.read(out);
        assertTrue(r.get("area_cm2").isNull() && r.get("netlist_equivalence").isNull(), r.toString());
        assertTrue(!Files.exists(out.resolve("synth/stat.txt")), "no stale statistics");
    }
}
