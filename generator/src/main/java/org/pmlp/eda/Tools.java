package org.pmlp.eda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the external tools pmlp drives and their versions. */
public final class Tools {
    /** One tool: its command, what prints its version, the Debian package that brings it. */
    public record Tool(String command, List<String> versionArgs, String debianPackage, String purpose) {
    }

    /** What was found of a tool. */
    public record Found(Tool tool, Path path, String version) {
        public boolean present() {
            return path != null;
        }
    }

    public static final List<Tool> REQUIRED = List.of(
            new Tool("yosys", List.of("-V"), "yosys", "synthesis onto the cell library (area)"),
            new Tool("yosys-abc", List.of("-q", "version"), "yosys", "netlist equivalence proofs (ABC cec and dsec)"),
            new Tool("verilator", List.of("--version"), "verilator", "cycle-accurate co-simulation"),
            new Tool("iverilog", List.of("-V"), "iverilog", "second, independent Verilog check"),
            new Tool("make", List.of("--version"), "make", "design folder flows"),
            new Tool("g++", List.of("--version"), "g++", "compiling the Verilator harness"),
            new Tool("sta", List.of("-version"), "opensta", "static timing of the netlist (OpenSTA)"));

    private Tools() {
    }

    public static Path which(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, command);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    public static Found find(Tool t) {
        Path p = which(t.command());
        if (p == null) {
            return new Found(t, null, null);
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(p.toString());
        cmd.addAll(t.versionArgs());
        String version;
        try {
            ToolRunner.Result r = ToolRunner.runAllowingFailure(cmd, null, 30);
            version = firstVersionLine(r.output());
        } catch (RuntimeException e) {
            version = "unknown (" + e.getMessage() + ")";
        }
        return new Found(t, p, version);
    }

    public static List<Found> findAll() {
        List<Found> out = new ArrayList<>();
        for (Tool t : REQUIRED) {
            out.add(find(t));
        }
        return out;
    }

    /** The packages to install for the missing tools. */
    public static List<String> missingPackages(List<Found> found) {
        List<String> pk = new ArrayList<>();
        for (Found f : found) {
            if (!f.present() && !pk.contains(f.tool().debianPackage())) {
                pk.add(f.tool().debianPackage());
            }
        }
        return pk;
    }

    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+[\\w.\\-]*");

    static String firstVersionLine(String output) {
        for (String line : output.split("\n")) {
            Matcher m = VERSION.matcher(line);
            if (m.find()) {
                return line.strip();
            }
        }
        return output.strip().isEmpty() ? "unknown" : output.strip().split("\n")[0];
    }

    /** A one-line version string for reports, e.g. "Yosys 0.23 (git sha1 ...)". */
    public static String version(String command) {
        for (Tool t : REQUIRED) {
            if (t.command().equals(command)) {
                Found f = find(t);
                return f.present() ? f.version() : "missing";
            }
        }
        return "unknown";
    }
}
