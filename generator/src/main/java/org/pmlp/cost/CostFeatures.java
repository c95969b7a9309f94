package org.pmlp.cost;

/**
 * Counts of the circuit's building blocks, read from the representation without emitting it:
 * the cost model's linear features. Adder counts come from running the emitter's own heap
 * compression policy on bit tokens (variable, constant one, constant zero), so they are the
 * adders the Verilog will contain before synthesis.
 */
public final class CostFeatures {
    /** Feature names, in the order of {@link #vector()}. */
    public static final String[] NAMES = {
        "full_adders", "const_full_adders", "half_adders", "inverters", "activation_gates",
        "comparator_bits", "mux_bits", "flip_flops"};

    /** Full adders with three variable inputs. */
    public int fullAdders;
    /** Full adders with one constant-one input (an XNOR and an OR). */
    public int constFullAdders;
    /** Half adders, and full adders with a constant-zero input. */
    public int halfAdders;
    /** Inverted negative heap bits and half adders with a constant-one input. */
    public int inverters;
    /** ReLU clamping and saturation gates. */
    public int activationGates;
    /** Bits compared by the argmax comparators. */
    public int comparatorBits;
    /** Value and index bits multiplexed by the argmax tournament. */
    public int muxBits;
    /** Registered input bits and output bits. */
    public int flipFlops;

    public double[] vector() {
        return new double[] {fullAdders, constFullAdders, halfAdders, inverters, activationGates, comparatorBits,
            muxBits, flipFlops};
    }

    void reset() {
        fullAdders = 0;
        constFullAdders = 0;
        halfAdders = 0;
        inverters = 0;
        activationGates = 0;
        comparatorBits = 0;
        muxBits = 0;
        flipFlops = 0;
    }

    @Override
    public String toString() {
        double[] v = vector();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append((int) v[i]);
        }
        return sb.toString();
    }
}
