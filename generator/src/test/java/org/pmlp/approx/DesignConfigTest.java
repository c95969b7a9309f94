package org.pmlp.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.testutil.Shared;
import org.pmlp.util.Json;

class DesignConfigTest {
    private static final Path EXAMPLE = Shared.repo().resolve("examples/wine");

    private static Mlp wine() {
        return ModelJson.read(EXAMPLE.resolve("model.json"));
    }

    private static DesignConfig parse(String json) {
        Mlp m = wine();
        try {
            return DesignConfig.parse(Json.of("design.json", Json.MAPPER.readTree(json)), ModelShape.of(m),
                    QuantSpec.DEFAULT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rejected(String json) {
        return assertThrows(UserError.class, () -> parse(json)).getMessage();
    }

    @Test
    void registersAreAChoiceDefaultingToBoth() {
        DesignConfig plain = parse("{\"format\": \"pmlp-design\"}");
        assertEquals(org.pmlp.rtl.Registers.BOTH, plain.registers());
        org.junit.jupiter.api.Assertions.assertFalse(Json.write(plain.toJson()).contains("registers"),
                "the default is not written: earlier configurations stay byte-identical");
        DesignConfig comb = parse("{\"format\": \"pmlp-design\", \"registers\": \"none\"}");
        assertEquals(org.pmlp.rtl.Registers.NONE, comb.registers());
        assertEquals(org.pmlp.rtl.Registers.NONE, parse(Json.write(comb.toJson())).registers(), "round trip");
        assertEquals(org.pmlp.rtl.Registers.NONE, comb.with(plain.passes().get(0)).registers(), "kept by with()");
        String msg = rejected("{\"registers\": \"some\"}");
        org.junit.jupiter.api.Assertions.assertTrue(msg.contains("registers") && msg.contains("none"), msg);
    }

    @Test
    void exampleUsesEveryPassAndRoundTrips() {
        DesignConfig c = DesignConfig.read(EXAMPLE.resolve("approx.json"), ModelShape.of(wine()), QuantSpec.DEFAULT);
        assertEquals(PassRegistry.names(), c.passes().stream().map(Pass::name).toList(), "every knob is exercised");
        String once = Json.write(c.toJson());
        DesignConfig again = parse(once);
        assertEquals(once, Json.write(again.toJson()));
    }

    @Test
    void wrongCountsAreRejectedWithThePath() {
        String m = rejected("{\"weights\": {\"formats\": [\"po2\", \"po2\", \"po2\"]}}");
        assertTrue(m.contains("weights.formats: expected one value per layer (2)"), m);
        m = rejected("{\"inputs\": {\"bits\": [4, 4]}}");
        assertTrue(m.contains("inputs.bits: expected 13 integers"), m);
        m = rejected("{\"masks\": {\"layers\": [[[15]], null]}}");
        assertTrue(m.contains("masks.layers[0]: expected one list of masks per neuron (3)"), m);
        m = rejected("{\"argmax\": {\"bits\": [3, 3, 3]}}");
        assertTrue(m.contains("argmax.bits: expected 2 integers"), m);
        m = rejected("{\"truncation\": {\"columns\": [[1, 2], 0]}}");
        assertTrue(m.contains("truncation.columns[0]: expected 3 integers"), m);
    }

    @Test
    void masksWiderThanTheirActivationAreRejected() {
        String m = rejected("{\"masks\": {\"layers\": [[[16,15,15,15,15,15,15,15,15,15,15,15,15],"
                + "[15,15,15,15,15,15,15,15,15,15,15,15,15],[15,15,15,15,15,15,15,15,15,15,15,15,15]], null]}}");
        assertTrue(m.contains("masks.layers[0][0][0]: expected a mask in [0, 15] (the input is 4 bits wide)"), m);
        m = rejected("{\"activations\": {\"hidden\": [{\"bits\": 6}]},"
                + " \"masks\": {\"layers\": [null, [[64, 1, 1], [1, 1, 1], [1, 1, 1]]]}}");
        assertTrue(m.contains("masks.layers[1][0][0]: expected a mask in [0, 63] (the input is 6 bits wide)"), m);
        // A full-width window is as wide as its sum, at most the 62 bits pmlp computes.
        m = rejected("{\"activations\": {\"hidden\": [{\"bits\": 0}]},"
                + " \"masks\": {\"layers\": [null, [[4611686018427387904, 1, 1], [1, 1, 1], [1, 1, 1]]]}}");
        assertTrue(m.contains("masks.layers[1][0][0]: expected a mask in [0, 4611686018427387903] (the input is 62 bits wide)"), m);
        parse("{\"activations\": {\"hidden\": [{\"bits\": 0}]},"
                + " \"masks\": {\"layers\": [null, [[4611686018427387903, 1, 1], [1, 1, 1], [1, 1, 1]]]}}");
    }

    @Test
    void badWindowsOrdersAndFieldsAreRejected() {
        String m = rejected("{\"activations\": {\"hidden\": [{\"msb\": 3, \"lsb\": 5}]}}");
        assertTrue(m.contains("msb 3 is below lsb 5"), m);
        m = rejected("{\"argmax\": {\"order\": [0, 0, 1]}}");
        assertTrue(m.contains("permutation"), m);
        m = rejected("{\"weights\": {\"formats\": \"float\"}}");
        assertTrue(m.contains("weights.formats: unknown weight format 'float'"), m);
        m = rejected("{\"truncate\": {}}");
        assertTrue(m.contains("truncate: unknown field"), m);
        m = rejected("{\"prune\": {\"fraction\": 1.5}}");
        assertTrue(m.contains("prune.fraction: expected a fraction in [0, 1]"), m);
    }

    /**
     * Each knob, set alone, changes the classes the golden model gives (and the reference agrees
     * with it): a knob that is parsed but ignored fails here. The tournament order only matters
     * on ties, so it is compared against the same one-bit comparators, which tie often.
     */
    @Test
    void everyKnobIsReachable() {
        Mlp m = wine();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int[][] calib = new int[64][13];
        for (int[] row : calib) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(15);
            }
        }
        int[][] vectors = new int[1000][13];
        for (int[] row : vectors) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? 0 : 15) : r.nextInt(16);
            }
        }
        List<String[]> knobs = List.of(
                new String[] {"{}", "{\"weights\": {\"formats\": \"po2\"}}"},
                new String[] {"{}", "{\"weights\": {\"formats\": [\"csd2\", \"fixed8\"]}}"},
                new String[] {"{}", "{\"weights\": {\"formats\": \"ternary\"}}"},
                new String[] {"{}", "{\"prune\": {\"fraction\": 0.3}}"},
                new String[] {"{}", "{\"inputs\": {\"bits\": 2}}"},
                new String[] {"{}", "{\"activations\": {\"hidden\": [{\"msb\": 10, \"lsb\": 4}]}}"},
                new String[] {"{}", "{\"activations\": {\"hidden\": [[{\"bits\": 2}, {\"bits\": 3}, {\"bits\": 2}]]}}"},
                new String[] {"{}", "{\"activations\": {\"output\": {\"kind\": \"relu\", \"bits\": 2}}}"},
                new String[] {"{}", "{\"masks\": {\"layers\": [null, [[240, 240, 240], [255, 255, 255], [255, 255, 255]]]}}"},
                new String[] {"{}", "{\"truncation\": {\"columns\": 6, \"compensate\": false}}"},
                new String[] {"{\"truncation\": {\"columns\": 6, \"compensate\": false}}",
                        "{\"truncation\": {\"columns\": 6, \"compensate\": true}}"},
                new String[] {"{\"argmax\": {\"bits\": 1}}", "{\"argmax\": {\"bits\": 1, \"order\": [2, 1, 0]}}"},
                new String[] {"{}", "{\"argmax\": {\"bits\": 2}}"},
                new String[] {"{}", "{\"argmax\": {\"ignore_low\": 8}}"});
        for (String[] k : knobs) {
            int[] base = classes(m, parse(k[0]), calib, vectors);
            int[] variant = classes(m, parse(k[1]), calib, vectors);
            assertTrue(!java.util.Arrays.equals(base, variant), k[1] + " changes no class against " + k[0]);
        }
    }

    /** Golden classes on the vectors, checked against the independent reference. */
    private static int[] classes(Mlp m, DesignConfig c, int[][] calib, int[][] vectors) {
        CompiledDesign d = DesignFlow.compileRetrained(m, c, calib);
        int[] golden = d.program().classifyAll(vectors);
        assertArrayEquals(org.pmlp.reference.ReferenceModel.of(m, c, calib).classifyAll(vectors), golden);
        return golden;
    }

    @Test
    void emptySectionsMeanExact() {
        ObjectNode exact = (ObjectNode) DesignConfig.exact(ModelShape.of(wine()), QuantSpec.DEFAULT).toJson();
        assertEquals(Json.write(exact), Json.write(parse("{}").toJson()));
    }
}
