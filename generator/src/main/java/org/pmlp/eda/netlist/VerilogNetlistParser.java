package org.pmlp.eda.netlist;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pmlp.UserError;
import org.pmlp.eda.liberty.Cell;
import org.pmlp.eda.liberty.CellLibrary;
import org.pmlp.eda.liberty.Pin;
import org.pmlp.eda.netlist.VerilogToken.Kind;

/**
 * Parses the structural Verilog Yosys writes with {@code write_verilog -noattr -noexpr} after
 * technology mapping: one module with port, wire and {@code assign} statements and cell
 * instances with named connections. Signals are resolved to single bits; assigns become aliases.
 */
final class VerilogNetlistParser {
    private static final Set<String> DECLARATIONS = Set.of("input", "output", "inout", "wire", "reg");

    /** A declared vector; bit ids base..base+width-1 hold bits right..left (LSB first). */
    private record Wire(String name, int left, int right, int base, int line) {
        int width() {
            return Math.abs(left - right) + 1;
        }

        boolean contains(int index) {
            return index >= Math.min(left, right) && index <= Math.max(left, right);
        }

        int bit(int index) {
            return base + Math.abs(index - right);
        }

        int indexOf(int bitId) {
            int k = bitId - base;
            return left >= right ? right + k : right - k;
        }
    }

    private record Connection(String pin, List<Integer> bits, int line) {}

    private record RawInstance(String name, Cell cell, List<Connection> connections, int line) {}

    private final VerilogLexer lexer;
    private final String source;
    private final CellLibrary library;
    private VerilogToken token;

    private String moduleName;
    private final List<String> headerPorts = new ArrayList<>();
    private final Map<String, Wire> wires = new LinkedHashMap<>();
    private final Map<String, Port.Direction> directions = new LinkedHashMap<>();
    private final Map<String, Integer> directionLines = new LinkedHashMap<>();
    private final List<int[]> aliases = new ArrayList<>(); // {lhsBit, rhsBit, line}
    private final List<RawInstance> rawInstances = new ArrayList<>();
    private int bitCount = 2; // bit ids 0 and 1 are the constants

    VerilogNetlistParser(String text, String source, CellLibrary library) {
        this.lexer = new VerilogLexer(text, source);
        this.source = source;
        this.library = library;
        this.token = lexer.next();
    }

    Netlist parse() {
        module();
        if (token.kind() != Kind.EOF) {
            if (token.is("module")) {
                throw error("one flat module (synthesize with -flatten)", "a second module");
            }
            throw error("end of file after endmodule", token.describe());
        }
        return new NetlistBuilder(source, moduleName, library).build(this);
    }

    // ---------------------------------------------------------------- grammar

    private void module() {
        expectWord("module");
        moduleName = expectIdent("a module name").text();
        if (accept("#")) {
            throw error("a module without parameters", "'#'");
        }
        if (accept("(")) {
            if (!accept(")")) {
                String kind = null; // set in an ANSI header ("input [3:0] a, b, output y")
                int[] range = null;
                do {
                    if (token.kind() == Kind.IDENT && DECLARATIONS.contains(token.text())) {
                        kind = advance().text();
                        range = typeAndRange();
                    }
                    VerilogToken name = expectIdent("a port name");
                    headerPorts.add(name.text());
                    if (kind != null) {
                        declare(kind, name, range);
                    }
                } while (accept(","));
                expect(")");
            }
        }
        expect(";");
        while (!token.is("endmodule")) {
            if (token.kind() == Kind.EOF) {
                throw error("'endmodule'", token.describe());
            }
            item();
        }
        advance();
    }

    private void item() {
        VerilogToken first = token;
        if (first.kind() != Kind.IDENT) {
            throw error("a declaration, assign or cell instance", first.describe());
        }
        if (DECLARATIONS.contains(first.text())) {
            advance();
            int[] range = typeAndRange();
            do {
                declare(first.text(), expectIdent("a net name"), range);
            } while (accept(","));
            expect(";");
        } else if (first.text().equals("assign")) {
            advance();
            do {
                int line = token.line();
                List<Integer> lhs = expression();
                expect("=");
                List<Integer> rhs = expression();
                alias(lhs, rhs, line);
            } while (accept(","));
            expect(";");
        } else {
            instance();
        }
    }

    /** Optional {@code wire}/{@code reg}/{@code signed} and {@code [msb:lsb]}; null range = scalar. */
    private int[] typeAndRange() {
        while (token.is("wire") || token.is("reg") || token.is("signed")) {
            advance();
        }
        if (!accept("[")) {
            return null;
        }
        int left = integer();
        expect(":");
        int right = integer();
        expect("]");
        return new int[] {left, right};
    }

    private void declare(String kind, VerilogToken name, int[] range) {
        int left = range == null ? 0 : range[0];
        int right = range == null ? 0 : range[1];
        Wire old = wires.get(name.text());
        if (old == null) {
            Wire w = new Wire(name.text(), left, right, bitCount, name.line());
            bitCount += w.width();
            wires.put(name.text(), w);
        } else if (old.left() != left || old.right() != right) {
            throw new UserError(source + ":" + name.line() + ": expected " + name.text() + " declared as at line "
                    + old.line() + " (" + rangeText(old) + "), got range " + (range == null ? "scalar" : "[" + left + ":" + right + "]"));
        }
        if (kind.equals("inout")) {
            throw new UserError(source + ":" + name.line() + ": expected input or output ports, got inout " + name.text());
        }
        if (kind.equals("input") || kind.equals("output")) {
            directions.put(name.text(), kind.equals("input") ? Port.Direction.INPUT : Port.Direction.OUTPUT);
            directionLines.put(name.text(), name.line());
        }
    }

    private static String rangeText(Wire w) {
        return w.width() == 1 && w.left() == 0 ? "scalar" : "[" + w.left() + ":" + w.right() + "]";
    }

    private void instance() {
        VerilogToken type = advance();
        if (token.is("#")) {
            throw error("a cell instance without parameters", "'#'");
        }
        VerilogToken name = expectIdent("an instance name after cell type " + type.text());
        Cell cell = library.cell(type.text()).orElseThrow(() -> new UserError(source + ":" + type.line()
                + ": expected a cell of library " + library.name() + ", got unknown cell '" + type.text() + "'"));
        expect("(");
        List<Connection> connections = new ArrayList<>();
        if (!accept(")")) {
            do {
                if (!token.is(".")) {
                    throw error("a named connection '.PIN(net)' (positional connections are not supported)",
                            token.describe());
                }
                advance();
                VerilogToken pin = expectIdent("a pin name");
                expect("(");
                List<Integer> bits = token.is(")") ? List.of() : expression();
                expect(")");
                connections.add(new Connection(pin.text(), bits, pin.line()));
            } while (accept(","));
            expect(")");
        }
        expect(";");
        rawInstances.add(new RawInstance(name.text(), cell, connections, type.line()));
    }

    /** An expression as bit ids, MSB first (Verilog concatenation order). */
    private List<Integer> expression() {
        if (accept("{")) {
            List<Integer> bits = new ArrayList<>();
            if (token.kind() == Kind.NUMBER && !token.text().contains("'")) { // replication {n{...}}
                int count = integer();
                expect("{");
                List<Integer> inner = new ArrayList<>();
                do {
                    inner.addAll(expression());
                } while (accept(","));
                expect("}");
                expect("}");
                for (int i = 0; i < count; i++) {
                    bits.addAll(inner);
                }
                return bits;
            }
            do {
                bits.addAll(expression());
            } while (accept(","));
            expect("}");
            return bits;
        }
        if (token.kind() == Kind.NUMBER) {
            return constant(advance());
        }
        VerilogToken name = expectIdent("a net, constant or '{'");
        Wire w = wires.get(name.text());
        if (w == null) {
            throw new UserError(source + ":" + name.line() + ": expected a declared net, got undeclared '" + name.text() + "'");
        }
        List<Integer> bits = new ArrayList<>();
        if (accept("[")) {
            int from = integer();
            int to = from;
            if (accept(":")) {
                to = integer();
            }
            expect("]");
            int step = to >= from ? 1 : -1;
            for (int i = from; ; i += step) {
                if (!w.contains(i)) {
                    throw new UserError(source + ":" + name.line() + ": expected an index of " + name.text() + " "
                            + rangeText(w) + ", got " + i);
                }
                bits.add(w.bit(i));
                if (i == to) {
                    break;
                }
            }
        } else {
            for (int k = w.width() - 1; k >= 0; k--) {
                bits.add(w.base() + k);
            }
        }
        return bits;
    }

    /** A sized or unsized constant as bits MSB first (bit ids 0 and 1). */
    private List<Integer> constant(VerilogToken t) {
        String text = t.text().replace("_", "");
        int tick = text.indexOf('\'');
        if (tick < 0) {
            return bitsOf(new BigInteger(text), 32);
        }
        int width = tick == 0 ? 32 : Integer.parseInt(text.substring(0, tick));
        String rest = text.substring(tick + 1).toLowerCase(Locale.ROOT);
        if (rest.startsWith("s")) {
            rest = rest.substring(1);
        }
        if (rest.isEmpty() || "bodh".indexOf(rest.charAt(0)) < 0 || rest.length() < 2) {
            throw new UserError(source + ":" + t.line() + ": expected a constant like 4'hf, got '" + t.text() + "'");
        }
        String digits = rest.substring(1);
        if (digits.matches(".*[xz?].*")) {
            throw new UserError(source + ":" + t.line() + ": expected a defined constant, got '" + t.text()
                    + "' (run Yosys setundef -zero before write_verilog)");
        }
        int radix = switch (rest.charAt(0)) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'd' -> 10;
            default -> 16;
        };
        try {
            return bitsOf(new BigInteger(digits, radix), width);
        } catch (NumberFormatException e) {
            throw new UserError(source + ":" + t.line() + ": expected a constant like 4'hf, got '" + t.text() + "'");
        }
    }

    private static List<Integer> bitsOf(BigInteger value, int width) {
        List<Integer> bits = new ArrayList<>(width);
        for (int i = width - 1; i >= 0; i--) {
            bits.add(value.testBit(i) ? Netlist.CONST1 : Netlist.CONST0);
        }
        return bits;
    }

    /** {@code assign lhs = rhs}: Verilog zero-extends or truncates the right side to the left's width. */
    private void alias(List<Integer> lhs, List<Integer> rhs, int line) {
        for (int k = 0; k < lhs.size(); k++) { // k counts from the LSB
            int l = lhs.get(lhs.size() - 1 - k);
            int r = k < rhs.size() ? rhs.get(rhs.size() - 1 - k) : Netlist.CONST0;
            if (l < 2) {
                throw new UserError(source + ":" + line + ": expected a net on the left of assign, got a constant");
            }
            aliases.add(new int[] {l, r, line});
        }
    }

    // ---------------------------------------------------------------- tokens

    private int integer() {
        if (token.kind() != Kind.NUMBER || token.text().contains("'")) {
            throw error("an integer", token.describe());
        }
        return Integer.parseInt(advance().text().replace("_", ""));
    }

    private VerilogToken advance() {
        VerilogToken t = token;
        token = lexer.next();
        return t;
    }

    private boolean accept(String symbol) {
        if (token.kind() == Kind.SYMBOL && token.text().equals(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            throw error("'" + symbol + "'", token.describe());
        }
    }

    private void expectWord(String word) {
        if (!token.is(word)) {
            throw error("'" + word + "'", token.describe());
        }
        advance();
    }

    private VerilogToken expectIdent(String what) {
        if (token.kind() != Kind.IDENT) {
            throw error(what, token.describe());
        }
        return advance();
    }

    private UserError error(String expected, String got) {
        return new UserError(source + ":" + token.line() + ": expected " + expected + ", got " + got);
    }

    // ---------------------------------------------------------------- results for NetlistBuilder

    /** Resolves bits to nets, checks drivers and builds the {@link Netlist}. */
    private static final class NetlistBuilder {
        private final String source;
        private final String moduleName;
        private final CellLibrary library;

        NetlistBuilder(String source, String moduleName, CellLibrary library) {
            this.source = source;
            this.moduleName = moduleName;
            this.library = library;
        }

        Netlist build(VerilogNetlistParser p) {
            int n = p.bitCount;
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int[] a : p.aliases) {
                int x = find(parent, a[0]);
                int y = find(parent, a[1]);
                if (x == y) {
                    continue;
                }
                if (x < 2 && y < 2) {
                    throw new UserError(source + ":" + a[2] + ": expected one value per net, got a net tied to both 0 and 1");
                }
                if (x < 2) { // constants stay roots
                    parent[y] = x;
                } else if (y < 2) {
                    parent[x] = y;
                } else {
                    parent[Math.max(x, y)] = Math.min(x, y);
                }
            }
            // Dense net ids in declaration order; names prefer ports, then public (non-"_") wires.
            int[] netOf = new int[n];
            Arrays.fill(netOf, -1);
            netOf[0] = Netlist.CONST0;
            netOf[1] = Netlist.CONST1;
            List<String> names = new ArrayList<>(List.of("1'b0", "1'b1"));
            List<Integer> nameRank = new ArrayList<>(List.of(0, 0));
            for (Wire w : p.wires.values()) {
                int rank = p.directions.containsKey(w.name()) ? 3 : w.name().startsWith("_") ? 1 : 2;
                for (int k = 0; k < w.width(); k++) {
                    int root = find(parent, w.base() + k);
                    if (netOf[root] < 0) {
                        netOf[root] = names.size();
                        names.add(null);
                        nameRank.add(0);
                    }
                    int net = netOf[root];
                    netOf[w.base() + k] = net;
                    if (net >= 2 && rank > nameRank.get(net)) {
                        names.set(net, w.width() == 1 && w.left() == 0 ? w.name() : w.name() + "[" + w.indexOf(w.base() + k) + "]");
                        nameRank.set(net, rank);
                    }
                }
            }
            int nets = names.size();
            int[] driverInstance = new int[nets];
            int[] driverPin = new int[nets];
            int[] driverLine = new int[nets];
            Arrays.fill(driverInstance, Netlist.NOT_DRIVEN);

            List<Port> ports = new ArrayList<>();
            for (String name : p.headerPorts) {
                Port.Direction dir = p.directions.get(name);
                if (dir == null) {
                    throw new UserError(source + ": expected an input or output declaration of port " + name + ", got none");
                }
                Wire w = p.wires.get(name);
                int[] bits = new int[w.width()];
                for (int k = 0; k < bits.length; k++) {
                    bits[k] = netOf[w.base() + k];
                    if (dir == Port.Direction.INPUT) {
                        drive(bits[k], Netlist.PORT_DRIVEN, 0, w.line(), driverInstance, driverPin, driverLine, names,
                                "input port " + name);
                    }
                }
                ports.add(new Port(name, dir, bits));
            }
            for (String name : p.directions.keySet()) {
                if (!p.headerPorts.contains(name)) {
                    throw new UserError(source + ":" + p.directionLines.get(name) + ": expected " + name
                            + " in the module's port list, got a port declaration only");
                }
            }

            List<Instance> instances = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (RawInstance raw : p.rawInstances) {
                if (!seen.add(raw.name())) {
                    throw new UserError(source + ":" + raw.line() + ": expected a new instance name, got " + raw.name() + " again");
                }
                Cell cell = raw.cell();
                int[] pinNets = new int[cell.pins().size()];
                Arrays.fill(pinNets, Instance.UNCONNECTED);
                for (Connection c : raw.connections()) {
                    int pin = cell.pinIndex(c.pin());
                    if (pin < 0) {
                        throw new UserError(source + ":" + c.line() + ": expected a pin of " + cell.name() + " "
                                + cell.pins().stream().map(Pin::name).toList() + ", got " + c.pin());
                    }
                    if (pinNets[pin] != Instance.UNCONNECTED) {
                        throw new UserError(source + ":" + c.line() + ": expected one connection per pin, got pin "
                                + c.pin() + " of " + raw.name() + " twice");
                    }
                    if (c.bits().size() > 1) {
                        throw new UserError(source + ":" + c.line() + ": expected one bit on pin " + c.pin() + " of "
                                + raw.name() + ", got " + c.bits().size());
                    }
                    if (c.bits().isEmpty()) {
                        continue;
                    }
                    int net = netOf[c.bits().get(0)];
                    Pin pinDef = cell.pins().get(pin);
                    if (pinDef.isOutput()) {
                        drive(net, instances.size(), pin, c.line(), driverInstance, driverPin, driverLine, names,
                                "pin " + c.pin() + " of " + raw.name());
                    } else if (!pinDef.isInput()) {
                        throw new UserError(source + ":" + c.line() + ": expected input or output pins, got "
                                + pinDef.direction().name().toLowerCase(Locale.ROOT) + " pin " + c.pin() + " of " + cell.name());
                    }
                    pinNets[pin] = net;
                }
                for (int pin = 0; pin < pinNets.length; pin++) {
                    if (cell.pins().get(pin).isInput() && pinNets[pin] == Instance.UNCONNECTED) {
                        throw new UserError(source + ":" + raw.line() + ": expected input pin " + cell.pins().get(pin).name()
                                + " of " + raw.name() + " (" + cell.name() + ") to be connected, got no connection");
                    }
                }
                instances.add(new Instance(raw.name(), cell, pinNets, raw.line()));
            }
            // Every net that is read must be driven.
            for (Instance inst : instances) {
                for (int pin = 0; pin < inst.cell().pins().size(); pin++) {
                    if (inst.cell().pins().get(pin).isInput()) {
                        requireDriven(inst.net(pin), driverInstance, names, inst.line(), "input " + inst.cell().pins().get(pin).name()
                                + " of " + inst.name());
                    }
                }
            }
            for (Port port : ports) {
                if (port.direction() == Port.Direction.OUTPUT) {
                    for (int k = 0; k < port.width(); k++) {
                        requireDriven(port.net(k), driverInstance, names, p.directionLines.get(port.name()),
                                "output port " + port.name());
                    }
                }
            }
            return new Netlist(source, moduleName, library, ports, instances, names.toArray(String[]::new),
                    driverInstance, driverPin);
        }

        private void drive(int net, int instance, int pin, int line, int[] driverInstance, int[] driverPin,
                           int[] driverLine, List<String> names, String what) {
            if (net < 2) {
                throw new UserError(source + ":" + line + ": expected a net driven by " + what + ", got a constant");
            }
            if (driverInstance[net] != Netlist.NOT_DRIVEN) {
                throw new UserError(source + ":" + line + ": expected one driver of net " + names.get(net) + ", got "
                        + what + " besides the driver at line " + driverLine[net]);
            }
            driverInstance[net] = instance;
            driverPin[net] = pin;
            driverLine[net] = line;
        }

        private void requireDriven(int net, int[] driverInstance, List<String> names, int line, String reader) {
            if (net >= 2 && driverInstance[net] == Netlist.NOT_DRIVEN) {
                throw new UserError(source + ":" + line + ": expected a driver of net " + names.get(net) + " (read by "
                        + reader + "), got none (Yosys: setundef -undriven -zero)");
            }
        }

        private static int find(int[] parent, int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
    }
}
