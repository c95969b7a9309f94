package org.pmlp.eda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.ToolFailure;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.NetlistCheck;
import org.pmlp.design.TestVectors;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.testutil.RequiredTools;
import org.pmlp.testutil.Shared;

/**
 * The netlist equivalence proof on a real design (the wine example, exact): the synthesized
 * netlist is proved equal to its RTL, and the same netlist with one XOR gate turned into an OR
 * is not, even when that corrupted netlist still gives the right class on every test vector.
 * Registered, the library's flip-flops are not named as the RTL's registers, so the first check
 * (cec, registers matched by name) cannot pair them and dsec decides; combinational, cec does.
 */
class NetlistEquivalenceTest {
    @TempDir
    Path dir;

    @Test
    void provesTheNetlistAndRefutesOneCorruptedGate() throws Exception {
        RequiredTools.require("yosys", "yosys-abc", "make");
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        CompiledDesign d = DesignFlow.compileRetrained(model, DesignConfig.exact(ModelShape.of(model), QuantSpec.DEFAULT),
                null);
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 200, 7);
        RtlDesign rtl = DesignWriter.write(d, v, dir, null, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
        YosysSynthesis.Result syn = YosysSynthesis.run(dir, dir.resolve(DesignWriter.DEFAULT_LIBERTY), 600);

        NetlistEquivalence.Result good = NetlistEquivalence.prove(dir, 300);
        assertEquals(NetlistEquivalence.Status.PROVED, good.status(), good.message());
        assertTrue(Files.readString(dir.resolve("equiv/abc.log")).startsWith("ABC command line: \"dsec"),
                "registered: dsec decides");
        assertTrue(Files.readString(dir.resolve("equiv/cec.log")).contains("Miter computation has failed"),
                "cec cannot pair the registers by name");

        // Turn XOR gates into ORs one at a time in the netlist pmlp simulates (netlist.json);
        // prefer one the test vectors do not notice, then give the proof the same netlist as Verilog.
        Path json = new DesignFolder(dir).netlist();
        Path verilog = dir.resolve("synth/netlist.v");
        String original = Files.readString(json);
        String originalVerilog = Files.readString(verilog);
        Matcher m = Pattern.compile("\"type\": \"XOR2X1\"").matcher(original);
        List<Integer> xors = new ArrayList<>();
        while (m.find()) {
            xors.add(m.start());
        }
        assertTrue(xors.size() > 10, "the wine netlist has XOR gates: " + xors.size());
        String corrupted = null;
        int vectorMismatches = -1;
        for (int at : xors.subList(0, 20)) {
            String c = original.substring(0, at) + original.substring(at).replaceFirst("XOR2X1", "OR2X1");
            Files.writeString(json, c);
            int mis = NetlistCheck.run(json, syn.library(), rtl.ports(), v.q(), v.golden(), 5).mismatches();
            if (corrupted == null || mis == 0) {
                corrupted = c;
                vectorMismatches = mis;
            }
            if (mis == 0) {
                break;
            }
        }
        Files.writeString(json, corrupted);
        ToolRunner.Result w = ToolRunner.run(List.of("yosys", "-q", "-p",
                "read_json synth/netlist.json; write_verilog -noattr -noexpr synth/netlist.v"), dir, 120);
        assertEquals(0, w.exitCode(), w.output());
        assertEquals(xors.size() - 1, Pattern.compile("(?m)^\\s+XOR2X1\\s").matcher(Files.readString(verilog)).results().count(),
                "the proof reads the corrupted netlist");
        System.out.println("corrupted netlist: " + vectorMismatches + " mismatches on " + v.size() + " test vectors");
        NetlistEquivalence.Result bad = NetlistEquivalence.prove(dir, 300);
        assertEquals(NetlistEquivalence.Status.FAILED, bad.status(), bad.message());

        Files.writeString(json, original);
        Files.writeString(verilog, originalVerilog);
        assertEquals(NetlistEquivalence.Status.PROVED, NetlistEquivalence.prove(dir, 300).status());
    }

    @Test
    void provesACombinationalNetlistByItsCombinationalLogicAndRefutesOneCorruptedGate() throws Exception {
        RequiredTools.require("yosys", "yosys-abc", "make");
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        CompiledDesign d = DesignFlow.compileRetrained(model, DesignConfig.exact(ModelShape.of(model), QuantSpec.DEFAULT)
                .withRegisters(org.pmlp.rtl.Registers.NONE), null);
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 50, 7);
        DesignWriter.write(d, v, dir, null, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
        YosysSynthesis.run(dir, dir.resolve(DesignWriter.DEFAULT_LIBERTY), 600);

        NetlistEquivalence.Result good = NetlistEquivalence.prove(dir, 300);
        assertEquals(NetlistEquivalence.Status.PROVED, good.status(), good.message());
        assertTrue(Files.readString(dir.resolve("equiv/abc.log")).startsWith("ABC command line: \"cec"),
                "combinational: cec decides");

        Path verilog = dir.resolve("synth/netlist.v");
        String original = Files.readString(verilog);
        Matcher m = Pattern.compile("(?m)^\\s+XOR2X1\\s").matcher(original);
        assertTrue(m.find(), "the wine netlist has XOR gates");
        Files.writeString(verilog, original.substring(0, m.start()) + original.substring(m.start()).replaceFirst("XOR2X1", "OR2X1"));
        NetlistEquivalence.Result bad = NetlistEquivalence.prove(dir, 300);
        assertEquals(NetlistEquivalence.Status.FAILED, bad.status(), bad.message());
        assertTrue(Files.readString(dir.resolve("equiv/cec.log")).contains("NOT EQUIVALENT"), "cec refutes it");
        assertTrue(Files.readString(dir.resolve("equiv/abc.log")).startsWith("ABC command line: \"dsec"),
                "and dsec, asked next, refutes it too");
    }

    @Test
    void readsEveryVerdictAbcPrints() {
        assertEquals(NetlistEquivalence.Status.PROVED, verdict(0, "Warning: 108 registers...\n"
                + "Networks are equivalent.  Time =     1.27 sec\n"));
        assertEquals(NetlistEquivalence.Status.PROVED, verdict(0, "Networks are equivalent after structural hashing.\n"));
        assertEquals(NetlistEquivalence.Status.FAILED, verdict(1,
                "Networks are NOT EQUIVALENT after simulation.   Time =     2.12 sec\nequiv: the netlist is NOT proved\n"));
        assertEquals(NetlistEquivalence.Status.FAILED, verdict(1, "Networks are not equivalent.\n"));
        assertEquals(NetlistEquivalence.Status.TIMEOUT, verdict(1, "Networks are UNDECIDED.   Time = 300 sec\n"));
        assertEquals(NetlistEquivalence.Status.TIMEOUT, verdict(1,
                "Networks are undecided (resource limits is reached).\n"));
        assertEquals(NetlistEquivalence.Status.TIMEOUT, verdict(2,
                "make: *** [flows/design.mk:50: equiv] Error 124\n"));
        // No verdict at all (Yosys failed writing the BLIF files): a tool failure, never a verdict.
        ToolFailure e = assertThrows(ToolFailure.class, () -> verdict(2,
                "ERROR: Can't open input file `synth/netlist.v' for reading\nmake: *** [equiv] Error 1\n"));
        assertTrue(e.getMessage().contains("Can't open input file"), e.getMessage());
        assertThrows(ToolFailure.class, () -> verdict(0, "ABC command line: \"dsec\"\n"));
    }

    private static NetlistEquivalence.Status verdict(int exit, String output) {
        return NetlistEquivalence.interpret(new ToolRunner.Result(exit, output, 1.0), 300).status();
    }
}
