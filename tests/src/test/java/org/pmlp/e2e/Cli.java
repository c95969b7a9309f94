package org.pmlp.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the pmlp CLI in a child JVM and captures what it prints and its exit code. */
final class Cli {
    record Run(int exitCode, String out) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    /** @param env extra or replaced environment variables (e.g. a PATH without some tool) */
    static Run run(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.pmlp.cli.Main");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Thread t = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(buf);
                } catch (IOException e) {
                    // process ended
                }
            });
            t.start();
            if (!p.waitFor(20, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("pmlp " + String.join(" ", args) + " did not finish in 20 minutes");
            }
            t.join();
            String out = buf.toString(StandardCharsets.UTF_8);
            new PrintStream(System.out, true, StandardCharsets.UTF_8).print(out);
            return new Run(p.exitValue(), out);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
