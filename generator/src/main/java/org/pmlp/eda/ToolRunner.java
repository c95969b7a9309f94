package org.pmlp.eda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pmlp.ToolFailure;

/**
 * Runs an external tool with a timeout, capturing its output. A missing tool, a timeout or a
 * failing exit code becomes a {@link ToolFailure} carrying the tool's own last lines.
 */
public final class ToolRunner {
    private ToolRunner() {
    }

    /** A tool that exceeded its time limit: a {@link ToolFailure} that callers may tell apart. */
    public static final class TimedOut extends ToolFailure {
        public TimedOut(String message) {
            super(message);
        }
    }

    /** What a finished tool printed. */
    public record Result(int exitCode, String output, double seconds) {
    }

    /** Runs and requires exit code 0. */
    public static Result run(List<String> command, Path dir, long timeoutSeconds) {
        Result r = runAllowingFailure(command, dir, timeoutSeconds);
        if (r.exitCode() != 0) {
            // make reports a recipe killed by timeout(1) as "Error 124".
            if (timedOut(r)) {
                throw new TimedOut(describe(command) + " timed out (a tool it ran exceeded its time limit of "
                        + timeoutSeconds + " s; raise it with --timeout):\n" + tail(r.output(), 25));
            }
            throw new ToolFailure(describe(command) + " failed (exit code " + r.exitCode() + "):\n" + tail(r.output(), 25));
        }
        return r;
    }

    /** Whether a finished run was stopped by timeout(1), directly (exit 124) or in a make recipe. */
    public static boolean timedOut(Result r) {
        return r.exitCode() == 124 || r.output().contains("Error 124");
    }

    /** Seconds granted beyond a tool's own limit, so timeout(1) inside make fires first. */
    private static final long GRACE_SECONDS = 30;

    /** Runs and returns whatever the exit code; still fails on a missing tool or a timeout. */
    public static Result runAllowingFailure(List<String> command, Path dir, long timeoutSeconds) {
        return runAllowingFailure(command, dir, timeoutSeconds, GRACE_SECONDS);
    }

    /**
     * As {@link #runAllowingFailure(List, Path, long)}, killing the tool (and its children) after
     * {@code timeoutSeconds + graceSeconds}; the grace lets a timeout(1) inside make report first.
     */
    static Result runAllowingFailure(List<String> command, Path dir, long timeoutSeconds, long graceSeconds) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ToolFailure(command.get(0) + " could not be started (" + e.getMessage()
                    + "); run `pmlp doctor` to see what is missing and how to install it");
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                byte[] buf = new byte[8192];
                int n;
                var in = p.getInputStream();
                while ((n = in.read(buf)) > 0) {
                    synchronized (out) {
                        out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read is kept
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(timeoutSeconds + graceSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(2000);
                String text;
                synchronized (out) {
                    text = out.toString();
                }
                throw new TimedOut(describe(command) + " timed out after " + timeoutSeconds + " s"
                        + (text.isBlank() ? "" : "; its last output:\n" + tail(text, 15)));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ToolFailure(describe(command) + " was interrupted");
        }
        String text;
        synchronized (out) {
            text = out.toString();
        }
        return new Result(p.exitValue(), text, (System.nanoTime() - start) / 1e9);
    }

    static String describe(List<String> command) {
        List<String> shown = new ArrayList<>(command);
        return String.join(" ", shown.size() > 6 ? shown.subList(0, 6) : shown) + (shown.size() > 6 ? " ..." : "");
    }

    /** The last {@code lines} lines of a text. */
    public static String tail(String text, int lines) {
        String[] all = text.strip().split("\n");
        int from = Math.max(0, all.length - lines);
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < all.length; i++) {
            sb.append("  | ").append(all[i]).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
