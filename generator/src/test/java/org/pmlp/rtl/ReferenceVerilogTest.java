package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.TestVectors;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.testutil.RequiredTools;
import org.pmlp.testutil.Shared;

/**
 * The behavioural reference rtl/reference.v: on a small design (the wine model with 2-bit inputs
 * and 3-bit weights) the generated gate-level RTL is proved equal to it, and one changed gate in
 * the RTL, or one negated product in the reference, makes the proof fail.
 */
class ReferenceVerilogTest {
    @TempDir
    Path dir;

    @Test
    void smallDesignIsProvedEqualToItsReferenceAndOneChangeIsCaught() throws Exception {
        RequiredTools.require("yosys", "yosys-abc", "make");
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        QuantSpec spec = new QuantSpec(2, 3, 8);
        CompiledDesign d = DesignFlow.compileRetrained(model, DesignConfig.exact(ModelShape.of(model), spec), null);
        TestVectors v = TestVectors.build(d.circuit(), d.program(), null, 100, 3);
        DesignWriter.write(d, v, dir, null, HeapStyle.TWOS_COMPLEMENT, Double.NaN);
        String ref = Files.readString(dir.resolve("rtl/reference.v"));
        assertTrue(ref.contains(" * $signed({1'b0, q0 & "), "sums are written as products of constants:\n" + ref);

        NetlistEquivalence.Result ok = NetlistEquivalence.proveReference(dir, 120);
        assertEquals(NetlistEquivalence.Status.PROVED, ok.status(), ok.message());

        // One XOR of the gate-level RTL turned into an OR.
        Path top = dir.resolve("rtl/top.v");
        String rtl = Files.readString(top);
        int at = rtl.indexOf(" ^ ");
        assertTrue(at > 0);
        Files.writeString(top, rtl.substring(0, at) + " | " + rtl.substring(at + 3));
        assertEquals(NetlistEquivalence.Status.FAILED, NetlistEquivalence.proveReference(dir, 120).status());
        Files.writeString(top, rtl);

        // One product of the reference negated: the first term of the first output neuron's sum.
        int out = ref.indexOf("sum1_0 = ");
        int term = ref.indexOf("\n        + ", out);
        assertTrue(out > 0 && term > 0, ref);
        String changed = ref.substring(0, term) + "\n        - " + ref.substring(term + "\n        + ".length());
        Files.writeString(dir.resolve("rtl/reference.v"), changed);
        assertEquals(NetlistEquivalence.Status.FAILED, NetlistEquivalence.proveReference(dir, 120).status());
    }
}
