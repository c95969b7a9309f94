package org.pmlp.quant;

import java.util.ArrayList;
import java.util.List;

/**
 * Canonical signed digit recoding: {@code v = sum sign_k * 2^shift_k} with no two adjacent
 * non-zero digits, the representation with the fewest non-zero digits. Each digit of a hard-wired
 * weight is one shifted copy of the input in the neuron's bit heap.
 */
public final class Csd {
    private Csd() {
    }

    /** One non-zero digit: {@code sign * 2^shift}. */
    public record Digit(int shift, int sign) {
    }

    public static List<Digit> digits(long v) {
        List<Digit> out = new ArrayList<>(4);
        int shift = 0;
        while (v != 0) {
            if ((v & 1) != 0) {
                int d = 2 - (int) (v & 3); // +1 when v = ...01, -1 when v = ...11
                out.add(new Digit(shift, d));
                v -= d;
            }
            v >>= 1;
            shift++;
        }
        return out;
    }

    /** Number of non-zero CSD digits of v. */
    public static int weight(long v) {
        int n = 0;
        while (v != 0) {
            if ((v & 1) != 0) {
                v -= 2 - (v & 3);
                n++;
            }
            v >>= 1;
        }
        return n;
    }
}
