package org.pmlp.eda.netlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.BoolExpr;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.CompiledExpr;
import org.pmlp.eda.liberty.LeakageState;
import org.pmlp.eda.liberty.Pin;
import org.pmlp.eda.liberty.Sequential;

/**
 * A cell compiled for the cycle simulator: output functions in evaluation order, the
 * flip-flop's next state and asynchronous clear/preset, and the leakage {@code when}s.
 * Built once per cell type; rejects what a feed-forward cycle simulation cannot model.
 */
final class CellModel {
    final Cell cell;
    final int[] inputPins;
    final int[] outputPins;          // pins computed by a function, in dependency order
    final CompiledExpr[] outputFunctions;
    final boolean flipFlop;
    final int clockPin;              // -1 for combinational cells
    final CompiledExpr data;
    final CompiledExpr clear;        // null if none
    final CompiledExpr preset;       // null if none
    final int stateSlot;
    final int invertedSlot;          // -1 if the library names no complement
    final CompiledExpr[] leakageWhen;
    final boolean leakageReadsClock; // some when reads the clock pin: evaluate with it low and high
    final CompiledExpr[][] internalWhen; // [pin][case of Pin.internalPower()]; null = always
    final int stackDepth;

    private CellModel(Cell cell, int[] inputPins, int[] outputPins, CompiledExpr[] outputFunctions, int clockPin,
                      CompiledExpr data, CompiledExpr clear, CompiledExpr preset, int stateSlot, int invertedSlot,
                      CompiledExpr[] leakageWhen, boolean leakageReadsClock) {
        this.cell = cell;
        this.inputPins = inputPins;
        this.outputPins = outputPins;
        this.outputFunctions = outputFunctions;
        this.flipFlop = clockPin >= 0;
        this.clockPin = clockPin;
        this.data = data;
        this.clear = clear;
        this.preset = preset;
        this.stateSlot = stateSlot;
        this.invertedSlot = invertedSlot;
        this.leakageWhen = leakageWhen;
        this.leakageReadsClock = leakageReadsClock;
        this.internalWhen = new CompiledExpr[cell.pins().size()][];
        for (int p = 0; p < internalWhen.length; p++) {
            internalWhen[p] = cell.pins().get(p).internalPower().stream()
                    .map(ip -> ip.when() == null ? null : cell.compile(ip.when()))
                    .toArray(CompiledExpr[]::new);
        }
        int depth = 1;
        List<CompiledExpr> all = new ArrayList<>(List.of(outputFunctions));
        all.addAll(List.of(leakageWhen));
        for (CompiledExpr e : new CompiledExpr[] {data, clear, preset}) {
            if (e != null) {
                all.add(e);
            }
        }
        for (CompiledExpr[] cases : internalWhen) {
            for (CompiledExpr e : cases) {
                if (e != null) {
                    all.add(e);
                }
            }
        }
        for (CompiledExpr e : all) {
            depth = Math.max(depth, e.stackDepth());
        }
        this.stackDepth = depth;
    }

    /** Compiles the cell; {@code where} ("FILE:LINE: instance X") prefixes the rejection message. */
    static CellModel of(Cell cell, String where) {
        if (cell.isLatch()) {
            throw new UserError(where + ": expected combinational cells and edge-triggered flip-flops (ff groups), got "
                    + cell.name() + ", which the library describes as a latch; the cycle simulator does not model latches");
        }
        if (cell.hasThreeStateOutput()) {
            throw new UserError(where + ": expected cells with two-state outputs, got three-state cell " + cell.name());
        }
        List<Pin> pins = cell.pins();
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).isInput()) {
                inputs.add(i);
            } else if (pins.get(i).isOutput() && pins.get(i).function() == null) {
                throw new UserError(where + ": expected a function on output " + pins.get(i).name() + " of "
                        + cell.name() + ", got none");
            }
        }
        int[] order = functionOrder(cell, where);
        CompiledExpr[] functions = new CompiledExpr[order.length];
        for (int k = 0; k < order.length; k++) {
            functions[k] = cell.compile(pins.get(order[k]).function());
        }
        int clockPin = -1;
        CompiledExpr data = null;
        CompiledExpr clear = null;
        CompiledExpr preset = null;
        int stateSlot = -1;
        int invertedSlot = -1;
        if (cell.isFlipFlop()) {
            Sequential ff = cell.sequential().orElseThrow();
            if (!(ff.clock() instanceof BoolExpr.Var v) || cell.pinIndex(v.name()) < 0) {
                throw new UserError(where + ": expected a flip-flop clocked on the rising edge of one pin, got "
                        + cell.name() + " clocked_on " + ff.clock());
            }
            clockPin = cell.pinIndex(((BoolExpr.Var) ff.clock()).name());
            Set<String> stateNames = Set.of(ff.state(), ff.inverted());
            for (BoolExpr e : new BoolExpr[] {ff.data(), ff.clear(), ff.preset()}) {
                if (e != null && e.variables().stream().anyMatch(stateNames::contains)) {
                    throw new UserError(where + ": expected a flip-flop whose next state does not read its own state, got "
                            + cell.name() + " (" + e + ")");
                }
            }
            data = cell.compile(ff.data());
            clear = ff.clear() == null ? null : cell.compile(ff.clear());
            preset = ff.preset() == null ? null : cell.compile(ff.preset());
            stateSlot = cell.variables().indexOf(ff.state());
            invertedSlot = ff.inverted().isEmpty() ? -1 : cell.variables().indexOf(ff.inverted());
        }
        List<LeakageState> states = cell.leakageStates();
        CompiledExpr[] when = new CompiledExpr[states.size()];
        boolean readsClock = false;
        for (int s = 0; s < when.length; s++) {
            when[s] = cell.compile(states.get(s).when());
            readsClock |= clockPin >= 0 && states.get(s).when().variables().contains(pins.get(clockPin).name());
        }
        return new CellModel(cell, inputs.stream().mapToInt(Integer::intValue).toArray(), order, functions, clockPin,
                data, clear, preset, stateSlot, invertedSlot, when, readsClock);
    }

    /** Non-input pins with a function, ordered so a function reading another such pin comes after it. */
    private static int[] functionOrder(Cell cell, String where) {
        List<Pin> pins = cell.pins();
        List<Integer> order = new ArrayList<>();
        Set<Integer> done = new HashSet<>();
        Set<Integer> visiting = new HashSet<>();
        for (int i = 0; i < pins.size(); i++) {
            visit(cell, i, order, done, visiting, where);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void visit(Cell cell, int pin, List<Integer> order, Set<Integer> done, Set<Integer> visiting,
                              String where) {
        Pin p = cell.pins().get(pin);
        if (p.isInput() || p.function() == null || done.contains(pin)) {
            return;
        }
        if (!visiting.add(pin)) {
            throw new UserError(where + ": expected acyclic pin functions in " + cell.name() + ", got a loop through " + p.name());
        }
        for (String v : p.function().variables()) {
            int other = cell.pinIndex(v);
            if (other >= 0) {
                visit(cell, other, order, done, visiting, where);
            }
        }
        visiting.remove(pin);
        done.add(pin);
        order.add(pin);
    }
}
