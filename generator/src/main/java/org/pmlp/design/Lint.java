package org.pmlp.design;

import java.nio.file.Path;
import java.util.List;
import org.pmlp.ToolFailure;
import org.pmlp.eda.ToolRunner;

/**
 * Checks generated RTL with {@code verilator --lint-only -Wall} and Icarus Verilog (an
 * independent parser): the emitter promises both are silent, so any message is a failure.
 */
public final class Lint {
    private Lint() {
    }

    public static void check(Path verilog, long timeoutSeconds) {
        // The tools run in the file's folder and see only its bare name: Verilator expands `$VAR`
        // in file names, and a user's folder may hold any character.
        Path dir = verilog.toAbsolutePath().getParent();
        String name = verilog.getFileName().toString();
        ToolRunner.Result v = ToolRunner.runAllowingFailure(List.of("verilator", "--lint-only", "-Wall",
                "--top-module", "top", name), dir, timeoutSeconds);
        if (v.exitCode() != 0 || !v.output().isBlank()) {
            throw new ToolFailure("verilator --lint-only -Wall reported on " + verilog + ":\n" + ToolRunner.tail(v.output(), 20));
        }
        ToolRunner.Result i = ToolRunner.runAllowingFailure(List.of("iverilog", "-g2005", "-Wall", "-o", "/dev/null",
                name), dir, timeoutSeconds);
        if (i.exitCode() != 0 || !i.output().isBlank()) {
            throw new ToolFailure("iverilog -g2005 -Wall reported on " + verilog + ":\n" + ToolRunner.tail(i.output(), 20));
        }
    }
}
