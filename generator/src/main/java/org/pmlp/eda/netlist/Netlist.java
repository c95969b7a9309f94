package org.pmlp.eda.netlist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.CellLibrary;

/**
 * A flat gate-level netlist over one cell library. Nets are numbered densely; 0 and 1 are the
 * constants. Every net read by a cell or an output port has exactly one driver (an input port,
 * a cell output or a constant); {@code assign} aliases are already merged.
 */
public final class Netlist {
    public static final int CONST0 = 0;
    public static final int CONST1 = 1;
    /** {@link #driverInstance(int)} of a net driven by an input port. */
    public static final int PORT_DRIVEN = -2;
    /** {@link #driverInstance(int)} of a constant or undriven net. */
    public static final int NOT_DRIVEN = -1;

    private final String source;
    private final String moduleName;
    private final CellLibrary library;
    private final List<Port> ports;
    private final List<Instance> instances;
    private final String[] netNames;
    private final int[] driverInstance;
    private final int[] driverPin;

    Netlist(String source, String moduleName, CellLibrary library, List<Port> ports, List<Instance> instances,
            String[] netNames, int[] driverInstance, int[] driverPin) {
        this.source = source;
        this.moduleName = moduleName;
        this.library = library;
        this.ports = List.copyOf(ports);
        this.instances = List.copyOf(instances);
        this.netNames = netNames.clone();
        this.driverInstance = driverInstance.clone();
        this.driverPin = driverPin.clone();
    }

    /** Reads a netlist written by Yosys {@code write_json} (one flat module besides library blackboxes). */
    public static Netlist read(Path netlistJson, CellLibrary library) {
        String text;
        try {
            text = Files.readString(netlistJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot read netlist " + netlistJson + ": " + e.getMessage());
        }
        return parse(text, netlistJson.toString(), library);
    }

    /** Parses Yosys JSON netlist text; {@code source} names it in error messages. */
    public static Netlist parse(String text, String source, CellLibrary library) {
        return YosysJsonNetlist.parse(text, source, library);
    }

    /** The file (or name) it was read from, for messages. */
    public String source() {
        return source;
    }

    public String moduleName() {
        return moduleName;
    }

    public CellLibrary library() {
        return library;
    }

    /** Ports in module header order. */
    public List<Port> ports() {
        return ports;
    }

    public Optional<Port> port(String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Instances in the order Yosys writes them (by name). */
    public List<Instance> instances() {
        return instances;
    }

    /** Number of nets, including the two constants. */
    public int netCount() {
        return netNames.length;
    }

    /** A readable name of the net (a port bit if it is one, else a declared wire bit). */
    public String netName(int net) {
        return netNames[net];
    }

    /** Index of the instance driving the net, {@link #PORT_DRIVEN} or {@link #NOT_DRIVEN}. */
    public int driverInstance(int net) {
        return driverInstance[net];
    }

    /** Pin of {@link #driverInstance(int)} that drives the net (meaningless unless an instance drives it). */
    public int driverPin(int net) {
        return driverPin[net];
    }

    @Override
    public String toString() {
        return moduleName + " (" + instances.size() + " cells, " + source + ")";
    }
}
