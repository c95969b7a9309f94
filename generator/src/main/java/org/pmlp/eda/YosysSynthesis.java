package org.pmlp.eda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmlp.ToolFailure;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.liberty.LibertyRepair;
import org.pmlp.util.Files2;

/**
 * Maps a design folder's RTL onto a cell library with Yosys, through the folder's Makefile and
 * {@code flows/synth.ys}, and reads the area and cell counts Yosys reports.
 */
public final class YosysSynthesis {
    /**
     * Area in the library's units (um^2 by convention), cells per type, and the library as
     * mapped (after {@link LibertyRepair}, with a note per repair).
     */
    public record Result(double areaUm2, Map<String, Integer> cells, double seconds, CellLibrary library,
                         List<String> repairs) {
        public double areaCm2() {
            return areaUm2 / 1e8;
        }
    }

    private static final Pattern AREA = Pattern.compile("Chip area for module .*?:\\s*([0-9.eE+-]+)");
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    private YosysSynthesis() {
    }

    public static Result run(Path folder, Path liberty, long timeoutSeconds) {
        Library lib = prepareLibrary(folder, liberty);
        ToolRunner.Result r;
        try {
            // Yosys maps onto the folder's own copy (synth/cells.lib, written above), so neither
            // make nor a shell ever sees the user's path, which may hold any character.
            r = SafeWorkspace.run(folder, List.of("Makefile", "flows/design.mk", "flows/synth.ys", "flows/abc.script",
                    "rtl/top.v", "synth/cells.lib"), List.of("synth/netlist.v", "synth/netlist.json", "synth/stat.txt",
                    "synth/yosys.log"),
                    work -> ToolRunner.run(List.of("make", "--no-print-directory", "synth",
                            "LIBERTY=synth/cells.lib", "TIMEOUT=" + timeoutSeconds), work, timeoutSeconds));
        } catch (ToolFailure e) {
            throw new ToolFailure("Yosys synthesis failed: " + e.getMessage() + logTail(folder));
        }
        return readResult(folder, r.seconds(), lib);
    }

    /** The library as Yosys will map onto it (repaired), and the notes of the repairs. */
    public record Library(CellLibrary library, List<String> repairs) {
    }

    /**
     * The part of {@link #run} before Yosys: reads and repairs the library, removes the previous
     * run's outputs, and writes the library as the folder's synth/cells.lib, so {@code make synth}
     * can then run anywhere (a batch job).
     */
    public static Library prepareLibrary(Path folder, Path liberty) {
        String text;
        try {
            text = Files.readString(liberty);
        } catch (IOException e) {
            throw new UserError(liberty + ": cannot read the liberty file: " + e.getMessage());
        }
        // Parsing here also rejects a malformed library with its file and line, before Yosys sees it.
        LibertyRepair.Result repaired = LibertyRepair.repair(text, liberty.toString());
        CellLibrary library = CellLibrary.parse(repaired.text(), liberty.toString());
        try {
            // A failed run must not leave the previous run's results or log to be read as its own.
            for (String stale : new String[] {"synth/netlist.v", "synth/netlist.json", "synth/stat.txt", "synth/yosys.log"}) {
                Files.deleteIfExists(folder.resolve(stale));
            }
            Files2.deleteTree(folder.resolve("equiv"));
            Files.createDirectories(folder.resolve("synth"));
            Path view = folder.resolve("synth/cells.lib");
            Files.deleteIfExists(view);
            Files.writeString(view, repaired.text());
        } catch (IOException e) {
            throw new ToolFailure("cannot prepare " + folder.resolve("synth") + ": " + e.getMessage());
        }
        return new Library(library, repaired.notes());
    }

    /** The part of {@link #run} after Yosys: area and cells from synth/stat.txt. */
    public static Result readResult(Path folder, double seconds, Library lib) {
        Path stat = folder.resolve("synth/stat.txt");
        return new Result(readArea(stat), readCells(stat), seconds, lib.library(), lib.repairs());
    }

    private static String logTail(Path folder) {
        try {
            Path log = folder.resolve("synth/yosys.log");
            return Files.exists(log) ? "\nlast lines of synth/yosys.log:\n" + ToolRunner.tail(Files.readString(log), 15) : "";
        } catch (IOException e) {
            return "";
        }
    }

    static double readArea(Path stat) {
        String text = read(stat);
        Matcher m = AREA.matcher(text);
        if (!m.find()) {
            if (text.matches("(?s).*Number of cells:\\s+0\\s.*")) {
                return 0; // everything folded to constants: Yosys prints no area line
            }
            throw new ToolFailure(stat + ": Yosys reported no chip area (does the liberty file give cell areas?)");
        }
        return Double.parseDouble(m.group(1));
    }

    /** Cell counts from the "Number of cells" block of {@code stat}. */
    static Map<String, Integer> readCells(Path stat) {
        Map<String, Integer> cells = new TreeMap<>();
        boolean inBlock = false;
        for (String line : read(stat).split("\n")) {
            if (line.contains("Number of cells")) {
                inBlock = true;
                continue;
            }
            if (inBlock) {
                Matcher m = CELL.matcher(line);
                if (m.matches()) {
                    cells.put(m.group(1), Integer.parseInt(m.group(2)));
                } else if (!line.isBlank()) {
                    break;
                } else if (!cells.isEmpty()) {
                    break;
                }
            }
        }
        return cells;
    }

    private static String read(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            throw new ToolFailure(stat + ": Yosys wrote no statistics: " + e.getMessage());
        }
    }
}
