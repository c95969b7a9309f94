package org.pmlp.approx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.quant.InputLevels;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/** {@code inputs.levels}: written back as read, and every malformed entry refused naming its field. */
class InputLevelsConfigTest {
    private static final ModelShape SHAPE = new ModelShape(3, new int[] {2, 2}, 2);

    private static DesignConfig parse(String json) {
        try {
            return DesignConfig.parse(Json.of("design.json", Json.MAPPER.readTree(json)), SHAPE, QuantSpec.DEFAULT);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rejected(String inputs) {
        return assertThrows(UserError.class, () -> parse("{\"inputs\": " + inputs + "}")).getMessage();
    }

    @Test
    void levelsRoundTrip() {
        DesignConfig c = parse("{\"inputs\": {\"bits\": [2, 4, 1], \"levels\": [{\"thresholds\": [3, 7, 12],"
                + " \"codes\": [1, 5, 9, 14]}, null, {\"thresholds\": [6], \"codes\": [2, 11]}]}}");
        InputBitsPass p = c.pass(InputBitsPass.NAME);
        assertEquals(new InputLevels(new int[] {3, 7, 12}, new int[] {1, 5, 9, 14}), p.levels()[0]);
        assertNull(p.levels()[1]);
        assertArrayEquals(new int[] {2, 11}, p.levels()[2].codes());
        String once = Json.write(c.toJson());
        DesignConfig again = parse(once);
        assertEquals(p, again.pass(InputBitsPass.NAME));
        assertEquals(once, Json.write(again.toJson()), "byte-identical round trip");
        DesignConfig plain = parse("{\"inputs\": {\"bits\": 2}}");
        assertTrue(!Json.write(plain.toJson()).contains("levels"), "top bits only: no levels field written");
    }

    @Test
    void malformedLevelsNameTheirField() {
        String m = rejected("{\"bits\": 2, \"levels\": [null, null]}");
        assertTrue(m.contains("inputs.levels") && m.contains("3 entries"), m);
        m = rejected("{\"bits\": 2, \"levels\": [{\"thresholds\": [3, 7, 12, 13], \"codes\": [1, 2, 3, 4, 5]}, null, null]}");
        assertTrue(m.contains("inputs.levels[0].thresholds") && m.contains("at most 3"), m);
        m = rejected("{\"bits\": 2, \"levels\": [{\"thresholds\": [7, 3], \"codes\": [1, 2, 3]}, null, null]}");
        assertTrue(m.contains("inputs.levels[0].thresholds[1]") && m.contains("increasing"), m);
        m = rejected("{\"bits\": 2, \"levels\": [null, {\"thresholds\": [3], \"codes\": [1]}, null]}");
        assertTrue(m.contains("inputs.levels[1].codes") && m.contains("2 integers"), m);
        m = rejected("{\"bits\": 2, \"levels\": [null, {\"thresholds\": [16], \"codes\": [1, 2]}, null]}");
        assertTrue(m.contains("inputs.levels[1].thresholds[0]") && m.contains("[1, 15]"), m);
        m = rejected("{\"bits\": 2, \"levels\": [null, null, {\"thresholds\": [3], \"codes\": [1, 16]}]}");
        assertTrue(m.contains("inputs.levels[2].codes[1]"), m);
        m = rejected("{\"bits\": [2, 0, 2], \"levels\": [null, {\"thresholds\": [3], \"codes\": [1, 2]}, null]}");
        assertTrue(m.contains("inputs.levels[1]") && m.contains("bits 0"), m);
        m = rejected("{\"bits\": 2, \"levels\": [null, {\"thresholds\": [3], \"code\": [1, 2]}, null]}");
        assertTrue(m.contains("inputs.levels[1].code") && m.contains("unknown field"), m);
    }
}
