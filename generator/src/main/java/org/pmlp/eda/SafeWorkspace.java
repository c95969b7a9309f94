package org.pmlp.eda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Function;
import org.pmlp.ToolFailure;
import org.pmlp.util.Files2;

/**
 * Where the tools of a design folder run. Verilator refuses to build under a path with spaces,
 * and Yosys hands ABC absolute paths that ABC splits at spaces and `;`; so a folder whose path
 * is not {@link MakeSafe} is worked on in a scratch copy under the temporary folder, and the
 * outputs are copied back (also after a failure, so its logs can be read).
 */
public final class SafeWorkspace {
    private SafeWorkspace() {
    }

    /**
     * @param inputs files (relative to the folder) the tools read; copied when a scratch copy is used
     * @param outputs files the tools write; copied back when they exist
     */
    public static <T> T run(Path folder, List<String> inputs, List<String> outputs, Function<Path, T> work) {
        if (MakeSafe.isSafe(folder.toAbsolutePath().normalize().toString())) {
            return work.apply(folder);
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("pmlp-tools-");
        } catch (IOException e) {
            throw new ToolFailure("cannot create a scratch folder for the tools: " + e.getMessage());
        }
        try {
            for (String file : inputs) {
                copy(folder.resolve(file), scratch.resolve(file));
            }
            try {
                return work.apply(scratch);
            } finally {
                for (String file : outputs) {
                    if (Files.exists(scratch.resolve(file))) {
                        copy(scratch.resolve(file), folder.resolve(file));
                    }
                }
            }
        } finally {
            Files2.deleteTree(scratch);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ToolFailure("cannot copy " + from + " to " + to + ": " + e.getMessage());
        }
    }
}
