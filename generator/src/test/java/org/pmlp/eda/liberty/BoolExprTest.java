package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

class BoolExprTest {

    /** Checks the expression against a reference over all assignments, both one-bit and bit-parallel. */
    private static void assertTruthTable(String text, List<String> vars, Predicate<boolean[]> reference) {
        BoolExpr e = BoolExpr.parse(text, "t:1");
        CompiledExpr c = e.compile(vars);
        int n = vars.size();
        long[] words = new long[n];
        for (int row = 0; row < (1 << n); row++) {
            boolean[] bits = new boolean[n];
            Map<String, Boolean> values = new HashMap<>();
            for (int i = 0; i < n; i++) {
                bits[i] = (row >> i & 1) != 0;
                values.put(vars.get(i), bits[i]);
                if (bits[i]) {
                    words[i] |= 1L << row; // lane 'row' carries this assignment
                }
            }
            assertEquals(reference.test(bits), e.eval(values), text + " row " + row);
        }
        long got = c.eval(words);
        for (int row = 0; row < (1 << n); row++) {
            boolean[] bits = new boolean[n];
            for (int i = 0; i < n; i++) {
                bits[i] = (row >> i & 1) != 0;
            }
            assertEquals(reference.test(bits), (got >>> row & 1) != 0, text + " lane " + row);
        }
    }

    @Test
    void followsLibertyPrecedence() {
        List<String> abc = List.of("A", "B", "C");
        assertTruthTable("A + B * C", abc, v -> v[0] || (v[1] && v[2]));
        assertTruthTable("A * B + C", abc, v -> (v[0] && v[1]) || v[2]);
        assertTruthTable("A * B ^ C", abc, v -> v[0] && (v[1] ^ v[2])); // ^ binds tighter than *
        assertTruthTable("A ^ B + C", abc, v -> (v[0] ^ v[1]) || v[2]);
        assertTruthTable("!A * B", abc, v -> !v[0] && v[1]);
        assertTruthTable("(A + B)' C", abc, v -> !(v[0] || v[1]) && v[2]);
        assertTruthTable("A B' | C & 1", abc, v -> (v[0] && !v[1]) || v[2]);
        assertTruthTable("!A !B !C", abc, v -> !v[0] && !v[1] && !v[2]);
        assertTruthTable("!(A ^ B) + 0", abc, v -> v[0] == v[1]);
        assertTruthTable("A''", abc, v -> v[0]);
        assertTruthTable("(!A1) + (!A2)", List.of("A1", "A2"), v -> !(v[0] && v[1]));
        assertTruthTable("!OE&Y", List.of("OE", "Y"), v -> !v[0] && v[1]);
    }

    @Test
    void listsVariablesAndCompilesConstants() {
        assertEquals(Set.of("CP", "D", "Q_bar"), BoolExpr.parse("(CP * D * !Q_bar)", "t:1").variables());
        CompiledExpr one = BoolExpr.parse("1", "t:1").compile(List.of());
        assertTrue(one.isConstant());
        assertEquals(-1L, one.eval(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> BoolExpr.parse("X", "t:1").compile(List.of("A")));
    }

    @Test
    void deepExpressionsEvaluateWithTheirStackDepth() {
        List<String> vars = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            vars.add("v" + i);
            sb.append(i == 0 ? "" : " + (").append("v").append(i);
        }
        sb.append(")".repeat(19));
        CompiledExpr c = BoolExpr.parse(sb.toString(), "t:1").compile(vars);
        long[] words = new long[20];
        words[19] = 0b1010;
        assertEquals(0b1010, c.eval(words, new long[c.stackDepth()]));
    }

    @Test
    void malformedExpressionsNameWhereAndWhat() {
        UserError e = assertThrows(UserError.class, () -> BoolExpr.parse("A * (B + C", "lib.lib:7"));
        assertEquals("lib.lib:7: expected ')' at column 11 of \"A * (B + C\", got end of expression", e.getMessage());
        e = assertThrows(UserError.class, () -> BoolExpr.parse("A + * B", "lib.lib:8"));
        assertTrue(e.getMessage().startsWith("lib.lib:8: expected a pin name"), e.getMessage());
        e = assertThrows(UserError.class, () -> BoolExpr.parse("A )", "lib.lib:9"));
        assertTrue(e.getMessage().startsWith("lib.lib:9: expected an operator or end of expression at column 3"),
                e.getMessage());
        assertThrows(UserError.class, () -> BoolExpr.parse("", "lib.lib:10"));
        assertThrows(UserError.class, () -> BoolExpr.parse("2", "lib.lib:11"));
    }
}
