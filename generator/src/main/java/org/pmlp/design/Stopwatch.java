package org.pmlp.design;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Seconds per named stage, in the order the stages ran. */
public final class Stopwatch {
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    public <T> T time(String stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(stage, (System.nanoTime() - start) / 1e9);
        }
    }

    public void time(String stage, Runnable work) {
        time(stage, () -> {
            work.run();
            return null;
        });
    }

    public void add(String stage, double s) {
        seconds.merge(stage, s, Double::sum);
    }

    public Map<String, Double> seconds() {
        return seconds;
    }

    public double total() {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
