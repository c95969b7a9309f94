package org.pmlp.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.pmlp.UserError;
import org.pmlp.util.Files2;

/**
 * The layout of a design folder, and how one comes into being: everything is written into a
 * hidden sibling folder that is renamed into place only when complete, so an interrupted or
 * failed run never leaves a folder that looks finished.
 */
public final class DesignFolder {
    /** Marks a folder as pmlp's, so a later run may replace it. */
    public static final String MARKER = "config.json";

    private final Path dir;

    public DesignFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path verilog() {
        return dir.resolve("rtl/top.v");
    }

    public Path harness() {
        return dir.resolve("sim/harness.cpp");
    }

    public Path vectorsHex() {
        return dir.resolve("sim/vectors.hex");
    }

    public Path expected() {
        return dir.resolve("sim/expected.txt");
    }

    public Path predictions() {
        return dir.resolve("sim/predictions.txt");
    }

    public Path vectorsCsv() {
        return dir.resolve("data/vectors.csv");
    }

    public Path config() {
        return dir.resolve(MARKER);
    }

    public Path model() {
        return dir.resolve("model.json");
    }

    public Path design() {
        return dir.resolve("design.json");
    }

    public Path netlist() {
        return dir.resolve("synth/netlist.v");
    }

    public Path stat() {
        return dir.resolve("synth/stat.txt");
    }

    public Path yosysLog() {
        return dir.resolve("synth/yosys.log");
    }

    public Path reportJson() {
        return dir.resolve("report.json");
    }

    public Path reportMd() {
        return dir.resolve("report.md");
    }

    /** Checks the folder exists and was made by pmlp. */
    public DesignFolder requireExisting() {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": no such design folder (make one with pmlp generate)");
        }
        if (!Files.exists(design()) || !Files.exists(verilog())) {
            throw new UserError(dir + ": not a pmlp design folder (no design.json or rtl/top.v)");
        }
        return this;
    }

    /** A fresh hidden staging folder beside the target. */
    public static Path stage(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        refuseForeign(abs);
        try {
            Files.createDirectories(abs.getParent());
            return Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".partial-");
        } catch (IOException e) {
            throw new UserError(target + ": cannot create the design folder: " + e.getMessage());
        }
    }

    /** Moves a completed staging folder into place, replacing an earlier pmlp folder there. */
    public static void publish(Path staged, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        refuseForeign(abs);
        try {
            Path old = null;
            if (Files.exists(abs)) {
                old = abs.resolveSibling("." + abs.getFileName() + ".old-" + System.nanoTime());
                Files2.move(abs, old);
            }
            Files2.move(staged, abs);
            if (old != null) {
                Files2.deleteTree(old);
            }
        } catch (IOException e) {
            throw new UserError(target + ": cannot move the finished design into place: " + e.getMessage());
        }
    }

    /** Discards a staging folder after a failure. */
    public static void discard(Path staged) {
        try {
            Files2.deleteTree(staged);
        } catch (RuntimeException e) {
            // Best effort: the folder is hidden and marked partial.
        }
    }

    private static void refuseForeign(Path abs) {
        if (!Files.exists(abs)) {
            return;
        }
        if (!Files.isDirectory(abs)) {
            throw new UserError(abs + ": exists and is not a folder");
        }
        try (Stream<Path> s = Files.list(abs)) {
            boolean empty = s.findAny().isEmpty();
            if (!empty && !Files.exists(abs.resolve(MARKER)) && !Files.exists(abs.resolve("pareto.csv"))
                    && !Files.exists(abs.resolve("summary.csv"))) {
                throw new UserError(abs + ": exists and is not a pmlp output folder; refusing to replace it");
            }
        } catch (IOException e) {
            throw new UserError(abs + ": cannot be listed: " + e.getMessage());
        }
    }
}
