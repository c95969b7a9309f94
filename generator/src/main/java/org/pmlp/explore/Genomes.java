package org.pmlp.explore;

import io.jenetics.Chromosome;
import io.jenetics.Genotype;
import io.jenetics.IntegerChromosome;
import io.jenetics.IntegerGene;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversion between Jenetics genotypes and the plain int blocks of {@link SearchSpace}. Jenetics
 * gene ranges exclude their upper bound, so a block's inclusive max becomes max + 1.
 */
final class Genomes {
    private Genomes() {
    }

    static Genotype<IntegerGene> factoryTemplate(SearchSpace space) {
        List<IntegerChromosome> cs = new ArrayList<>();
        for (SearchSpace.Block b : space.blocks()) {
            cs.add(IntegerChromosome.of(0, b.max() + 1, b.length()));
        }
        return Genotype.of(cs);
    }

    static int[][] toInts(Genotype<IntegerGene> g) {
        int[][] out = new int[g.length()][];
        for (int c = 0; c < g.length(); c++) {
            Chromosome<IntegerGene> ch = g.get(c);
            out[c] = new int[ch.length()];
            for (int i = 0; i < ch.length(); i++) {
                out[c][i] = ch.get(i).intValue();
            }
        }
        return out;
    }

    static Genotype<IntegerGene> toGenotype(SearchSpace space, int[][] genome) {
        List<IntegerChromosome> cs = new ArrayList<>();
        for (int b = 0; b < genome.length; b++) {
            int max = space.blocks().get(b).max();
            List<IntegerGene> genes = new ArrayList<>();
            for (int v : genome[b]) {
                genes.add(IntegerGene.of(Math.max(0, Math.min(max, v)), 0, max + 1));
            }
            cs.add(IntegerChromosome.of(genes));
        }
        return Genotype.of(cs);
    }
}
