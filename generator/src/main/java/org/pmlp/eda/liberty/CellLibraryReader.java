package org.pmlp.eda.liberty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pmlp.UserError;

/** Interprets a parsed {@code library} group as a {@link CellLibrary}. */
final class CellLibraryReader {
    private static final Pattern UNIT = Pattern.compile("\\s*([0-9.eE+-]+)\\s*([a-zA-Z]*)\\s*");
    private static final Map<String, Double> PREFIX = Map.of(
            "", 1.0, "k", 1e3, "m", 1e-3, "u", 1e-6, "n", 1e-9, "p", 1e-12, "f", 1e-15);

    private final String source;

    private CellLibraryReader(String source) {
        this.source = source;
    }

    static CellLibrary build(LibertyGroup library, String source) {
        return new CellLibraryReader(source).library(library);
    }

    private CellLibrary library(LibertyGroup lib) {
        if (!lib.type().equals("library")) {
            throw new UserError(at(lib.line()) + "expected a 'library' group, got '" + lib.type() + "'");
        }
        LibraryUnits units = new LibraryUnits(
                unit(lib, "leakage_power_unit", "W"),
                capacitanceUnit(lib),
                unit(lib, "time_unit", "s"),
                lib.attribute("voltage_unit").isPresent() ? unit(lib, "voltage_unit", "V") : 1.0,
                supplyVoltage(lib));
        double defaultLeakage = lib.attribute("default_cell_leakage_power").map(this::number).orElse(Double.NaN);
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (LibertyGroup g : lib.groups("cell")) {
            Cell cell = cell(g, defaultLeakage);
            if (cells.putIfAbsent(cell.name(), cell) != null) {
                throw new UserError(at(g.line()) + "expected a new cell name, got cell " + cell.name() + " again");
            }
        }
        return new CellLibrary(lib.name(), source, units, cells);
    }

    private Cell cell(LibertyGroup g, double libraryDefaultLeakage) {
        if (g.args().size() != 1) {
            throw new UserError(at(g.line()) + "expected one cell name, got (" + String.join(", ", g.args()) + ")");
        }
        String name = g.name();
        double area = g.attribute("area").map(this::number).orElse(0.0);
        double cellLeakage = g.attribute("cell_leakage_power").map(this::number).orElse(Double.NaN);

        // leakage_power groups: same 'when' summed over pg pins; the one without 'when' is the default
        Map<String, Double> byWhen = new LinkedHashMap<>();
        Map<String, Integer> whenLine = new LinkedHashMap<>();
        for (LibertyGroup lp : g.groups("leakage_power")) {
            double value = lp.attribute("value").map(this::number)
                    .orElseThrow(() -> new UserError(at(lp.line()) + "expected 'value' in leakage_power, got none"));
            String when = lp.value("when") == null ? "" : lp.value("when").trim();
            byWhen.merge(when, value, Double::sum);
            whenLine.putIfAbsent(when, lp.attribute("when").map(LibertyAttribute::line).orElse(lp.line()));
        }
        List<LeakageState> states = new ArrayList<>();
        byWhen.forEach((when, value) -> {
            if (!when.isEmpty()) {
                states.add(new LeakageState(BoolExpr.parse(when, source + ":" + whenLine.get(when)), value));
            }
        });
        double defaultLeakage = byWhen.containsKey("") ? byWhen.get("")
                : !Double.isNaN(cellLeakage) ? cellLeakage
                : !Double.isNaN(libraryDefaultLeakage) ? libraryDefaultLeakage : 0.0;

        List<Pin> pins = new ArrayList<>();
        for (LibertyGroup pg : g.groups("pin")) {
            for (String pinName : pg.args()) {
                if (pins.stream().anyMatch(p -> p.name().equals(pinName))) {
                    throw new UserError(at(pg.line()) + "expected a new pin name in cell " + name + ", got " + pinName + " again");
                }
                pins.add(pin(pg, pinName));
            }
        }
        Sequential seq = sequential(g, name);
        boolean dontUse = "true".equalsIgnoreCase(g.value("dont_use"));
        Cell cell = new Cell(name, g.line(), area, cellLeakage, defaultLeakage, states, pins, seq, dontUse);
        checkNames(cell, g);
        return cell;
    }

    private Pin pin(LibertyGroup pg, String name) {
        String dir = pg.value("direction");
        if (dir == null) {
            throw new UserError(at(pg.line()) + "expected 'direction' in pin " + name + ", got none");
        }
        PinDirection direction = switch (dir.toLowerCase(Locale.ROOT)) {
            case "input" -> PinDirection.INPUT;
            case "output" -> PinDirection.OUTPUT;
            case "inout" -> PinDirection.INOUT;
            case "internal" -> PinDirection.INTERNAL;
            default -> throw new UserError(at(pg.attribute("direction").get().line())
                    + "expected direction input, output, inout or internal, got '" + dir + "'");
        };
        BoolExpr function = expr(pg, "function");
        BoolExpr threeState = expr(pg, "three_state");
        double cap = pg.attribute("capacitance").map(this::number).orElse(0.0);
        boolean clock = "true".equalsIgnoreCase(pg.value("clock"));
        return new Pin(name, direction, function, threeState, cap, clock, internalPower(pg));
    }

    /** One {@link InternalPower} per distinct {@code when}; see there for the simplification. */
    private List<InternalPower> internalPower(LibertyGroup pin) {
        Map<String, Map<String, Double>> byWhen = new LinkedHashMap<>(); // when -> related pin -> sum over pg pins
        Map<String, Integer> whenLine = new LinkedHashMap<>();
        for (LibertyGroup ip : pin.groups("internal_power")) {
            double sum = 0;
            int tables = 0;
            for (LibertyGroup table : ip.groups()) {
                if (table.type().equals("rise_power") || table.type().equals("fall_power") || table.type().equals("power")) {
                    sum += tableMean(table);
                    tables++;
                }
            }
            if (tables > 0) {
                String when = ip.value("when") == null ? "" : ip.value("when").trim();
                String related = ip.value("related_pin") == null ? "" : ip.value("related_pin").trim();
                byWhen.computeIfAbsent(when, w -> new LinkedHashMap<>()).merge(related, sum / tables, Double::sum);
                whenLine.putIfAbsent(when, ip.attribute("when").map(LibertyAttribute::line).orElse(ip.line()));
            }
        }
        List<InternalPower> out = new ArrayList<>();
        byWhen.forEach((when, perRelated) -> out.add(new InternalPower(
                when.isEmpty() ? null : BoolExpr.parse(when, source + ":" + whenLine.get(when)),
                perRelated.values().stream().mapToDouble(Double::doubleValue).average().orElse(0))));
        return out;
    }

    private double tableMean(LibertyGroup table) {
        LibertyAttribute values = table.attribute("values").orElseThrow(
                () -> new UserError(at(table.line()) + "expected 'values' in " + table.type() + ", got none"));
        double sum = 0;
        int n = 0;
        for (String row : values.values()) {
            for (String item : row.split("[,\\s]+")) {
                if (!item.isEmpty()) {
                    sum += number(item, values.line(), "a number in the table");
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new UserError(at(values.line()) + "expected numbers in 'values', got none");
        }
        return sum / n;
    }

    private Sequential sequential(LibertyGroup cell, String cellName) {
        List<LibertyGroup> ffs = cell.groups("ff");
        List<LibertyGroup> latches = cell.groups("latch");
        if (ffs.size() + latches.size() > 1) {
            throw new UserError(at(cell.line()) + "expected at most one ff or latch group in cell " + cellName
                    + ", got " + (ffs.size() + latches.size()));
        }
        if (ffs.isEmpty() && latches.isEmpty()) {
            return null;
        }
        boolean ff = !ffs.isEmpty();
        LibertyGroup g = ff ? ffs.get(0) : latches.get(0);
        if (g.args().isEmpty() || g.args().size() > 2) {
            throw new UserError(at(g.line()) + "expected " + g.type() + " (IQ, IQN), got (" + String.join(", ", g.args()) + ")");
        }
        String dataAttr = ff ? "next_state" : "data_in";
        String clockAttr = ff ? "clocked_on" : "enable";
        BoolExpr data = expr(g, dataAttr);
        BoolExpr clock = expr(g, clockAttr);
        if (data == null || clock == null) {
            throw new UserError(at(g.line()) + "expected '" + dataAttr + "' and '" + clockAttr + "' in " + g.type()
                    + " of cell " + cellName + ", got " + (data == null ? "no " + dataAttr : "no " + clockAttr));
        }
        return new Sequential(ff ? Sequential.Kind.FLIP_FLOP : Sequential.Kind.LATCH, g.args().get(0),
                g.args().size() > 1 ? g.args().get(1) : "", data, clock, expr(g, "clear"), expr(g, "preset"));
    }

    /** Every name an expression of the cell uses must be one of its pins or state variables. */
    private void checkNames(Cell cell, LibertyGroup g) {
        List<BoolExpr> all = new ArrayList<>();
        cell.leakageStates().forEach(s -> all.add(s.when()));
        for (Pin p : cell.pins()) {
            if (p.function() != null) {
                all.add(p.function());
            }
            if (p.threeState() != null) {
                all.add(p.threeState());
            }
            p.internalPower().stream().filter(ip -> ip.when() != null).forEach(ip -> all.add(ip.when()));
        }
        cell.sequential().ifPresent(s -> {
            all.add(s.data());
            all.add(s.clock());
            if (s.clear() != null) {
                all.add(s.clear());
            }
            if (s.preset() != null) {
                all.add(s.preset());
            }
        });
        for (BoolExpr e : all) {
            for (String v : e.variables()) {
                if (!cell.variables().contains(v)) {
                    throw new UserError(at(g.line()) + "expected pin or state names of cell " + cell.name() + " "
                            + cell.variables() + " in its expressions, got '" + v + "'");
                }
            }
        }
    }

    private BoolExpr expr(LibertyGroup g, String attribute) {
        return g.attribute(attribute)
                .map(a -> BoolExpr.parse(a.value(), source + ":" + a.line()))
                .orElse(null);
    }

    private double unit(LibertyGroup lib, String attribute, String base) {
        return lib.attribute(attribute).map(a -> {
            Matcher m = UNIT.matcher(a.value());
            String suffix = m.matches() ? m.group(2) : "";
            if (m.matches() && suffix.endsWith(base) && PREFIX.containsKey(prefixOf(suffix, base))) {
                return number(m.group(1), a.line(), attribute) * PREFIX.get(prefixOf(suffix, base));
            }
            throw new UserError(at(a.line()) + "expected " + attribute + " like \"1n" + base + "\", got \"" + a.value() + "\"");
        }).orElse(Double.NaN);
    }

    private static String prefixOf(String suffix, String base) {
        return suffix.substring(0, suffix.length() - base.length());
    }

    private double capacitanceUnit(LibertyGroup lib) {
        return lib.attribute("capacitive_load_unit").map(a -> {
            String unit = a.values().size() == 2 ? a.values().get(1).trim().toLowerCase(Locale.ROOT) : "";
            if (unit.length() == 2 && unit.endsWith("f") && PREFIX.containsKey(unit.substring(0, 1))) {
                return number(a.values().get(0).trim(), a.line(), "capacitive_load_unit") * PREFIX.get(unit.substring(0, 1));
            }
            throw new UserError(at(a.line()) + "expected capacitive_load_unit (1, pf) or (1, ff), got ("
                    + String.join(", ", a.values()) + ")");
        }).orElse(Double.NaN);
    }

    private double supplyVoltage(LibertyGroup lib) {
        if (lib.attribute("nom_voltage").isPresent()) {
            return number(lib.attribute("nom_voltage").get());
        }
        double max = Double.NaN;
        for (LibertyAttribute a : lib.attributes()) {
            if (a.name().equals("voltage_map") && a.values().size() == 2) {
                double v = number(a.values().get(1).trim(), a.line(), "voltage_map");
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        if (!Double.isNaN(max)) {
            return max;
        }
        return lib.groups("operating_conditions").stream()
                .flatMap(g -> g.attribute("voltage").stream())
                .map(this::number).findFirst().orElse(Double.NaN);
    }

    private double number(LibertyAttribute a) {
        return number(a.value(), a.line(), a.name());
    }

    private double number(String text, int line, String what) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new UserError(at(line) + "expected a number for " + what + ", got '" + text + "'");
        }
    }

    private String at(int line) {
        return source + ":" + line + ": ";
    }
}
