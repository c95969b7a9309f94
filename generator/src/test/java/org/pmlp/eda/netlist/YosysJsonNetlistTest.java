package org.pmlp.eda.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

/** The Yosys JSON netlist reader: the cases of the former Verilog netlist parser, on JSON. */
class YosysJsonNetlistTest {

    private static String error(String json) {
        return assertThrows(UserError.class, () -> Netlist.parse(json, "n.json", TinyLibrary.get())).getMessage();
    }

    /** A one-module Yosys JSON document; {@code body} holds its "ports", "cells" (and "netnames"). */
    private static String module(String body) {
        return "{\"modules\": {\"INV\": {\"attributes\": {\"blackbox\": \"1\"}, \"ports\": {}, \"cells\": {}},"
                + " \"t\": {" + body + "}}}";
    }

    private static final String AY = "\"ports\": {\"a\": {\"direction\": \"input\", \"bits\": [2]},"
            + " \"y\": {\"direction\": \"output\", \"bits\": [3]}}";

    @Test
    void readsPortsWiresAssignsAndInstances() {
        Netlist n = VerilogFixtures.parse("""
                module top(clk, x, y, k);
                  input clk;
                  wire clk;
                  input [3:0] x;
                  wire [3:0] x;
                  output [5:0] y;
                  wire [5:0] y;
                  output [1:0] k;
                  wire [1:0] k;
                  wire _0_;
                  wire \\u.s[1] ;
                  wire [1:0] w;
                  INV _1_ (
                    .A(x[0]),
                    .Y(_0_)
                  );
                  NAND2 _2_ (.A1(_0_), .A2(x[3]), .Y(\\u.s[1] ));
                  DFF _3_ (.CP(clk), .D(\\u.s[1] ), .Q(y[2]), .QN());
                  assign k = 2'h2;
                  assign { y[5:4], y[0] } = { 1'b0, w };
                  assign w = { x[1], 1'h1 };
                  assign y[3] = \\u.s[1] ;
                  assign y[1] = y[2];
                endmodule
                """, "n.json");
        assertEquals("top", n.moduleName());
        assertEquals(4, n.ports().size());
        Port x = n.port("x").orElseThrow();
        assertEquals(Port.Direction.INPUT, x.direction());
        assertEquals(4, x.width());
        assertEquals("x[3]", n.netName(x.net(3)));
        Port k = n.port("k").orElseThrow();
        assertEquals(Netlist.CONST0, k.net(0));
        assertEquals(Netlist.CONST1, k.net(1));
        Port y = n.port("y").orElseThrow();
        assertEquals(Netlist.CONST0, y.net(5));
        assertEquals(x.net(1), y.net(4));     // through w
        assertEquals(Netlist.CONST1, y.net(0));
        assertEquals(y.net(1), y.net(2));
        assertTrue(n.netName(y.net(3)).startsWith("y["), n.netName(y.net(3))); // a port name wins over the wire name
        assertEquals(3, n.instances().size());
        int nandIndex = VerilogFixtures.instance(n, "_2_");
        Instance nand = n.instances().get(nandIndex);
        assertEquals("NAND2", nand.cell().name());
        assertEquals(y.net(3), nand.net(2));
        assertEquals(nandIndex, n.driverInstance(y.net(3)));
        assertEquals(2, n.driverPin(y.net(3)));
        assertEquals(Netlist.PORT_DRIVEN, n.driverInstance(x.net(0)));
        Instance dff = n.instances().get(VerilogFixtures.instance(n, "_3_"));
        assertEquals(Instance.UNCONNECTED, dff.net(3)); // .QN()
    }

    @Test
    void acceptsAnsiHeadersAndReplication() {
        Netlist n = VerilogFixtures.parse("""
                module m(input [1:0] a, b, output [3:0] y);
                  assign y = {{2{a[0]}}, b[0], 1'b0};
                endmodule
                """, "n.json");
        Port a = n.port("a").orElseThrow();
        Port y = n.port("y").orElseThrow();
        assertEquals(2, n.port("b").orElseThrow().width()); // the range carries over in an ANSI list
        assertEquals(a.net(0), y.net(3));
        assertEquals(a.net(0), y.net(2));
        assertEquals(n.port("b").orElseThrow().net(0), y.net(1));
        assertEquals(Netlist.CONST0, y.net(0));
    }

    @Test
    void readsHandWrittenJsonWithoutYosys() {
        Netlist n = Netlist.parse(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\":"
                + " {\"A\": [2], \"Y\": [3]}}}, \"netnames\": {\"$auto$1\": {\"hide_name\": 1, \"bits\": [3]}}"),
                "n.json", TinyLibrary.get());
        assertEquals("t", n.moduleName());
        assertEquals(4, n.netCount());
        assertEquals("y", n.netName(n.port("y").orElseThrow().net(0)));
        assertEquals(0, n.driverInstance(n.port("y").orElseThrow().net(0)));
    }

    @Test
    void errorsNameFileInstanceAndExpectation() {
        assertEquals("n.json: instance b: expected a cell of library tiny, got unknown cell 'BUF'",
                error(module(AY + ", \"cells\": {\"b\": {\"type\": \"BUF\", \"connections\": {\"A\": [2], \"Y\": [3]}}}")));
        assertEquals("n.json: instance b: expected a pin of INV [A, Y], got B",
                error(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\": {\"B\": [2], \"Y\": [3]}}}")));
        assertEquals("n.json: instance b: expected one bit on pin A, got 2",
                error(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\": {\"A\": [2, 2], \"Y\": [3]}}}")));
        assertEquals("n.json: expected one driver of net y, got pin Y of c besides pin Y of b",
                error(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\": {\"A\": [2], \"Y\": [3]}},"
                        + " \"c\": {\"type\": \"INV\", \"connections\": {\"A\": [2], \"Y\": [3]}}}")));
        assertTrue(error(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\": {\"A\": [4], \"Y\": [3]}}},"
                + " \"netnames\": {\"u\": {\"hide_name\": 0, \"bits\": [4]}}"))
                .startsWith("n.json: expected a driver of net u (read by input A of b), got none"));
        assertEquals("n.json: instance b: expected input pin A (INV) to be connected, got no connection",
                error(module(AY + ", \"cells\": {\"b\": {\"type\": \"INV\", \"connections\": {\"Y\": [3]}}}")));
        assertEquals("n.json: expected a defined constant in port y, got 'x' (run Yosys setundef -zero before write_json)",
                error(module("\"ports\": {\"y\": {\"direction\": \"output\", \"bits\": [\"x\"]}}")));
        assertEquals("n.json: expected input or output ports, got inout y",
                error(module("\"ports\": {\"y\": {\"direction\": \"inout\", \"bits\": [2]}}")));
        assertEquals("n.json: expected a net driven by pin Y of b, got a constant",
                error(module("\"ports\": {\"a\": {\"direction\": \"input\", \"bits\": [2]}}, \"cells\": {\"b\":"
                        + " {\"type\": \"INV\", \"connections\": {\"A\": [2], \"Y\": [\"0\"]}}}")));
        assertEquals("n.json: expected one flat module (synthesize with -flatten), got t and u",
                error("{\"modules\": {\"t\": {}, \"u\": {}}}"));
        assertEquals("n.json: expected Yosys JSON with a \"modules\" object, got none", error("{}"));
        assertTrue(error("{\"modules\": ").startsWith("n.json:1: expected Yosys JSON (write_json), got "));
    }
}
