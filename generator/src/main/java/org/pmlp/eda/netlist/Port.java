package org.pmlp.eda.netlist;

import java.util.Arrays;

/** A module port; {@link #net(int)} gives bit i (LSB first) as a net id of the {@link Netlist}. */
public final class Port {

    public enum Direction { INPUT, OUTPUT }

    private final String name;
    private final Direction direction;
    private final int[] nets;

    Port(String name, Direction direction, int[] nets) {
        this.name = name;
        this.direction = direction;
        this.nets = nets.clone();
    }

    public String name() {
        return name;
    }

    public Direction direction() {
        return direction;
    }

    public int width() {
        return nets.length;
    }

    /** Net of bit {@code bit} (0 = LSB); may be {@link Netlist#CONST0} or {@link Netlist#CONST1}. */
    public int net(int bit) {
        return nets[bit];
    }

    @Override
    public String toString() {
        return direction.name().toLowerCase() + " " + name + Arrays.toString(nets);
    }
}
