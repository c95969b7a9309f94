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
        ToolRunner.Result build = ToolRunner.run(List.of("make", "--no-print-directory", "-C", folder.toString(),
                "sim/obj_dir/Vtop", "TIMEOUT=" + timeoutSeconds), null, timeoutSeconds);
        Path predictions = folder.resolve("sim/predictions.txt");
        try {
            Files.deleteIfExists(predictions);
        } catch (IOException e) {
            throw new ToolFailure(predictions + ": cannot remove the previous predictions: " + e.getMessage());
        }
        ToolRunner.Result sim = ToolRunner.runAllowingFailure(List.of("make", "--no-print-directory", "-C",
                folder.toString(), "sim", "TIMEOUT=" + timeoutSeconds), null, timeoutSeconds);
        if (!Files.exists(predictions)) {
            throw new ToolFailure("the Verilator simulation wrote no predictions (exit code " + sim.exitCode() + "):\n"
                    + ToolRunner.tail(sim.output(), 20));
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
