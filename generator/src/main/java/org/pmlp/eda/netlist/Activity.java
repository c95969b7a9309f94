package org.pmlp.eda.netlist;

import java.util.Map;

/**
 * What a simulation observed: per net the cycles at 1 and the toggles between consecutive
 * cycles, per instance pin the toggles (clock pins: two per cycle) and those counting for each
 * internal power {@code when}, per instance the time spent
 * in each leakage {@code when} state, and the output port values per cycle.
 */
public final class Activity {
    private final Netlist netlist;
    private final int cycles;
    private final long[] ones;
    private final long[] toggles;
    private final long[][] pinToggles;
    private final long[][][] internalEvents;
    private final long[][] leakageHalfCycles;
    private final Map<String, long[][]> outputWords;

    Activity(Netlist netlist, int cycles, long[] ones, long[] toggles, long[][] pinToggles, long[][][] internalEvents,
             long[][] leakageHalfCycles, Map<String, long[][]> outputWords) {
        this.netlist = netlist;
        this.cycles = cycles;
        this.ones = ones;
        this.toggles = toggles;
        this.pinToggles = pinToggles;
        this.internalEvents = internalEvents;
        this.leakageHalfCycles = leakageHalfCycles;
        this.outputWords = outputWords;
    }

    public Netlist netlist() {
        return netlist;
    }

    /** Number of simulated clock cycles (input vectors). */
    public int cycles() {
        return cycles;
    }

    /** Cycles in which the net is 1 (the clock counts as high for half of each cycle). */
    public long ones(int net) {
        return ones[net];
    }

    /** Toggles of the net between consecutive cycles (the clock: two per cycle). */
    public long toggles(int net) {
        return toggles[net];
    }

    /** Fraction of cycles the net is 1. */
    public double probability(int net) {
        return (double) ones[net] / cycles;
    }

    /** Toggles of a pin of an instance, also for outputs left unconnected (clock pins: two per cycle). */
    public long pinToggles(int instance, int pin) {
        return pinToggles[instance][pin];
    }

    /**
     * Transitions of a pin that count for internal power case {@code powerCase} (index into the
     * pin's {@code internalPower()}): all of them for a case without {@code when}, else those
     * into a cycle in which the {@code when} holds.
     */
    public long internalPowerEvents(int instance, int pin, int powerCase) {
        return internalEvents[instance][pin][powerCase];
    }

    /**
     * Half-cycles the instance spent in leakage state {@code state} (index into the cell's
     * {@code leakageStates()}); index {@code leakageStates().size()} counts half-cycles in no
     * state. Half-cycles, because a state that reads the clock is evaluated with the clock low
     * and high; the counts of one instance sum to {@code 2 * cycles()}.
     */
    public long leakageHalfCycles(int instance, int state) {
        return leakageHalfCycles[instance][state];
    }

    /** The value of an output port (at most 63 bits) in each cycle. */
    public long[] outputValues(String port) {
        long[][] words = outputWords.get(port);
        if (words == null) {
            throw new IllegalArgumentException("no output port " + port + " in " + netlist.moduleName());
        }
        if (words.length > 63) {
            throw new IllegalArgumentException("output port " + port + " has " + words.length + " bits; at most 63 fit");
        }
        long[] values = new long[cycles];
        for (int t = 0; t < cycles; t++) {
            long v = 0;
            for (int b = 0; b < words.length; b++) {
                v |= (words[b][t >>> 6] >>> (t & 63) & 1L) << b;
            }
            values[t] = v;
        }
        return values;
    }

    /** One bit of an output port in each cycle. */
    public boolean[] outputBit(String port, int bit) {
        long[][] words = outputWords.get(port);
        if (words == null || bit < 0 || bit >= words.length) {
            throw new IllegalArgumentException("no output bit " + port + "[" + bit + "] in " + netlist.moduleName());
        }
        boolean[] out = new boolean[cycles];
        for (int t = 0; t < cycles; t++) {
            out[t] = (words[bit][t >>> 6] >>> (t & 63) & 1L) != 0;
        }
        return out;
    }
}
