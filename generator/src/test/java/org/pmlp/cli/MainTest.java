package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
    @Test
    void barePmlpIsAUsageErrorOnStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(Main.USER_ERROR, cl.execute());
        assertTrue(err.toString().contains("Usage: pmlp"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void everyHelpRendersWithoutFormatWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CommandLine root = Main.commandLine();
            root.setOut(new PrintWriter(new StringWriter(), true));
            assertEquals(0, root.execute("--help"));
            for (String name : root.getSubcommands().keySet()) {
                StringWriter help = new StringWriter();
                CommandLine cl = Main.commandLine();
                cl.setOut(new PrintWriter(help, true));
                assertEquals(0, cl.execute(name, "--help"), name);
                assertFalse(help.toString().contains("%n"), name + ": " + help);
            }
        } finally {
            System.setErr(saved);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("WARN"), warnings);
    }
}
