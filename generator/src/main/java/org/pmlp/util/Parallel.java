package org.pmlp.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.pmlp.ToolFailure;

/** The few things every parallel job loop here needs: joining, shutting down, scratch space. */
public final class Parallel {
    private Parallel() {
    }

    /** The task's result; its own runtime exception (a UserError, a ToolFailure) passes through. */
    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailure("interrupted");
        }
    }

    /** Stops the pool and waits for running tasks, so their files can be removed safely. */
    public static void shutdown(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A fresh temporary folder for a batch of jobs. */
    public static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new ToolFailure("cannot create a temporary folder: " + e.getMessage());
        }
    }
}
