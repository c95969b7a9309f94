package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the pmlp CLI in this JVM, capturing everything it prints (stdout, stderr, picocli's writers). */
final class InProcessCli {
    private InProcessCli() {
    }

    static synchronized EveryOptionMattersTest.Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        StringWriter errors = new StringWriter();
        int code;
        System.setOut(capture);
        System.setErr(capture);
        try {
            CommandLine cl = Main.commandLine();
            cl.setErr(new PrintWriter(errors, true));
            cl.setOut(new PrintWriter(capture, true));
            try {
                code = cl.execute(args);
            } catch (RuntimeException e) {
                fail("pmlp " + String.join(" ", args) + " threw " + e, e);
                return null;
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new EveryOptionMattersTest.Run(code, buf.toString(StandardCharsets.UTF_8) + errors);
    }
}
