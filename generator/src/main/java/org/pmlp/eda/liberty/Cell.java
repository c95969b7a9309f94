package org.pmlp.eda.liberty;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One library cell. Expressions (functions, {@code when}, next state) name the cell's pins and,
 * for sequential cells, its state variables; {@link #variables()} fixes one slot per name so
 * they compile to {@link CompiledExpr}s over a shared array.
 */
public final class Cell {
    private final String name;
    private final int line;
    private final double area;
    private final double cellLeakagePower;
    private final double defaultLeakage;
    private final List<LeakageState> leakageStates;
    private final List<Pin> pins;
    private final Sequential sequential;
    private final boolean dontUse;
    private final List<String> variables;

    Cell(String name, int line, double area, double cellLeakagePower, double defaultLeakage,
         List<LeakageState> leakageStates, List<Pin> pins, Sequential sequential, boolean dontUse) {
        this.name = name;
        this.line = line;
        this.area = area;
        this.cellLeakagePower = cellLeakagePower;
        this.defaultLeakage = defaultLeakage;
        this.leakageStates = List.copyOf(leakageStates);
        this.pins = List.copyOf(pins);
        this.sequential = sequential;
        this.dontUse = dontUse;
        List<String> vars = new ArrayList<>(pins.stream().map(Pin::name).toList());
        if (sequential != null) {
            vars.add(sequential.state());
            if (!sequential.inverted().isEmpty()) {
                vars.add(sequential.inverted());
            }
        }
        this.variables = Collections.unmodifiableList(vars);
    }

    public String name() {
        return name;
    }

    /** Line of the cell group in the liberty file. */
    public int line() {
        return line;
    }

    /** Area in library area units (conventionally um^2); 0 if the library gives none. */
    public double area() {
        return area;
    }

    /** {@code cell_leakage_power}, or NaN when absent. */
    public double cellLeakagePower() {
        return cellLeakagePower;
    }

    /**
     * Leakage to use when no {@code when} state holds: the {@code leakage_power} group without
     * {@code when} (summed over pg pins), else {@code cell_leakage_power}, else the library's
     * {@code default_cell_leakage_power}, else 0.
     */
    public double defaultLeakage() {
        return defaultLeakage;
    }

    /** State-dependent leakage, one entry per distinct {@code when}, in file order. */
    public List<LeakageState> leakageStates() {
        return leakageStates;
    }

    public List<Pin> pins() {
        return pins;
    }

    public Optional<Pin> pin(String pinName) {
        return pins.stream().filter(p -> p.name().equals(pinName)).findFirst();
    }

    /** Index of the pin in {@link #pins()} (and its slot in {@link #variables()}), or -1. */
    public int pinIndex(String pinName) {
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).name().equals(pinName)) {
                return i;
            }
        }
        return -1;
    }

    /** The ff or latch, if the cell has one. */
    public Optional<Sequential> sequential() {
        return Optional.ofNullable(sequential);
    }

    public boolean isFlipFlop() {
        return sequential != null && sequential.isFlipFlop();
    }

    public boolean isLatch() {
        return sequential != null && !sequential.isFlipFlop();
    }

    /** {@code dont_use : true}: synthesis must not pick this cell. */
    public boolean dontUse() {
        return dontUse;
    }

    /** True if some output is three-state (has a {@code three_state} condition), as TSBUF. */
    public boolean hasThreeStateOutput() {
        return pins.stream().anyMatch(p -> p.threeState() != null);
    }

    /** Evaluation slots: the pins in order, then the state variables (IQ, IQN) of a sequential cell. */
    public List<String> variables() {
        return variables;
    }

    /** Compiles an expression of this cell against {@link #variables()}. */
    public CompiledExpr compile(BoolExpr e) {
        return e.compile(variables);
    }

    @Override
    public String toString() {
        return name;
    }
}
