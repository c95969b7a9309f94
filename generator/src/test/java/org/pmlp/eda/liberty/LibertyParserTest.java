package org.pmlp.eda.liberty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

class LibertyParserTest {

    @Test
    void parsesGroupsAttributesCommentsAndContinuations() {
        String text = """
                /* header comment
                   over two lines */
                library (demo) {
                  delay_model : table_lookup;
                  capacitive_load_unit (1,pf);
                  default_max_transition : 1e+06;
                  comment : "a; quoted {string}";
                  area_nosemi : 12.5
                  cell (INV) {
                    area : 3 ;
                    pin ("A") { direction : input; }
                    leakage_power () { value : -2.5e-3; when : "A"; }
                    values ( \\
                      "1, 2, 3", \\
                      "4, 5, 6" \\
                    );
                  }
                }
                """;
        LibertyGroup lib = LibertyParser.parse(text, "demo.lib");
        assertEquals("library", lib.type());
        assertEquals("demo", lib.name());
        assertEquals(3, lib.line());
        assertEquals("table_lookup", lib.value("delay_model"));
        assertEquals(List.of("1", "pf"), lib.attribute("capacitive_load_unit").get().values());
        assertTrue(lib.attribute("capacitive_load_unit").get().complex());
        assertEquals("1e+06", lib.value("default_max_transition"));
        assertEquals("a; quoted {string}", lib.value("comment"));
        assertEquals("12.5", lib.value("area_nosemi"));
        LibertyGroup cell = lib.groups("cell").get(0);
        assertEquals("INV", cell.name());
        assertEquals(9, cell.line());
        assertEquals("A", cell.groups("pin").get(0).name());
        assertEquals("", cell.groups("leakage_power").get(0).name());
        assertEquals("-2.5e-3", cell.groups("leakage_power").get(0).value("value"));
        LibertyAttribute values = cell.attribute("values").get();
        assertEquals(List.of("1, 2, 3", "4, 5, 6"), values.values());
        assertEquals(13, values.line());
    }

    @Test
    void reportsFileLineAndWhatWasExpected() {
        UserError e = assertThrows(UserError.class,
                () -> LibertyParser.parse("library (x) {\n  area 5;\n}\n", "bad.lib"));
        assertEquals("bad.lib:2: expected ':' or '(' after 'area', got '5'", e.getMessage());

        e = assertThrows(UserError.class,
                () -> LibertyParser.parse("library (x) {\n  cell (a) {\n    area : 5;\n", "open.lib"));
        assertEquals("open.lib:4: expected '}' closing group cell opened at line 2, got end of file", e.getMessage());

        e = assertThrows(UserError.class,
                () -> LibertyParser.parse("library (x) {\n  area : 5 6 : 7;\n}\n", "two.lib"));
        assertTrue(e.getMessage().startsWith("two.lib:2: expected ';', got ':'"), e.getMessage());

        e = assertThrows(UserError.class,
                () -> LibertyParser.parse("library (x) {\n  /* never closed\n}\n", "c.lib"));
        assertTrue(e.getMessage().startsWith("c.lib:2: expected '*/'"), e.getMessage());

        e = assertThrows(UserError.class, () -> LibertyParser.parse("  \n", "empty.lib"));
        assertTrue(e.getMessage().startsWith("empty.lib:1: expected a group"), e.getMessage());
    }
}
