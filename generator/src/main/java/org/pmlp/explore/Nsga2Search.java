package org.pmlp.explore;

import io.jenetics.Genotype;
import io.jenetics.IntegerGene;
import io.jenetics.Mutator;
import io.jenetics.Phenotype;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.engine.EvolutionStart;
import io.jenetics.engine.Evaluator;
import io.jenetics.ext.moea.NSGA2Selector;
import io.jenetics.ext.moea.ParetoFront;
import io.jenetics.ext.moea.Vec;
import io.jenetics.util.ISeq;
import io.jenetics.util.RandomRegistry;
import io.jenetics.util.Seq;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.pmlp.util.Parallel;

/**
 * NSGA-II over the search space with Jenetics: parents and survivors chosen by non-dominated
 * sorting with crowding distance (NSGA-II selection; on cardio it beat tournament parents),
 * uniform crossover and per-gene mutation. The engine itself runs on the calling thread with a random generator
 * seeded per generation, and only the (pure) evaluations run in parallel, so the same seed gives
 * the same search, and a run resumed from a saved generation continues exactly as it would have.
 * An archive keeps every feasible non-dominated design ever evaluated.
 */
public final class Nsga2Search {
    /**
     * Jenetics replaces every population member older than this many generations by a random new
     * genome (its default is 70, which it applies silently). Kept at 70 on purpose: the published
     * benchmark figures were measured with it, and the archive keeps every feasible
     * non-dominated design anyway, so a retired member's design is never lost.
     */
    public static final int DEFAULT_MAX_AGE = 70;

    /**
     * Search parameters. {@code maxAge}: generations a member may live before Jenetics replaces
     * it by a random genome; 0 means never (plain NSGA-II, survivors chosen by rank and crowding only).
     */
    public record Options(int population, int generations, double offspringFraction, double mutation,
                          double crossover, long seed, int maxAge) {
        public Options(int population, int generations, double offspringFraction, double mutation, double crossover,
                       long seed) {
            this(population, generations, offspringFraction, mutation, crossover, seed, DEFAULT_MAX_AGE);
        }
    }

    /**
     * Where a search stands: the next generation to run, its population with each member's
     * generation of birth (Jenetics retires members by age), the archive.
     */
    public record State(long generation, List<int[][]> population, long[] births, List<Candidate> archive,
                        long evaluations) {
    }

    /** Told after every generation. */
    public interface Listener {
        void generation(State state, Candidate smallestFeasible, double candidatesPerSecond);
    }

    private final CandidateEvaluator evaluator;
    private final Objectives objectives;
    private final Options options;
    private final ExecutorService pool;
    private long evaluations;
    private ParetoFront<Candidate> archive;

    public Nsga2Search(CandidateEvaluator evaluator, Objectives objectives, Options options, ExecutorService pool) {
        this.evaluator = evaluator;
        this.objectives = objectives;
        this.options = options;
        this.pool = pool;
    }

    /**
     * Generation 1: the exact design, the exact designs under each feature budget that are
     * feasible (dropping features is the largest saving, and uniform mutation rarely finds it),
     * and mutants of these at rates from 2% to 40%, half of them of the exact design.
     */
    public State initial() {
        SearchSpace space = evaluator.space();
        SplittableRandom r = new SplittableRandom(options.seed());
        List<int[][]> bases = new ArrayList<>();
        bases.add(space.exact());
        int budgets = space.featureBudgets();
        List<CandidateEvaluator.Score> scores = Parallel.map(pool, budgets,
                i -> evaluator.evaluate(space.exactWithBudget(i + 1)));
        for (int b = 1; b <= budgets; b++) {
            if (bases.size() < options.population() / 2 && objectives.feasible(scores.get(b - 1))) {
                bases.add(space.exactWithBudget(b));
            }
        }
        List<int[][]> pop = new ArrayList<>(bases);
        while (pop.size() < options.population()) {
            int[][] base = r.nextBoolean() ? bases.get(0) : bases.get(r.nextInt(bases.size()));
            pop.add(Mutants.mutate(space, base, 0.02 + 0.38 * r.nextDouble(), r));
        }
        long[] births = new long[pop.size()];
        Arrays.fill(births, 1);
        return new State(1, pop, births, List.of(), 0);
    }

    public State run(State start, Listener listener) {
        SearchSpace space = evaluator.space();
        Engine<IntegerGene, Vec<double[]>> engine = engine(space);
        evaluations = start.evaluations();
        archive = newArchive();
        archive.addAll(start.archive());
        List<Phenotype<IntegerGene, Vec<double[]>>> pop = new ArrayList<>();
        for (int i = 0; i < start.population().size(); i++) {
            pop.add(Phenotype.of(Genomes.toGenotype(space, start.population().get(i)), start.births()[i]));
        }
        if (start.evaluations() > 0) {
            // A resumed population was scored before the interruption: score it again, uncounted.
            pop = new ArrayList<>(evaluateAll(ISeq.of(pop)).asList());
            evaluations = start.evaluations();
        }
        EvolutionStart<IntegerGene, Vec<double[]>> next = EvolutionStart.of(ISeq.of(pop), start.generation());
        State state = start;
        for (long gen = start.generation(); gen <= options.generations(); gen++) {
            long before = evaluations;
            long t0 = System.nanoTime();
            EvolutionStart<IntegerGene, Vec<double[]>> from = next;
            EvolutionResult<IntegerGene, Vec<double[]>> result = RandomRegistry.with(
                    new Random(options.seed() * 1_000_003L + gen), rnd -> engine.evolve(from));
            double rate = (evaluations - before) / Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
            next = result.next();
            List<int[][]> genomes = new ArrayList<>();
            long[] births = new long[result.population().size()];
            for (int i = 0; i < births.length; i++) {
                Phenotype<IntegerGene, Vec<double[]>> p = result.population().get(i);
                genomes.add(Genomes.toInts(p.genotype()));
                births[i] = p.generation();
            }
            state = new State(gen + 1, genomes, births, List.copyOf(archive), evaluations);
            listener.generation(state, smallest(archive), rate);
        }
        return state;
    }

    private Engine<IntegerGene, Vec<double[]>> engine(SearchSpace space) {
        Evaluator<IntegerGene, Vec<double[]>> ev = this::evaluateAll;
        int genes = space.blocks().stream().mapToInt(SearchSpace.Block::length).sum();
        // About six genes per child: measured on cardio (3 seeds, 100 x 300) better than 1.5 or 3 per child.
        double mutation = options.mutation() > 0 ? options.mutation() : Math.min(0.05, 6.0 / genes);
        return new Engine.Builder<>(ev, Genomes.factoryTemplate(space))
                .executor(Runnable::run)
                .populationSize(options.population())
                .offspringFraction(options.offspringFraction())
                .alterers(new UniformCrossover<>(options.crossover(), 0.3), new Mutator<>(mutation))
                .offspringSelector(NSGA2Selector.ofVec())
                .survivorsSelector(NSGA2Selector.ofVec())
                .maximalPhenotypeAge(options.maxAge() == 0 ? Long.MAX_VALUE : options.maxAge())
                .maximizing()
                .build();
    }

    /** Scores the unevaluated phenotypes in parallel, keeping the population's order. */
    private ISeq<Phenotype<IntegerGene, Vec<double[]>>> evaluateAll(Seq<Phenotype<IntegerGene, Vec<double[]>>> population) {
        List<int[][]> unevaluated = new ArrayList<>();
        for (Phenotype<IntegerGene, Vec<double[]>> p : population) {
            if (!p.isEvaluated()) {
                unevaluated.add(Genomes.toInts(p.genotype()));
            }
        }
        List<CandidateEvaluator.Score> scores = Parallel.map(pool, unevaluated.size(),
                i -> evaluator.evaluate(unevaluated.get(i)));
        List<Phenotype<IntegerGene, Vec<double[]>>> out = new ArrayList<>(population.size());
        int k = 0;
        for (Phenotype<IntegerGene, Vec<double[]>> p : population) {
            if (p.isEvaluated()) {
                out.add(p);
                continue;
            }
            int[][] genome = unevaluated.get(k);
            CandidateEvaluator.Score s = scores.get(k++);
            evaluations++;
            Candidate c = new Candidate(genome, s);
            if (objectives.feasible(s)) {
                archive.add(c);
            }
            out.add(p.withFitness(objectives.vector(s)));
        }
        return ISeq.of(out);
    }

    /** Non-dominated feasible designs; two with equal objectives count once (the first found). */
    private ParetoFront<Candidate> newArchive() {
        return new ParetoFront<>((a, b) -> objectives.vector(a.score()).dominance(objectives.vector(b.score())),
                (a, b) -> Arrays.equals(objectives.vector(a.score()).data(), objectives.vector(b.score()).data()));
    }

    /** The feasible archived design with the smallest estimated area, or null. */
    static Candidate smallest(Iterable<Candidate> archive) {
        Candidate best = null;
        for (Candidate c : archive) {
            if (best == null || c.score().areaCm2() < best.score().areaCm2()) {
                best = c;
            }
        }
        return best;
    }
}
