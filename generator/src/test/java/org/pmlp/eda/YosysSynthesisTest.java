package org.pmlp.eda;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.ToolFailure;
import org.pmlp.testutil.RequiredTools;
import org.pmlp.testutil.Shared;

/**
 * The synthesis flow (flows/synth.ys through flows/design.mk) on a tiny design folder: an
 * undriven net is a failure with Yosys's own message, not a constant zero, and a failed run
 * leaves none of the previous run's statistics, netlist or log behind.
 */
class YosysSynthesisTest {
    private static final String GOOD = """
            module top(input wire clk, input wire [3:0] x, output reg [1:0] y);
              reg [3:0] xr;
              always @(posedge clk) xr <= x;
              wire a = xr[0] ^ xr[1];
              wire b = xr[2] | xr[3];
              always @(posedge clk) y <= {a, b & xr[2]};
            endmodule
            """;

    /** The same with b declared but never driven: what an emitter bug looks like. */
    private static final String UNDRIVEN = GOOD.replace("wire b = xr[2] | xr[3];", "wire b;");

    @TempDir
    Path dir;

    @Test
    void anUndrivenNetFailsAndNoStaleResultSurvives() throws Exception {
        RequiredTools.require("yosys", "make");
        Path repo = Shared.repo();
        for (String f : new String[] {"design.mk", "synth.ys", "abc.script", "equiv.ys", "equiv_wrap.v"}) {
            Files.createDirectories(dir.resolve("flows"));
            Files.copy(repo.resolve("flows").resolve(f), dir.resolve("flows").resolve(f));
        }
        Files.createDirectories(dir.resolve("rtl"));
        Files.writeString(dir.resolve("Makefile"), "LIBERTY ?= lib.lib\nX_BITS = 4\nY_BITS = 2\ninclude flows/design.mk\n");
        Path lib = dir.resolve("lib.lib");
        Files.copy(repo.resolve("pdk/egfet_1v0.lib"), lib);
        Files.writeString(dir.resolve("rtl/top.v"), GOOD);

        YosysSynthesis.Result ok = YosysSynthesis.run(dir, lib, 120);
        assertTrue(ok.areaUm2() > 0 && Files.exists(dir.resolve("synth/netlist.v"))
                && Files.exists(dir.resolve("synth/netlist.json")));
        assertTrue(NetlistEquivalence.prove(dir, 60).proved());
        String previousLog = Files.readString(dir.resolve("synth/yosys.log"));
        assertTrue(previousLog.contains("DFFLIBMAP"), "the good run's log shows its mapping");

        Files.writeString(dir.resolve("rtl/top.v"), UNDRIVEN);
        ToolFailure e = assertThrows(ToolFailure.class, () -> YosysSynthesis.run(dir, lib, 120));
        assertTrue(e.getMessage().contains("is used but has no driver"), e.getMessage());
        assertFalse(e.getMessage().contains("DFFLIBMAP"), "the previous run's log lines are not shown: " + e.getMessage());
        for (String stale : new String[] {"synth/stat.txt", "synth/netlist.v", "synth/netlist.json", "equiv/abc.log"}) {
            assertFalse(Files.exists(dir.resolve(stale)), stale + " of the previous run is gone");
        }
        assertFalse(Files.exists(dir.resolve("synth/yosys.log"))
                && Files.readString(dir.resolve("synth/yosys.log")).contains("DFFLIBMAP"), "the log is the failed run's");
    }
}
