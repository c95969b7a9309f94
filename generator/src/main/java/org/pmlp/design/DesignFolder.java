package org.pmlp.design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.pmlp.UserError;
import org.pmlp.util.Files2;

/**
 * The layout of a design folder, and how one comes into being: everything is written into a
 * hidden sibling folder that is renamed into place only when complete, so an interrupted or
 * failed run never leaves a folder that looks finished.
 */
public final class DesignFolder {
    /**
     * Marks a folder as a pmlp design folder and lists the files pmlp wrote there, so a later run
     * replaces it only when it holds nothing else.
     */
    public static final String MARKER = ".pmlp-design";
    static final String MARKER_HEADER = "pmlp design folder; files written by pmlp:";
    static final String PARTIAL = ".partial-";
    static final String OLD = ".old-";

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
        return dir.resolve("config.json");
    }

    public Path model() {
        return dir.resolve("model.json");
    }

    public Path design() {
        return dir.resolve("design.json");
    }

    /** The synthesized netlist as Yosys JSON (what pmlp simulates; synth/netlist.v is for OpenSTA and make). */
    public Path netlist() {
        return dir.resolve("synth/netlist.json");
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

    /** A fresh hidden staging folder beside the target (with the umask's mode). */
    public static Path stage(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        refuseForeign(abs);
        try {
            Files.createDirectories(abs.getParent());
            return Files2.createUniqueFolder(abs.getParent(), "." + abs.getFileName() + PARTIAL);
        } catch (IOException e) {
            throw new UserError(target + ": cannot create the design folder: " + e.getMessage());
        }
    }

    /**
     * Moves a completed staging folder into place, replacing an earlier pmlp design folder there.
     * The staged folder's files are listed in its marker first, so a later run can tell them from
     * files someone else put there.
     */
    public static void publish(Path staged, Path target) {
        Path abs = target.toAbsolutePath().normalize();
        writeMarker(staged);
        refuseForeign(abs);
        try {
            Path old = null;
            if (Files.exists(abs)) {
                old = abs.resolveSibling("." + abs.getFileName() + OLD + System.nanoTime());
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

    /**
     * A finished design folder copied to {@code target} (staged, then published like any design
     * folder): a verified design another run folder should hold without running its tools again.
     */
    public static void copy(Path from, Path target) {
        Path staged = stage(target);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path to = staged.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            discard(staged);
            throw new UserError(from + ": cannot copy the design folder to " + target + ": " + e.getMessage());
        }
        publish(staged, target);
    }

    /** Discards a staging folder after a failure. */
    public static void discard(Path staged) {
        try {
            Files2.deleteTree(staged);
        } catch (RuntimeException e) {
            // Best effort: the folder is hidden and marked partial.
        }
    }

    /**
     * Removes what interrupted runs left in {@code parent}: hidden staging folders
     * ({@code .NAME.partial-*}) and replaced folders not yet deleted ({@code .NAME.old-*}).
     * Only call it when no other run writes into {@code parent}. Returns how many were removed.
     */
    public static int removeLeftovers(Path parent) {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(parent)) {
            stale = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && (n.contains(PARTIAL) || n.contains(OLD)) && Files.isDirectory(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UserError(parent + ": cannot be listed: " + e.getMessage());
        }
        for (Path p : stale) {
            Files2.deleteTree(p);
        }
        return stale.size();
    }

    /** Lists every file of a finished folder in its marker (sorted, so the marker is deterministic). */
    static void writeMarker(Path folder) {
        List<String> files = relativeFiles(folder);
        files.remove(MARKER);
        StringBuilder sb = new StringBuilder(MARKER_HEADER).append('\n');
        for (String f : files) {
            sb.append(f).append('\n');
        }
        Files2.write(folder.resolve(MARKER), sb.toString());
    }

    /**
     * Refuses to replace a folder that is not an empty folder or a pmlp design folder holding only
     * what pmlp wrote (the files in its marker, and what {@code make sim}, {@code make synth} and
     * {@code pmlp simulate|synth} make there). Exit 2, naming the first foreign file.
     */
    static void refuseForeign(Path abs) {
        if (!Files.exists(abs)) {
            return;
        }
        if (!Files.isDirectory(abs)) {
            throw new UserError(abs + ": exists and is not a folder; refusing to replace it");
        }
        List<String> present = relativeFiles(abs);
        if (present.isEmpty()) {
            return;
        }
        Path marker = abs.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            throw new UserError(abs + ": exists and is not a pmlp design folder (no " + MARKER + "); refusing to"
                    + " replace it (choose another -o, or move its files away)");
        }
        List<String> lines = Files2.read(marker).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(MARKER_HEADER)) {
            throw new UserError(marker + ": not a pmlp design marker; refusing to replace " + abs);
        }
        Set<String> ours = new HashSet<>(lines.subList(1, lines.size()));
        ours.add(MARKER);
        for (String f : present) {
            if (!ours.contains(f) && !madeByTools(f)) {
                throw new UserError(abs + ": holds " + f + ", which pmlp did not write; refusing to replace the folder"
                        + " (move that file away, or choose another -o)");
            }
        }
    }

    /** Files made later in a design folder by its Makefile or by pmlp simulate/synth (see design.mk's clean rule). */
    static boolean madeByTools(String relative) {
        return relative.startsWith("sim/obj_dir/") || relative.equals("sim/predictions.txt")
                || relative.startsWith("synth/") || relative.startsWith("sta/") || relative.startsWith("equiv/")
                || relative.startsWith("reference/") || relative.equals("report.json") || relative.equals("report.md");
    }

    /** Every regular file and link under {@code root}, as sorted '/'-separated relative paths; empty folders count too. */
    private static List<String> relativeFiles(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(p -> {
                boolean emptyDir = false;
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> c = Files.list(p)) {
                        emptyDir = c.findAny().isEmpty();
                    } catch (IOException e) {
                        throw new UserError(p + ": cannot be listed: " + e.getMessage());
                    }
                    if (!emptyDir) {
                        return;
                    }
                }
                StringBuilder rel = new StringBuilder();
                for (Path part : root.relativize(p)) {
                    rel.append(rel.length() == 0 ? "" : "/").append(part);
                }
                out.add(emptyDir ? rel + "/" : rel.toString());
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError(root + ": cannot be listed: " + e.getMessage());
        }
        java.util.Collections.sort(out);
        return out;
    }
}
