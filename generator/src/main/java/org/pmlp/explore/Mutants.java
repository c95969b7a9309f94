package org.pmlp.explore;

import java.util.SplittableRandom;

/** Genomes near a given one: each gene redrawn with some probability. Seeds the search. */
public final class Mutants {
    private Mutants() {
    }

    public static int[][] mutate(SearchSpace space, int[][] genome, double rate, SplittableRandom r) {
        int[][] out = new int[genome.length][];
        for (int b = 0; b < genome.length; b++) {
            out[b] = genome[b].clone();
            int max = space.blocks().get(b).max();
            for (int i = 0; i < out[b].length; i++) {
                if (r.nextDouble() < rate) {
                    out[b][i] = r.nextInt(max + 1);
                }
            }
        }
        return out;
    }
}
