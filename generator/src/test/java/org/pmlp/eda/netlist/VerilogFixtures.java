package org.pmlp.eda.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pmlp.testutil.Shared;

/**
 * Small structural netlists for tests, written as Verilog for readability and turned into Yosys
 * JSON by Yosys itself ({@code read_liberty -lib} of {@link TinyLibrary}, {@code read_verilog},
 * {@code write_json}): the format pmlp reads from {@code synth/netlist.json}. Skips (or fails
 * under CI) without Yosys.
 */
final class VerilogFixtures {
    private VerilogFixtures() {
    }

    /** Yosys JSON of the Verilog text. */
    static String json(String verilog) {
        Shared.requireTool("yosys");
        try {
            Path dir = Files.createTempDirectory("pmlp-netlist");
            try {
                Files.writeString(dir.resolve("tiny.lib"), TinyLibrary.TEXT);
                Files.writeString(dir.resolve("n.v"), verilog);
                Process p = new ProcessBuilder(List.of("yosys", "-q", "-p",
                        "read_liberty -lib tiny.lib; read_verilog n.v; hierarchy -auto-top; write_json n.json"))
                        .directory(dir.toFile()).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("yosys timed out");
                }
                assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
                return Files.readString(dir.resolve("n.json"));
            } finally {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The netlist of the Verilog text, read as pmlp reads synth/netlist.json. */
    static Netlist parse(String verilog, String source) {
        return Netlist.parse(json(verilog), source, TinyLibrary.get());
    }

    /** Index of the named instance (Yosys JSON lists cells by name, not in file order). */
    static int instance(Netlist net, String name) {
        for (int i = 0; i < net.instances().size(); i++) {
            if (net.instances().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no instance " + name);
    }
}
