package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.design.DesignReport;

/** What pareto.csv says about each design, and which designs fail a run. */
class ExploreOutputsTest {
    @TempDir
    Path dir;

    private static ExploreRun.Verified design(String id, int rtl, int netlist, double area, int portBits) {
        DesignReport r = new DesignReport();
        r.rtlMismatches = rtl;
        r.netlistMismatches = netlist;
        r.areaCm2 = area;
        r.powerMw = area;
        r.accuracyGolden = 0.9;
        r.inputPortBits = portBits;
        r.rtlGates = portBits == 0 ? 0 : 100;
        r.cells = area == 0 ? Map.of() : Map.of("NAND2X1", 10);
        return new ExploreRun.Verified(id, new Candidate(new int[0][], new CandidateEvaluator.Score(0.9, area, area)), r, 0.9);
    }

    private static ExploreRun.Outcome outcome(ExploreRun.Verified exact, ExploreRun.Verified... front) {
        return new ExploreRun.Outcome(exact, List.of(front), 1, 10, 0.9);
    }

    @Test
    void aFailingExactBaselineCounts() {
        ExploreRun.Outcome o = outcome(design("exact", 2, 0, 5, 8), design("d01", 0, 0, 3, 8));
        assertEquals(List.of("exact"), ExploreOutputs.failures(o));
    }

    @Test
    void netlistMismatchesCountAndUnsimulatedNetlistsDoNot() {
        ExploreRun.Outcome o = outcome(design("exact", 0, -1, 5, 8), design("d01", 0, 1, 3, 8),
                design("d02", 0, 0, 2, 8));
        assertEquals(List.of("d01"), ExploreOutputs.failures(o));
    }

    @Test
    void paretoCsvHasNetlistAndConstantColumns() throws IOException {
        ExploreRun.Outcome o = outcome(design("exact", 0, 0, 5, 8), design("d01", 0, 3, 3, 8),
                design("d02", 0, 0, 0, 0));
        ExploreOutputs.write(dir, o, "t", 0.01, "pmlp explore");
        List<String> csv = Files.readAllLines(dir.resolve(ExploreOutputs.CSV));
        assertEquals("id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,rtl_mismatches,netlist_mismatches,"
                + "netlist_equivalence,constant,timing_met,critical_path_ms,config", csv.get(0));
        assertTrue(csv.get(2).startsWith("d01,") && csv.get(2).contains(",0,3,n/a,no,n/a,,"), csv.get(2));
        assertTrue(csv.get(3).startsWith("d02,") && csv.get(3).contains(",yes,"), csv.get(3));
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("| d02 |") && md.contains("constant circuit, not a classifier"), md);
    }

    @Test
    void anExplorationBenchVerifiedNothingOfHasNoPlotsAndLinksNone() throws IOException {
        ExploreOutputs.write(dir, outcome(null), "t", 0.05, "pmlp bench");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("not verified: pmlp bench did not choose it"), md);
        assertFalse(md.contains(".png"), md);
        assertFalse(Files.exists(dir.resolve("pareto-area.png")));
        assertFalse(Files.exists(dir.resolve("pareto-power.png")));

        ExploreOutputs.write(dir, outcome(design("exact", 0, 0, 5, 8), design("d01", 0, 0, 3, 8)), "t", 0.01, "x");
        md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("![accuracy vs area](pareto-area.png)"), md);
        assertTrue(Files.exists(dir.resolve("pareto-area.png")));
    }

    @Test
    void benchNeverPicksAConstantOrFailedDesign() {
        ExploreRun.Verified ok = design("d01", 0, 0, 3, 8);
        ExploreRun.Verified failed = design("d02", 0, 1, 1, 8);
        assertEquals(ok, Benchmark.smallestWithin(List.of(ok, failed), 0.5));
    }
}
