package org.pmlp.eda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pmlp.ToolFailure;

/**
 * Builds a design folder's Verilator harness and streams its test vectors through it, through
 * the folder's own Makefile (so the commands are the ones {@code make sim} runs).
 */
public final class VerilatorSimulation {
    /** Build and run seconds, and the classes the RTL predicted, one per vector. */
    public record Result(int[] predicted, double buildSeconds, double runSeconds) {
    }

    private VerilatorSimulation() {
    }

    public static Result run(Path folder, long timeoutSeconds) {
        // make runs inside the folder and every path it and Verilator see is relative to it. Verilator
        // refuses to build under a path with spaces, so such a folder is simulated in a scratch copy.
        return SafeWorkspace.run(folder, List.of("Makefile", "flows/design.mk", "rtl/top.v", "sim/harness.cpp",
                "sim/vectors.hex", "sim/expected.txt"), List.of(), work -> runIn(work, folder, timeoutSeconds));
    }

    /** Builds and runs in {@code work}; the predictions end up in {@code folder}. */
    private static Result runIn(Path work, Path folder, long timeoutSeconds) {
        ToolRunner.Result build = ToolRunner.run(List.of("make", "--no-print-directory",
                "sim/obj_dir/Vtop", "TIMEOUT=" + timeoutSeconds), work, timeoutSeconds);
        Path predictions = folder.resolve("sim/predictions.txt");
        Path written = work.resolve("sim/predictions.txt");
        try {
            Files.deleteIfExists(predictions);
            Files.deleteIfExists(written);
        } catch (IOException e) {
            throw new ToolFailure(predictions + ": cannot remove the previous predictions: " + e.getMessage());
        }
        ToolRunner.Result sim = ToolRunner.runAllowingFailure(List.of("make", "--no-print-directory",
                "sim", "TIMEOUT=" + timeoutSeconds), work, timeoutSeconds);
        if (!Files.exists(written)) {
            throw new ToolFailure("the Verilator simulation wrote no predictions (exit code " + sim.exitCode() + "):\n"
                    + ToolRunner.tail(sim.output(), 20));
        }
        if (!written.equals(predictions)) {
            try {
                Files.copy(written, predictions);
            } catch (IOException e) {
                throw new ToolFailure(predictions + ": cannot be written: " + e.getMessage());
            }
        }
        try {
            List<String> lines = Files.readAllLines(predictions);
            int[] out = new int[lines.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.parseInt(lines.get(i).trim());
            }
            return new Result(out, build.seconds(), sim.seconds());
        } catch (IOException | NumberFormatException e) {
            throw new ToolFailure(predictions + ": unreadable simulation output: " + e.getMessage());
        }
    }

    /** The classes a finished simulation wrote to sim/predictions.txt, one per vector. */
    public static int[] readPredictions(Path folder) {
        Path predictions = folder.resolve("sim/predictions.txt");
        try {
            List<String> lines = Files.readAllLines(predictions);
            int[] out = new int[lines.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.parseInt(lines.get(i).trim());
            }
            return out;
        } catch (IOException | NumberFormatException e) {
            throw new ToolFailure(predictions + ": unreadable simulation output: " + e.getMessage());
        }
    }
}
