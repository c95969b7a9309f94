package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.design.DesignReport;
import org.pmlp.util.Files2;

/** A per-dataset job's row.json keeps what the summary shows: timing and the low-voltage columns. */
class BenchmarkRowTest {
    @TempDir
    Path dir;

    private static DesignReport timed(double ms, String verdict) {
        DesignReport r = new DesignReport();
        r.accuracyGolden = 0.9;
        r.areaCm2 = 0.5;
        r.powerMw = 2;
        r.criticalPathMs = ms;
        r.timing = verdict;
        r.timingClockHz = 5;
        return r;
    }

    @Test
    void timingAndLowVoltageSurviveTheRowFile() throws Exception {
        DesignReport exact = timed(310.5, "violated");
        ExploreRun.Verified loss1 = new ExploreRun.Verified("d03", null, timed(150.25, "met"), Double.NaN);
        DesignReport.VddPoint low = new DesignReport.VddPoint(0.6, "egfet_0v6.lib", 812.5, false, 1.5, 0.25, 1.75, 0.35);
        Benchmark.Row row = new Benchmark.Row("cardio", "21-3-3", 0.9, 0.88, 1.2, 3.4, loss1, null, 12.0, List.of(),
                Map.of("exact", low), exact);
        Path file = dir.resolve("row.json");
        Files2.writeAtomically(file, org.pmlp.util.Json.write(Benchmark.rowJson(row)));
        Benchmark.Row back = Benchmark.readRow(file);
        assertEquals(310.5, back.exactReport().criticalPathMs);
        assertEquals(Boolean.FALSE, back.exactReport().timingMet());
        assertEquals(150.25, back.loss1().report().criticalPathMs);
        assertEquals(low, back.lowVoltage().get("exact"));
        Benchmark.write(dir, List.of(back));
        String csv = Files.readString(dir.resolve("summary.csv"));
        assertTrue(csv.contains("310.5"), csv);
        assertTrue(csv.contains("150.25") || csv.contains("150.3"), csv);
    }
}
