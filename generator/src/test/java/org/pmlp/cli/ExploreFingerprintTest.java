package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.cost.CostModel;
import org.pmlp.explore.ExploreRun;
import org.pmlp.explore.Nsga2Search;
import org.pmlp.explore.RunFingerprint;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;
import picocli.CommandLine;

/** The resume fingerprint of explore records every input that changes the run. */
class ExploreFingerprintTest {
    @TempDir
    Path tmp;

    private static RunFingerprint of(String... more) {
        Path ex = Shared.repo().resolve("examples/wine");
        List<String> args = new ArrayList<>(List.of("--model", ex.resolve("model.json").toString(), "--train",
                ex.resolve("wine.csv").toString(), "-o", "run"));
        args.addAll(List.of(more));
        ExploreCommand c = new ExploreCommand();
        new CommandLine(c).parseArgs(args.toArray(new String[0]));
        ExploreRun.Options o = new ExploreRun.Options(c.maxLoss, c.power, new Nsga2Search.Options(c.population,
                c.generations, c.offspring, c.mutation, c.crossover, c.seed, c.maxAge), c.retrainEpochs, c.jobs,
                c.eda.liberty, c.eda.timeout, c.eda.clockHz, c.verifyLimit, !c.noVerify, c.eda.heapStyle());
        return ExploreRun.complete(c.fingerprint(), o, CostModel.defaults());
    }

    /** The one item that differs, asserting there is exactly one. */
    private static String changed(RunFingerprint base, RunFingerprint other) {
        List<String> d = other.differences(base);
        assertEquals(1, d.size(), d.toString());
        return d.get(0);
    }

    @Test
    void everyOptionThatChangesTheRunIsRecorded() throws IOException {
        RunFingerprint base = of();
        assertEquals(List.of(), of().differences(base), "same arguments, same fingerprint");
        assertTrue(changed(base, of("--header", "yes")).startsWith("--header (was auto, now yes)"));
        assertTrue(changed(base, of("--impute", "mean")).startsWith("--impute"));
        assertTrue(changed(base, of("--heap", "split")).startsWith("--heap"));
        assertTrue(changed(base, of("--label", "0")).startsWith("--label"));
        assertTrue(changed(base, of("--split", "0.3")).startsWith("--split"));
        assertTrue(changed(base, of("--max-age", "0")).startsWith("--max-age"));
        assertTrue(changed(base, of("--seed", "2")).startsWith("--seed"));
        assertTrue(changed(base, of("--retrain-epochs", "3")).startsWith("--retrain-epochs"));
        Path lib = tmp.resolve("lib.lib");
        Files.copy(Shared.repo().resolve("pdk/egfet_1v0.lib"), lib);
        RunFingerprint withLib = of("--liberty", lib.toString());
        assertTrue(changed(base, withLib).startsWith("--liberty"));
        Files.writeString(lib, "/* edited */\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("--liberty (its content changed)", changed(withLib, of("--liberty", lib.toString())));
        // Options that do not change the search are not recorded; nor where the verification jobs run.
        assertEquals(List.of(), of("--jobs", "1", "--timeout", "5", "--verify-limit", "3").differences(base));
        assertEquals(List.of(), of("--executor", "slurm", "--slurm-opt=--time=10").differences(base));
    }

    @Test
    void theCostModelIsRecorded() {
        RunFingerprint inputs = new RunFingerprint().option("--model", "m");
        ExploreRun.Options o = new ExploreRun.Options(0.01, false, new Nsga2Search.Options(10, 10, 0.6, 0, 0.5, 1), 0,
                1, null, 10, 5, 10, false, HeapStyle.TWOS_COMPLEMENT);
        CostModel shipped = CostModel.defaults();
        CostModel other = new CostModel(shipped.cells(), 2 * shipped.areaScale(), shipped.areaFactors(), shipped.powerScale(),
                shipped.powerFactors(),
                shipped.source());
        String d = changed(ExploreRun.complete(inputs, o, shipped), ExploreRun.complete(inputs, o, other));
        assertTrue(d.startsWith("cost model"), d);
    }

    /**
     * A checkpoint saved before widths were inferred per connection has no "width inference"
     * entry: its designs mean the same but were costed at other widths, so it is not resumed.
     */
    @Test
    void aCheckpointFromAnotherWidthInferenceIsRefused() {
        RunFingerprint now = of();
        RunFingerprint before = new RunFingerprint();
        now.items().forEach((k, v) -> {
            if (!k.equals("width inference")) {
                before.option(k, v);
            }
        });
        assertEquals("width inference (not recorded in the checkpoint)", changed(before, now));
        RunFingerprint other = new RunFingerprint();
        now.items().forEach((k, v) -> other.option(k, k.equals("width inference") ? "digit by digit" : v));
        assertTrue(changed(other, now).startsWith("width inference (was digit by digit"), changed(other, now));
    }
}
