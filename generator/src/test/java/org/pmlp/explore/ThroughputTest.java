package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.cost.CostModel;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;

/** The benchmark's fingerprint and split describe the scores and the code path the search uses. */
class ThroughputTest {
    @Test
    void fingerprintIsTheMeanOfTheScoresAndThePartsAreTimed() throws Exception {
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        Dataset all = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        Dataset train = StratifiedSplit.split(all, 0.3, 1).first();
        SearchSpace space = SearchSpace.of(model, QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, model, train, 0, 1, CostModel.defaults(),
                HeapStyle.TWOS_COMPLEMENT);
        int n = 12;
        Throughput.Result r = Throughput.measure(ev, n, 2, 7);

        // the same candidates as measure draws, scored directly
        SplittableRandom random = new SplittableRandom(7);
        double accuracy = 0;
        double area = 0;
        double path = 0;
        for (int i = 0; i < n; i++) {
            CandidateEvaluator.Score s = ev.evaluate(Mutants.mutate(space, space.exact(), 0.02 + 0.3 * random.nextDouble(),
                    random));
            accuracy += s.accuracy();
            area += s.areaCm2();
            path += s.pathMs();
        }
        assertEquals(accuracy / n, r.meanAccuracy(), 1e-12);
        assertEquals(area / n, r.meanAreaCm2(), 1e-12);
        assertEquals(path / n, r.meanPathMs(), 1e-9);
        // a handful of candidates: the warm-up stops after at most 20 passes, settled or not
        assertTrue(r.warmUp().passes() >= 1 && r.warmUp().passes() <= 20, "warm-up passes: " + r.warmUp().passes());

        // every candidate of the wine model has a flat form: its time is in the four parts, the census among them
        double[] us = r.partMicros();
        assertEquals(0, us[CandidateEvaluator.Part.FULL_FLOW.ordinal()]);
        for (CandidateEvaluator.Part p : new CandidateEvaluator.Part[] {CandidateEvaluator.Part.DECODE,
                CandidateEvaluator.Part.EDIT_AND_WIDTHS, CandidateEvaluator.Part.GOLDEN_MODEL,
                CandidateEvaluator.Part.CENSUS}) {
            assertTrue(us[p.ordinal()] > 0, p + " was not timed");
        }
    }
}
