package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.cost.CostModel;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;

class SearchTest {
    static Mlp model;
    static Dataset train;
    static SearchSpace space;
    static CandidateEvaluator evaluator;
    static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        Dataset all = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        train = StratifiedSplit.split(all, 0.3, 1).first();
        space = SearchSpace.of(model, QuantSpec.DEFAULT);
        evaluator = new CandidateEvaluator(space, model, train, 5, 1, CostModel.defaults(), HeapStyle.TWOS_COMPLEMENT);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void exactGenomeIsTheExactDesign() {
        CompiledDesign fromGenome = evaluator.compile(space.exact());
        QuantizedData q = QuantizedData.of(train, model.scaler(), QuantSpec.DEFAULT.inputQuantizer());
        CompiledDesign exact = DesignFlow.compileRetrained(model, DesignConfig.exact(ModelShape.of(model),
                QuantSpec.DEFAULT), q.q());
        SplittableRandom r = new SplittableRandom(5);
        int[][] v = new int[500][13];
        for (int[] row : v) {
            for (int i = 0; i < row.length; i++) {
                row[i] = r.nextInt(16);
            }
        }
        assertArrayEquals(exact.program().classifyAll(v), fromGenome.program().classifyAll(v));
        assertArrayEquals(FeatureCounter.count(exact.circuit(), HeapStyle.TWOS_COMPLEMENT).vector(),
                FeatureCounter.count(fromGenome.circuit(), HeapStyle.TWOS_COMPLEMENT).vector());
    }

    @Test
    void lehmerCodesArePermutations() {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 3; c++) {
                    int[] p = SearchSpace.permutation(new int[] {a, b, c});
                    int[] sorted = p.clone();
                    Arrays.sort(sorted);
                    assertArrayEquals(new int[] {0, 1, 2}, sorted);
                }
            }
        }
        assertArrayEquals(new int[] {0, 1, 2}, SearchSpace.permutation(new int[] {0, 0, 0}));
    }

    @Test
    void feasibleDesignsDominateInfeasibleOnes() {
        Objectives o = new Objectives(0.9, false);
        var feasible = o.vector(new CandidateEvaluator.Score(0.91, 100, 10));
        var infeasible = o.vector(new CandidateEvaluator.Score(0.89, 0.1, 0.1));
        assertEquals(1, feasible.dominance(infeasible));
        assertFalse(o.feasible(new CandidateEvaluator.Score(0.89, 1, 1)));
    }

    /** The clock is a constraint: a design whose estimated path exceeds the period is dominated, less late first. */
    @Test
    void designsLateForTheClockAreInfeasible() {
        Objectives o = new Objectives(0.9, false, 200);
        var onTime = o.vector(new CandidateEvaluator.Score(0.91, 100, 10, 199));
        var late = o.vector(new CandidateEvaluator.Score(0.95, 0.1, 0.1, 210));
        var later = o.vector(new CandidateEvaluator.Score(0.95, 0.1, 0.1, 300));
        assertTrue(o.feasible(new CandidateEvaluator.Score(0.91, 1, 1, 200)));
        assertFalse(o.feasible(new CandidateEvaluator.Score(0.95, 1, 1, 200.5)));
        assertTrue(o.feasible(new CandidateEvaluator.Score(0.91, 1, 1)), "no estimate: no timing constraint");
        assertEquals(1, onTime.dominance(late));
        assertEquals(1, late.dominance(later));
    }

    private static Nsga2Search search() {
        CandidateEvaluator.Score exact = evaluator.evaluate(space.exact());
        return new Nsga2Search(evaluator, new Objectives(exact.accuracy() - 0.02, false),
                new Nsga2Search.Options(12, 90, 0.6, 0, 0.5, 7), pool);
    }

    private static String summary(Nsga2Search.State s) {
        StringBuilder sb = new StringBuilder();
        for (Candidate c : s.archive()) {
            sb.append(c.score()).append(Arrays.deepToString(c.genome())).append('\n');
        }
        for (int[][] g : s.population()) {
            sb.append(Arrays.deepToString(g));
        }
        return sb.toString();
    }

    @Test
    void sameSeedSameSearchAndResumingChangesNothing() {
        Nsga2Search.State whole = search().run(search().initial(), (s, b, r) -> { });
        Nsga2Search.State again = search().run(search().initial(), (s, b, r) -> { });
        assertEquals(summary(whole), summary(again), "deterministic under the seed");

        Nsga2Search.State[] atFour = new Nsga2Search.State[1];
        search().run(search().initial(), (s, b, r) -> {
            if (s.generation() == 40) {
                atFour[0] = s;
            }
        });
        Nsga2Search.State resumed = search().run(atFour[0], (s, b, r) -> { });
        assertEquals(summary(whole), summary(resumed), "a run resumed after generation 39 ends where the whole run did");
        assertTrue(whole.archive().size() >= 1);
        assertTrue(whole.evaluations() > 24);
    }

    @Test
    void searchFindsSmallerFeasibleDesigns() {
        CandidateEvaluator.Score exact = evaluator.evaluate(space.exact());
        Nsga2Search.State s = search().run(search().initial(), (st, b, r) -> { });
        Candidate best = Nsga2Search.smallest(s.archive());
        assertTrue(best.score().areaCm2() < exact.areaCm2() / 2, best.score() + " vs exact " + exact);
        assertTrue(best.score().accuracy() >= exact.accuracy() - 0.02);
        List<Candidate> all = s.archive();
        for (Candidate c : all) {
            assertEquals(c.score(), evaluator.evaluate(c.genome()), "scores are reproducible");
        }
    }
}
