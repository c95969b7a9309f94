package org.pmlp.cost;

import java.util.Arrays;

/**
 * The cost model's linear features: the live cells of the netlist the emitter prints, by kind
 * (after constant folding and structural hashing, so exactly the gates of the Verilog), and the
 * flip-flops of its registers. The flip-flops are a feature of their own because they depend
 * on the registers chosen, not on the combinational core.
 */
public final class CostFeatures {
    /** Feature names, in the order of {@link #vector()}: the emitted gate kinds, then flip-flops. */
    public static final String[] NAMES = {"not", "and", "or", "xor", "xor3", "maj", "flip_flops"};

    /** Index of the flip-flop feature in {@link #vector()}. */
    public static final int FLIP_FLOPS = NAMES.length - 1;

    private final int[] counts;

    /** @param gates live gates by kind ({@link org.pmlp.rtl.VerilogEmitter.GateCensus#KINDS} order) */
    public CostFeatures(int[] gates, int flipFlops) {
        if (gates.length != FLIP_FLOPS) {
            throw new IllegalArgumentException("expected " + FLIP_FLOPS + " gate counts, got " + gates.length);
        }
        counts = Arrays.copyOf(gates, NAMES.length);
        counts[FLIP_FLOPS] = flipFlops;
    }

    /** Count of feature {@code i} ({@link #NAMES} order). */
    public int count(int i) {
        return counts[i];
    }

    /** Live logic gates (every kind but flip-flops). */
    public int gates() {
        int n = 0;
        for (int i = 0; i < FLIP_FLOPS; i++) {
            n += counts[i];
        }
        return n;
    }

    public int flipFlops() {
        return counts[FLIP_FLOPS];
    }

    public double[] vector() {
        double[] v = new double[counts.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts[i];
        }
        return v;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(counts[i]);
        }
        return sb.toString();
    }
}
