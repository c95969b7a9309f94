package org.pmlp.util;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
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

    /**
     * {@code f(0) .. f(n - 1)} computed on the pool, in that order: one task per pool thread, each
     * taking the next index until none is left. For many short pure tasks (the search's
     * evaluations, tens of microseconds each), one task per item was a fifth slower (pmlp
     * throughput, 2 threads: 16,000-17,000 candidates/s, against 20,500-22,700 this way), most
     * likely from the caller waking to join each item's future and the queue's hand-offs, on a
     * machine of two cores. The first exception stops the other tasks taking more items and, once
     * all have stopped, is thrown as {@link #join} throws it.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> map(ExecutorService pool, int n, IntFunction<T> f) {
        Object[] out = new Object[n];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.min(n, pool instanceof ThreadPoolExecutor t ? t.getMaximumPoolSize()
                : Runtime.getRuntime().availableProcessors());
        List<Future<?>> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            tasks.add(pool.submit(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        out[i] = f.apply(i);
                    }
                } catch (RuntimeException | Error e) {
                    next.set(n);
                    throw e;
                }
            }));
        }
        RuntimeException first = null;
        for (Future<?> t : tasks) {
            try {
                join(t);
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return (List<T>) Arrays.asList(out);
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
