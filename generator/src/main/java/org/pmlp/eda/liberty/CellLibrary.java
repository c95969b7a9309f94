package org.pmlp.eda.liberty;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The cells and units of one Liberty library, as far as area, power and logic simulation need them. */
public final class CellLibrary {
    private final String name;
    private final String source;
    private final LibraryUnits units;
    private final Map<String, Cell> cells;

    CellLibrary(String name, String source, LibraryUnits units, Map<String, Cell> cells) {
        this.name = name;
        this.source = source;
        this.units = units;
        this.cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** Reads a Liberty file; throws UserError naming file and line on malformed input. */
    public static CellLibrary read(Path libertyFile) {
        return CellLibraryReader.build(LibertyParser.read(libertyFile), libertyFile.toString());
    }

    /** Parses Liberty text; {@code source} names it in error messages. */
    public static CellLibrary parse(String text, String source) {
        return CellLibraryReader.build(LibertyParser.parse(text, source), source);
    }

    /** The library group's name. */
    public String name() {
        return name;
    }

    /** The file (or name) it was read from, for messages. */
    public String source() {
        return source;
    }

    public LibraryUnits units() {
        return units;
    }

    /** Cells in file order. */
    public Collection<Cell> cells() {
        return cells.values();
    }

    public Optional<Cell> cell(String cellName) {
        return Optional.ofNullable(cells.get(cellName));
    }

    @Override
    public String toString() {
        return name + " (" + cells.size() + " cells, " + source + ")";
    }
}
