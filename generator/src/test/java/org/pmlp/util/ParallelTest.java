package org.pmlp.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void mapKeepsTheOrderAndRunsOnEveryPoolThreadWithOneTaskEach() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Integer> squares = Parallel.map(pool, 500, i -> {
                threads.add(Thread.currentThread().getName());
                // long enough that every worker takes some
                long x = 0;
                for (int k = 0; k < 20_000; k++) {
                    x += k ^ i;
                }
                return x == -1 ? -1 : i * i;
            });
            assertEquals(500, squares.size());
            for (int i = 0; i < 500; i++) {
                assertEquals(i * i, squares.get(i));
            }
            assertTrue(threads.size() <= 3, threads.toString());
            assertEquals(List.of(), Parallel.map(pool, 0, i -> i));
        } finally {
            Parallel.shutdown(pool);
        }
    }

    @Test
    void mapThrowsTheTasksOwnExceptionAndStopsTakingMore() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            AtomicInteger calls = new AtomicInteger();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.map(pool, 10_000, i -> {
                calls.incrementAndGet();
                if (i == 10) {
                    throw new IllegalArgumentException("item 10");
                }
                return i;
            }));
            assertEquals("item 10", e.getMessage());
            assertTrue(calls.get() < 10_000, "stopped after the failure: " + calls.get() + " calls");
        } finally {
            Parallel.shutdown(pool);
        }
    }
}
