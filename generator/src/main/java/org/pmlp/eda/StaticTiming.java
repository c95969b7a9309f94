package org.pmlp.eda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.pmlp.ToolFailure;

/**
 * Static timing of a design folder's synthesized netlist with OpenSTA ({@code sta}), through
 * the folder's flows/sta.tcl: the sign-off timing of pmlp's reports. A library without delay
 * tables cannot be timed: {@link #hasDelays} says so before any run, and callers report timing
 * as unavailable, never as 0.
 */
public final class StaticTiming {
    /** The OpenSTA command (Debian package opensta). */
    public static final String TOOL = "sta";

    private StaticTiming() {
    }

    /** True when the liberty text has delay tables (OpenSTA needs them, and the thresholds, to time). */
    public static boolean hasDelays(String libertyText) {
        return libertyText.contains("cell_rise") || libertyText.contains("cell_fall")
                || libertyText.contains("intrinsic_rise");
    }

    /**
     * Times {@code folder}'s synth/netlist.v at {@code clockHz} with the library at
     * {@code libraryInFolder} (a path relative to the folder, written by pmlp, so no user
     * string reaches the Tcl); the run's script and report go to sta/{@code name}.tcl and .txt.
     */
    public static StaReport run(Path folder, String libraryInFolder, double clockHz, String name, long timeoutSeconds) {
        if (!libraryInFolder.matches("[A-Za-z0-9._/+-]+")) {
            throw new IllegalArgumentException("library path " + libraryInFolder + " is not a plain relative path");
        }
        Path dir = folder.resolve("sta");
        Path script = dir.resolve(name + ".tcl");
        Path report = dir.resolve(name + ".txt");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(report);
            Files.writeString(script, "# Written by pmlp: times the netlist with flows/sta.tcl (see there).\n"
                    + String.format(Locale.ROOT, "set pmlp_clock_hz %s%n", Double.toString(clockHz))
                    + "set pmlp_liberty {" + libraryInFolder + "}\n"
                    + "source flows/sta.tcl\n");
        } catch (IOException e) {
            throw new ToolFailure("cannot write " + script + ": " + e.getMessage());
        }
        ToolRunner.Result r = ToolRunner.run(List.of(TOOL, "-no_init", "-no_splash", "-exit", "sta/" + name + ".tcl"),
                folder, timeoutSeconds);
        try {
            Files.writeString(report, r.output());
        } catch (IOException e) {
            throw new ToolFailure("cannot write " + report + ": " + e.getMessage());
        }
        if (r.output().contains("Error:")) {
            throw new ToolFailure("OpenSTA failed on " + folder.resolve("synth/netlist.v") + ":\n"
                    + ToolRunner.tail(r.output(), 15));
        }
        return StaReport.parse(r.output());
    }
}
