package org.pmlp.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.ir.Tournament;

/**
 * The speculative argmax gates must decide exactly as the tournament does, match by match,
 * whatever each comparator's bits (approximate comparators are not transitive, so this is not
 * the same as "the first maximum"), signed or unsigned, for every class count that speculates.
 */
class ArgmaxGatesTest {
    @Test
    void speculativeTournamentDecidesAsTheTournament() {
        SplittableRandom r = new SplittableRandom(7);
        int speculated = 0;
        for (int trial = 0; trial < 600; trial++) {
            int k = 2 + r.nextInt(16);
            int vw = 2 + r.nextInt(6);
            boolean signed = r.nextBoolean();
            Tournament t = Tournament.of(k);
            int[] bits = new int[t.comparators()];
            int mode = r.nextInt(3); // all exact, all the same subset, each its own
            int same = 1 + r.nextInt(vw);
            for (int c = 0; c < bits.length; c++) {
                bits[c] = mode == 0 ? vw : mode == 1 ? same : 1 + r.nextInt(vw);
            }
            Gates g = new Gates();
            int iw = Math.max(1, 32 - Integer.numberOfLeadingZeros(k - 1));
            int[][] value = new int[k + t.comparators()][];
            int[][] index = new int[k + t.comparators()][];
            int[][] inputs = new int[k][vw];
            // in half the trials the value bits arrive at random times (behind ANDs with an input
            // that is always 1), so the arrival-driven comparator and select trees take odd shapes
            int enable = g.input();
            boolean skewed = r.nextBoolean();
            for (int i = 0; i < k; i++) {
                value[i] = new int[vw];
                for (int j = 0; j < vw; j++) {
                    inputs[i][j] = g.input();
                    value[i][j] = inputs[i][j];
                    for (int d = skewed ? r.nextInt(6) : 0; d > 0; d--) {
                        value[i][j] = g.and(value[i][j], enable);
                    }
                }
                index[i] = new int[iw];
                for (int j = 0; j < iw; j++) {
                    index[i][j] = Gates.constant((i >> j & 1) != 0);
                }
            }
            // every speculation depth the emitter may choose, and deeper than the tournament
            ArgmaxGates a = new ArgmaxGates(g, t, bits, vw, signed, r.nextInt(ArgmaxGates.MAX_SPECULATED_LEVELS + 2));
            if (a.speculatedFrom() <= a.levels()) {
                speculated++;
            }
            int[] y = a.build(value, index);
            for (int v = 0; v < 40; v++) {
                int[] x = new int[k];
                for (int i = 0; i < k; i++) {
                    // few distinct values: ties and near-ties are where the tournament's order matters
                    x[i] = r.nextInt(4) == 0 ? x[Math.max(0, i - 1)] : r.nextInt(1 << vw);
                }
                boolean[] s = g.simulate(sig -> {
                    if (sig == enable) {
                        return true;
                    }
                    for (int i = 0; i < k; i++) {
                        for (int j = 0; j < vw; j++) {
                            if (inputs[i][j] == sig) {
                                return (x[i] >> j & 1) != 0;
                            }
                        }
                    }
                    throw new AssertionError("unknown input " + sig);
                });
                int got = 0;
                for (int j = 0; j < iw; j++) {
                    if (s[y[j]]) {
                        got |= 1 << j;
                    }
                }
                assertEquals(tournament(t, bits, x, vw, signed), got,
                        "k " + k + " vw " + vw + " signed " + signed + " bits " + java.util.Arrays.toString(bits));
            }
        }
        assertTrue(speculated > 100, "speculative tournaments exercised: " + speculated);
    }

    /** The tournament as the golden model plays it: the right operand wins only when greater on the compared bits. */
    static int tournament(Tournament t, int[] bits, int[] x, int vw, boolean signed) {
        int k = t.leaves();
        int[] winner = new int[k + t.comparators()];
        for (int i = 0; i < k; i++) {
            winner[i] = i;
        }
        for (int c = 0; c < t.comparators(); c++) {
            int l = winner[t.left()[c]];
            int rr = winner[t.right()[c]];
            winner[k + c] = key(x[rr], vw, bits[c], signed) > key(x[l], vw, bits[c], signed) ? rr : l;
        }
        return winner[t.root()];
    }

    private static int key(int raw, int vw, int b, boolean signed) {
        int v = signed && (raw >> (vw - 1) & 1) != 0 ? raw - (1 << vw) : raw;
        return v >> (vw - b);
    }
}
