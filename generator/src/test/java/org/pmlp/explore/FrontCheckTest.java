package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.cost.CostModel;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.RunPipeline;
import org.pmlp.design.Stopwatch;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The design folder written for a searched genome reproduces the training accuracy the search gave it. */
class FrontCheckTest {
    @TempDir
    Path tmp;

    @Test
    void generatedDesignsScoreWhatTheSearchSaidAndATamperedOneIsCaught() {
        Mlp model = ModelJson.read(Shared.repo().resolve("examples/wine/model.json"));
        Dataset all = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        StratifiedSplit.Parts parts = StratifiedSplit.split(all, 0.3, 1);
        SearchSpace space = SearchSpace.of(model, QuantSpec.DEFAULT);
        CandidateEvaluator ev = new CandidateEvaluator(space, model, parts.first(), 3, 1, CostModel.defaults(),
                HeapStyle.TWOS_COMPLEMENT);
        ExploreRun.Options o = new ExploreRun.Options(0.05, false, new Nsga2Search.Options(10, 1, 0.6, 0, 0.5, 1), 3, 1,
                null, 60, 5, 10, true, HeapStyle.TWOS_COMPLEMENT);
        SplittableRandom r = new SplittableRandom(3);
        int differentFromExact = 0;
        for (int k = 0; k < 6; k++) {
            int[][] g = k == 0 ? space.exact() : Mutants.mutate(space, space.exact(), 0.1 + 0.05 * k, r);
            CandidateEvaluator.Score s = ev.evaluate(g);
            Path out = tmp.resolve("d" + k);
            RunPipeline.run(ExploreRun.request(ev, g, parts.first(), parts.second(), out, o, false), new Stopwatch(),
                    new PrintStream(OutputStream.nullOutputStream()));
            double folder = FrontCheck.trainAccuracy(out, parts.first(), 1);
            assertEquals(s.accuracy(), folder, "design " + k);
            assertNull(FrontCheck.disagreement("d" + k, s.accuracy(), folder));
            if (s.accuracy() != ev.evaluate(space.exact()).accuracy()) {
                differentFromExact++;
            }
        }
        assertTrue(differentFromExact > 0, "the mutants must reach other accuracies than the exact design's");
        // A folder that does not hold the searched design (here: output weights negated) is caught.
        Path exact = tmp.resolve("d0");
        DesignFolder f = new DesignFolder(exact);
        double before = FrontCheck.trainAccuracy(exact, parts.first(), 1);
        Files2.write(f.model(), negateOutputWeights(Files2.read(f.model())));
        double after = FrontCheck.trainAccuracy(exact, parts.first(), 1);
        assertTrue(before != after, before + " vs " + after);
        assertNotNull(FrontCheck.disagreement("d0", before, after));
        assertTrue(FrontCheck.disagreement("d0", before, after).contains("verification failed"));
    }

    private static String negateOutputWeights(String modelJson) {
        try {
            ObjectNode m = (ObjectNode) Json.MAPPER.readTree(modelJson);
            JsonNode layers = m.get("layers");
            for (JsonNode row : layers.get(layers.size() - 1).get("weights")) {
                ArrayNode a = (ArrayNode) row;
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, -a.get(i).asDouble());
                }
            }
            return Json.write(m);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
