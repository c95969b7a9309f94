package org.pmlp.eda.netlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.liberty.Pin;

/**
 * Reads the netlist Yosys writes with {@code write_json} after technology mapping. Yosys has
 * already resolved every signal to numbered bits with aliases merged ({@code "0"}, {@code "1"}
 * are the constants), so what is left is naming nets, checking cells against the library and
 * checking that every read net has one driver. Library cells read with {@code read_liberty -lib}
 * appear as blackbox modules and are skipped; exactly one other (flat) module must remain.
 */
final class YosysJsonNetlist {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String source;
    private final CellLibrary library;
    /** Yosys bit number -> dense net id (0 and 1 are the constants). */
    private final Map<Integer, Integer> netOf = new HashMap<>();
    private final List<String> names = new ArrayList<>(List.of("1'b0", "1'b1"));
    private final List<Integer> nameRank = new ArrayList<>(List.of(0, 0));

    private YosysJsonNetlist(String source, CellLibrary library) {
        this.source = source;
        this.library = library;
    }

    static Netlist parse(String text, String source, CellLibrary library) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(source + ":" + e.getLocation().getLineNr() + ": expected Yosys JSON (write_json), got "
                    + e.getOriginalMessage());
        }
        return new YosysJsonNetlist(source, library).build(root);
    }

    private Netlist build(JsonNode root) {
        JsonNode modules = root == null ? null : root.get("modules");
        if (modules == null || !modules.isObject()) {
            throw new UserError(source + ": expected Yosys JSON with a \"modules\" object, got none");
        }
        String moduleName = null;
        JsonNode module = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> m = it.next();
            if (m.getValue().path("attributes").has("blackbox")) {
                continue;
            }
            if (module != null) {
                throw new UserError(source + ": expected one flat module (synthesize with -flatten), got " + moduleName
                        + " and " + m.getKey());
            }
            moduleName = m.getKey();
            module = m.getValue();
        }
        if (module == null) {
            throw new UserError(source + ": expected a module that is not a blackbox, got none");
        }
        // Dense net ids: port bits first, in port order, then the other named wires.
        List<Port> ports = new ArrayList<>();
        List<int[]> portBits = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = module.path("ports").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String dir = p.getValue().path("direction").asText();
            if (!dir.equals("input") && !dir.equals("output")) {
                throw new UserError(source + ": expected input or output ports, got " + dir + " " + p.getKey());
            }
            int[] bits = bits(p.getValue().path("bits"), "port " + p.getKey());
            name(bits, p.getKey(), 3);
            ports.add(new Port(p.getKey(), dir.equals("input") ? Port.Direction.INPUT : Port.Direction.OUTPUT, bits));
            portBits.add(bits);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = module.path("netnames").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> w = it.next();
            int rank = w.getValue().path("hide_name").asInt(0) != 0 || w.getKey().startsWith("$") ? 1 : 2;
            name(bits(w.getValue().path("bits"), "net " + w.getKey()), w.getKey(), rank);
        }

        List<Instance> instances = new ArrayList<>();
        List<int[]> drivers = new ArrayList<>(); // {net, instance, pin}
        for (Iterator<Map.Entry<String, JsonNode>> it = module.path("cells").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            String inst = c.getKey();
            String type = c.getValue().path("type").asText();
            Cell cell = library.cell(type).orElseThrow(() -> new UserError(source + ": instance " + inst
                    + ": expected a cell of library " + library.name() + ", got unknown cell '" + type + "'"));
            if (c.getValue().path("parameters").size() > 0) {
                throw new UserError(source + ": instance " + inst + ": expected a cell instance without parameters, got "
                        + c.getValue().path("parameters").fieldNames().next());
            }
            int[] pinNets = new int[cell.pins().size()];
            Arrays.fill(pinNets, Instance.UNCONNECTED);
            for (Iterator<Map.Entry<String, JsonNode>> pins = c.getValue().path("connections").fields(); pins.hasNext(); ) {
                Map.Entry<String, JsonNode> conn = pins.next();
                int pin = cell.pinIndex(conn.getKey());
                if (pin < 0) {
                    throw new UserError(source + ": instance " + inst + ": expected a pin of " + cell.name() + " "
                            + cell.pins().stream().map(Pin::name).toList() + ", got " + conn.getKey());
                }
                int[] bits = bits(conn.getValue(), "pin " + conn.getKey() + " of " + inst);
                if (bits.length > 1) {
                    throw new UserError(source + ": instance " + inst + ": expected one bit on pin " + conn.getKey()
                            + ", got " + bits.length);
                }
                if (bits.length == 0) {
                    continue;
                }
                Pin def = cell.pins().get(pin);
                if (def.isOutput()) {
                    drivers.add(new int[] {bits[0], instances.size(), pin});
                } else if (!def.isInput()) {
                    throw new UserError(source + ": instance " + inst + ": expected input or output pins, got "
                            + def.direction().name().toLowerCase(Locale.ROOT) + " pin " + conn.getKey() + " of " + cell.name());
                }
                pinNets[pin] = bits[0];
            }
            for (int pin = 0; pin < pinNets.length; pin++) {
                if (cell.pins().get(pin).isInput() && pinNets[pin] == Instance.UNCONNECTED) {
                    throw new UserError(source + ": instance " + inst + ": expected input pin " + cell.pins().get(pin).name()
                            + " (" + cell.name() + ") to be connected, got no connection");
                }
            }
            instances.add(new Instance(inst, cell, pinNets));
        }

        int nets = names.size();
        int[] driverInstance = new int[nets];
        int[] driverPin = new int[nets];
        Arrays.fill(driverInstance, Netlist.NOT_DRIVEN);
        for (int k = 0; k < ports.size(); k++) {
            if (ports.get(k).direction() == Port.Direction.INPUT) {
                for (int net : portBits.get(k)) {
                    drive(net, Netlist.PORT_DRIVEN, 0, "input port " + ports.get(k).name(), driverInstance, driverPin, instances);
                }
            }
        }
        for (int[] d : drivers) {
            Instance inst = instances.get(d[1]);
            drive(d[0], d[1], d[2], "pin " + inst.cell().pins().get(d[2]).name() + " of " + inst.name(), driverInstance,
                    driverPin, instances);
        }
        for (Instance inst : instances) {
            for (int pin = 0; pin < inst.cell().pins().size(); pin++) {
                if (inst.cell().pins().get(pin).isInput()) {
                    requireDriven(inst.net(pin), driverInstance, "input " + inst.cell().pins().get(pin).name() + " of " + inst.name());
                }
            }
        }
        for (Port port : ports) {
            if (port.direction() == Port.Direction.OUTPUT) {
                for (int k = 0; k < port.width(); k++) {
                    requireDriven(port.net(k), driverInstance, "output port " + port.name());
                }
            }
        }
        return new Netlist(source, moduleName, library, ports, instances, names.toArray(String[]::new), driverInstance,
                driverPin);
    }

    /** The dense net ids of a JSON bit list, numbering new bits as they come. */
    private int[] bits(JsonNode list, String what) {
        if (!list.isArray()) {
            throw new UserError(source + ": expected a bit list for " + what + ", got " + list);
        }
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            JsonNode b = list.get(k);
            if (b.isInt()) {
                out[k] = netOf.computeIfAbsent(b.intValue(), x -> {
                    names.add(null);
                    nameRank.add(0);
                    return names.size() - 1;
                });
            } else if (b.asText().equals("0") || b.asText().equals("1")) {
                out[k] = b.asText().equals("0") ? Netlist.CONST0 : Netlist.CONST1;
            } else {
                throw new UserError(source + ": expected a defined constant in " + what + ", got '" + b.asText()
                        + "' (run Yosys setundef -zero before write_json)");
            }
        }
        return out;
    }

    /** Names nets after a port or wire; ports win over public wires, public wires over Yosys' own. */
    private void name(int[] nets, String wire, int rank) {
        for (int k = 0; k < nets.length; k++) {
            int net = nets[k];
            if (net >= 2 && rank > nameRank.get(net)) {
                names.set(net, nets.length == 1 ? wire : wire + "[" + k + "]");
                nameRank.set(net, rank);
            }
        }
    }

    private void drive(int net, int instance, int pin, String what, int[] driverInstance, int[] driverPin,
                       List<Instance> instances) {
        if (net < 2) {
            throw new UserError(source + ": expected a net driven by " + what + ", got a constant");
        }
        if (driverInstance[net] != Netlist.NOT_DRIVEN) {
            String other = driverInstance[net] == Netlist.PORT_DRIVEN ? "an input port"
                    : "pin " + instances.get(driverInstance[net]).cell().pins().get(driverPin[net]).name() + " of "
                    + instances.get(driverInstance[net]).name();
            throw new UserError(source + ": expected one driver of net " + names.get(net) + ", got " + what + " besides "
                    + other);
        }
        driverInstance[net] = instance;
        driverPin[net] = pin;
    }

    private void requireDriven(int net, int[] driverInstance, String reader) {
        if (net >= 2 && driverInstance[net] == Netlist.NOT_DRIVEN) {
            throw new UserError(source + ": expected a driver of net " + names.get(net) + " (read by " + reader
                    + "), got none (Yosys: setundef -undriven -zero)");
        }
    }
}
