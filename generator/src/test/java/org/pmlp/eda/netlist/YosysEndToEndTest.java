package org.pmlp.eda.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.liberty.SharedPdk;

/**
 * Synthesizes a small pipelined design with the real Yosys, then checks the simulated outputs
 * against a Java model of the design and the area and cell counts against Yosys {@code stat}.
 */
class YosysEndToEndTest {
    private static final String DESIGN = """
            module top(input clk, input [7:0] x, output reg [5:0] y);
              reg [7:0] xr;
              always @(posedge clk) xr <= x;
              wire [3:0] a = xr[3:0];
              wire [3:0] b = xr[7:4];
              wire [4:0] s = a + b;
              always @(posedge clk) y <= {a > b, s ^ {1'b0, a & ~b}};
            endmodule
            """;

    /** The Java model: y is F(x) two cycles later (registered input, registered output). */
    private static long model(long x) {
        long a = x & 15;
        long b = x >> 4 & 15;
        return (a > b ? 32 : 0) | ((a + b) ^ (a & ~b & 15));
    }

    @TempDir
    Path dir;

    @Test
    void egfetLibrary() throws Exception {
        Path lib = SharedPdk.egfet10VFile();
        PowerReport p = synthesizeAndCheck(lib, CellLibrary.read(lib));
        // Leakage dominates at 5 Hz, and state-dependent leakage stays near the state-independent sum.
        // (Internal power is large for flip-flops: EGFET tables charge about 7 uJ per clock transition.)
        assertTrue(p.dynamicMw() < p.leakageMw() && p.internalMw() > p.switchingMw(), p.summary());
        assertTrue(p.leakageMw() > 0.5 * p.averageLeakageMw() && p.leakageMw() < 2 * p.averageLeakageMw(), p.summary());
        assertEquals(14, p.cellCounts().get("DFFNRX1")); // dfflibmap can only use DFFNRX1 (DFFX1 is a latch group)
    }

    @Test
    void inlineLibrary() throws Exception {
        Path lib = dir.resolve("tiny.lib");
        Files.writeString(lib, TinyLibrary.TEXT);
        PowerReport p = synthesizeAndCheck(lib, TinyLibrary.get());
        assertEquals(14, p.cellCounts().get("DFF"));
    }

    private PowerReport synthesizeAndCheck(Path libFile, CellLibrary lib) throws Exception {
        org.pmlp.testutil.Shared.requireTool("yosys");
        Files.writeString(dir.resolve("design.v"), DESIGN);
        String l = libFile.toAbsolutePath().toString();
        Files.writeString(dir.resolve("synth.ys"), String.join("\n",
                "read_verilog design.v",
                "synth -flatten -top top",
                "dfflibmap -liberty " + l,
                "abc -liberty " + l + " -script +strash;dch;amap;",
                "opt_clean -purge",
                "setundef -zero",
                "write_verilog -noattr -noexpr netlist.v",
                "write_json netlist.json",
                "tee -q -o stat.txt stat -liberty " + l, ""));
        run(dir, "yosys", "-q", "-s", "synth.ys");

        Netlist net = Netlist.read(dir.resolve("netlist.json"), lib);
        int cycles = 300;
        List<boolean[]> x = GateSimulatorTest.randomVectors(cycles, 8, 42);
        Activity act = GateSimulator.simulate(net, "x", x);
        long[] y = act.outputValues("y");
        for (int t = 0; t < cycles; t++) {
            long expected = t == 0 ? 0 : model(t == 1 ? 0 : value(x.get(t - 2)));
            assertEquals(expected, y[t], "cycle " + t);
        }

        PowerReport p = PowerAnalysis.analyze(net, act, 5.0);
        String stat = Files.readString(dir.resolve("stat.txt"));
        Matcher area = Pattern.compile("Chip area for module '\\\\top': ([0-9.]+)").matcher(stat);
        assertTrue(area.find(), stat);
        assertEquals(Double.parseDouble(area.group(1)), p.areaUm2(), 1e-9 * p.areaUm2());
        assertEquals(statCellCounts(stat, lib), p.cellCounts());
        assertTrue(p.leakageMw() > 0 && p.dynamicMw() > 0, p.summary());
        return p;
    }

    private static long value(boolean[] bits) {
        long v = 0;
        for (int b = 0; b < bits.length; b++) {
            v |= bits[b] ? 1L << b : 0;
        }
        return v;
    }

    /** The per-cell lines of Yosys stat ("     INVX1     3"). */
    private static SortedMap<String, Integer> statCellCounts(String stat, CellLibrary lib) {
        SortedMap<String, Integer> counts = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s+(\\S+)\\s+(\\d+)\\s*$").matcher(stat);
        while (m.find()) {
            if (lib.cell(m.group(1)).isPresent()) {
                counts.put(m.group(1), Integer.parseInt(m.group(2)));
            }
        }
        return counts;
    }

    private static void run(Path workDir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes(); // yosys -q prints little; reading first avoids a full pipe
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("yosys timed out");
        }
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
