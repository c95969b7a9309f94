package org.pmlp.explore;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * While an exploration runs, Ctrl-C (or a kill) prints how to continue it: the checkpoint of
 * the last completed generation is already on disk. Closing it (the run ended) removes the hint.
 */
public final class ResumeHint implements AutoCloseable {
    private final Thread hook;

    private ResumeHint(Thread hook) {
        this.hook = hook;
    }

    public static ResumeHint install(Path dir, PrintStream out) {
        String quoted = quoteForShell(dir.toString());
        Thread hook = new Thread(() -> {
            out.printf("%ninterrupted: the search is saved up to its last completed generation; continue with%n"
                    + "  pmlp explore --resume %s%n", quoted);
            out.flush();
        }, "pmlp-resume-hint");
        Runtime.getRuntime().addShutdownHook(hook);
        return new ResumeHint(hook);
    }

    /** The path as a user can paste it into a POSIX shell. */
    static String quoteForShell(String s) {
        return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, which is right
        }
    }
}
