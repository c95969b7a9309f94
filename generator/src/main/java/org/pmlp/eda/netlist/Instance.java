package org.pmlp.eda.netlist;

import org.pmlp.eda.liberty.Cell;

/** A cell instance; pins are numbered as in {@link Cell#pins()}. */
public final class Instance {
    /** Net id of a pin left unconnected. */
    public static final int UNCONNECTED = -1;

    private final String name;
    private final Cell cell;
    private final int[] pinNets;

    Instance(String name, Cell cell, int[] pinNets) {
        this.name = name;
        this.cell = cell;
        this.pinNets = pinNets.clone();
    }

    public String name() {
        return name;
    }

    public Cell cell() {
        return cell;
    }

    /** Net on pin {@code pin} (index into the cell's pins), or {@link #UNCONNECTED}. */
    public int net(int pin) {
        return pinNets[pin];
    }

    @Override
    public String toString() {
        return cell.name() + " " + name;
    }
}
