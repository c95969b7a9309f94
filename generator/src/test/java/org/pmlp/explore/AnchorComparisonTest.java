package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;

class AnchorComparisonTest {
    static final String HEADER = "dataset,work,test_accuracy,area_cm2,power_mw,vdd_v,style,input_bits,note\n";
    static final Set<String> KNOWN = Set.of("seeds", "cardio");

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    private String error(String text) throws Exception {
        Path f = file("a.csv", text);
        return assertThrows(UserError.class, () -> Anchors.read(f, KNOWN)).getMessage();
    }

    @Test
    void readsTheColumnsAndLeavesUnstatedFiguresEmpty() throws Exception {
        Path f = file("a.csv", HEADER
                + "seeds,TNN,0.9048,0.1045,0.130,0.6,parallel-combinational,2,x\n"
                + "\n"
                + "seeds,TC23,,2.2,8.4,1.0,parallel-combinational,4,\"no accuracy, published\"\n"
                + "cardio,SVM,0.931,3.1,3.6,,sequential (multi-cycle),4,another split\n");
        List<Anchors.Anchor> a = Anchors.read(f, KNOWN);
        assertEquals(3, a.size());
        assertEquals(new Anchors.Anchor("seeds", "TNN", 0.9048, 0.1045, 0.130, 0.6, "parallel-combinational", 2), a.get(0));
        assertTrue(Double.isNaN(a.get(1).accuracy()));
        assertEquals(4, a.get(1).line(), "lines count as in the file (an empty line is skipped)");
        assertTrue(Double.isNaN(a.get(2).vdd()));
    }

    @Test
    void badInputNamesFileLineAndField() throws Exception {
        assertThrows(UserError.class, () -> Anchors.read(tmp.resolve("nope.csv"), KNOWN));
        String missing = assertThrows(UserError.class, () -> Anchors.read(tmp.resolve("nope.csv"), KNOWN)).getMessage();
        assertTrue(missing.contains("nope.csv") && missing.contains("no such anchors file"), missing);

        String header = error("dataset,work,accuracy,area_cm2,power_mw,vdd_v\nseeds,T,0.9,0.1,0.1,0.6\n");
        assertTrue(header.contains("a.csv line 1") && header.contains("'test_accuracy'"), header);

        String number = error(HEADER + "seeds,T,0.9,0.1,0.1,0.6,s,1,n\nseeds,T,0.9,lots,0.1,0.6,s,1,n\n");
        assertTrue(number.contains("a.csv line 3, field area_cm2") && number.contains("'lots'"), number);

        String unknown = error(HEADER + "cardoi,T,0.9,0.1,0.1,0.6,s,1,n\n");
        assertTrue(unknown.contains("line 2, field dataset") && unknown.contains("'cardoi'"), unknown);

        String share = error(HEADER + "seeds,T,90.5,0.1,0.1,0.6,s,1,n\n");
        assertTrue(share.contains("line 2, field test_accuracy"), share);

        String noArea = error(HEADER + "seeds,T,0.9,,0.1,0.6,s,1,n\n");
        assertTrue(noArea.contains("line 2, field area_cm2"), noArea);

        String empty = error(HEADER);
        assertTrue(empty.contains("no anchors"), empty);
    }

    /** A benchmarked dataset folder as bench leaves it: OUT/seeds/{loss1,loss5}/pareto.csv. */
    private Path bench() throws Exception {
        Path out = tmp.resolve("out");
        String head = "id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,rtl_mismatches,netlist_mismatches,"
                + "netlist_equivalence,constant,timing_met,critical_path_ms,config\n";
        Files.createDirectories(out.resolve("seeds/loss1"));
        Files.createDirectories(out.resolve("seeds/loss5"));
        Files.writeString(out.resolve("seeds/loss1/pareto.csv"), head
                + "exact,0.95,0.9365,9,8.0,27.0,0,0,proved,no,yes,100,designs/exact/config.json\n"
                + "d01,0.95,0.9206,2,2.0,7.0,0,0,proved,no,yes,50,designs/d01/config.json\n"
                + "d02,0.95,0.9524,1,0.05,0.2,3,0,proved,no,yes,50,designs/d02/config.json\n" // RTL mismatches
                + "d03,0.95,0.9048,1,0.5,1.6,0,,n/a,no,yes,50,designs/d03/config.json\n");
        Files.writeString(out.resolve("seeds/loss5/pareto.csv"), head
                + "exact,0.95,0.9365,9,8.0,27.0,0,0,proved,no,yes,100,designs/exact/config.json\n"
                + "d01,0.90,0.9206,1,1.5,5.0,0,0,proved,no,yes,50,designs/d01/config.json\n"
                + "d02,0.40,0.3333,0,0.0,0.0,0,0,proved,yes,yes,0,designs/d02/config.json\n" // constant
                + "d03,0.90,0.8571,1,0.2,0.7,0,0,failed,no,yes,50,designs/d03/config.json\n"); // refuted netlist
        return out;
    }

    @Test
    void onlyVerifiedClassifiersCompeteAndTheBaselineOnce() throws Exception {
        List<AnchorComparison.Design> d = AnchorComparison.designs(bench().resolve("seeds"));
        assertEquals(List.of("loss1/exact", "loss1/d01", "loss1/d03", "loss5/d01"),
                d.stream().map(AnchorComparison.Design::id).toList());
    }

    /** bench --topologies: the other networks' verified designs (and their own exact designs) compete too. */
    @Test
    void otherNetworksDesignsCompete() throws Exception {
        Path out = bench();
        String head = "id,accuracy_train,accuracy_test,est_area_cm2,area_cm2,power_mw,rtl_mismatches,netlist_mismatches,"
                + "netlist_equivalence,constant,timing_met,critical_path_ms,config\n";
        for (String net : new String[] {"net-0", "net-4-3"}) {
            Files.createDirectories(out.resolve("seeds/" + net + "/loss5"));
            Files.writeString(out.resolve("seeds/" + net + "/loss5/pareto.csv"), head
                    + "exact,0.95,0.9048,4,4.0,11.0,0,0,proved,no,yes,80,designs/exact/config.json\n"
                    + "d01,0.93,0.9524,1,0.01,0.05,0,0,proved,no,yes,40,designs/d01/config.json\n"
                    + "d02,0.93,0.9524,1,0.02,0.05,1,0,proved,no,yes,40,designs/d02/config.json\n"); // mismatch
        }
        Files.createDirectories(out.resolve("seeds/not-a-net/loss5"));
        Files.copy(out.resolve("seeds/net-0/loss5/pareto.csv"), out.resolve("seeds/not-a-net/loss5/pareto.csv"));
        List<AnchorComparison.Design> d = AnchorComparison.designs(out.resolve("seeds"));
        assertEquals(List.of("loss1/exact", "loss1/d01", "loss1/d03", "loss5/d01", "net-0/loss5/exact",
                "net-0/loss5/d01", "net-4-3/loss5/exact", "net-4-3/loss5/d01"),
                d.stream().map(AnchorComparison.Design::id).toList());
        assertEquals("net-0/loss5/d01", AnchorComparison.smallestAtLeast(d, 0.95).id());
    }

    @Test
    void matchesTheSmallestDesignAtLeastAsAccurateWithRatiosAnchorOverPmlp() throws Exception {
        Path out = bench();
        List<Anchors.Anchor> anchors = Anchors.read(file("a.csv", HEADER
                + "seeds,TNN,0.9206,0.12,0.145,0.6,parallel-combinational,2,n\n"
                + "seeds,TNN,0.9524,0.13,0.16,0.6,parallel-combinational,2,n\n"
                + "seeds,DATE,0.90,30.0,100.0,1.0,parallel-combinational,4,n\n"
                + "seeds,TC23,,2.2,8.4,1.0,parallel-combinational,4,n\n"
                + "cardio,TNN,0.88,0.8,0.9,0.6,parallel-combinational,3,not benchmarked\n"), KNOWN);
        AnchorComparison.PowerAt at06 = (design, vdd) -> Math.abs(vdd - 0.6) < 1e-9 ? design.powerMw() / 4 : Double.NaN;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<AnchorComparison.Match> m = AnchorComparison.write(out, List.of("seeds"), anchors, 1.0, at06,
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(4, m.size(), "cardio is not benchmarked: left out");

        AnchorComparison.Match first = m.get(0); // 0.9206: loss5/d01 (1.5 cm^2) beats loss1/d01 (2.0) and exact (8.0)
        assertEquals("loss5/d01", first.design().id());
        assertEquals(0.12 / 1.5, first.areaRatio(), 1e-12);
        assertEquals(5.0 / 4, first.powerMw(), 1e-12, "power at the anchor's 0.6 V");
        assertEquals(0.145 / (5.0 / 4), first.powerRatio(), 1e-12);

        AnchorComparison.Match second = m.get(1); // 0.9524: only d02 reaches it, and it failed verification
        assertNull(second.design());
        assertTrue(second.note().startsWith("UNREACHED") && second.note().contains("0.9365"), second.note());

        AnchorComparison.Match third = m.get(2); // 0.90 at 1.0 V: loss1/d03, power at the benchmark's own voltage
        assertEquals("loss1/d03", third.design().id());
        assertEquals(100.0 / 1.6, third.powerRatio(), 1e-12);

        assertNull(m.get(3).design(), "no published accuracy: nothing to compare");

        List<String> csv = Files.readAllLines(out.resolve("anchors.csv"));
        assertEquals(AnchorComparison.HEADER, csv.get(0));
        assertTrue(csv.get(0).startsWith("dataset,work,anchor_accuracy,anchor_area_cm2,anchor_power_mw,anchor_vdd,"
                + "pmlp_design,pmlp_accuracy,pmlp_area_cm2,pmlp_power_mw,area_ratio,power_ratio"));
        assertEquals(5, csv.size());
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            if (!f[6].isEmpty()) { // ratio = anchor / pmlp, as written
                assertEquals(Double.parseDouble(f[3]) / Double.parseDouble(f[8]), Double.parseDouble(f[10]), 1e-4, line);
            } else {
                assertTrue(f[7].isEmpty() && f[8].isEmpty() && f[9].isEmpty() && f[10].isEmpty(), line);
            }
        }
        assertTrue(csv.get(2).contains("UNREACHED"), csv.get(2));
        assertTrue(Files.size(out.resolve("seeds/anchors-area.png")) > 1000, "the plot");
        String md = Files.readString(out.resolve("anchors.md"));
        // TNN on seeds: both points within 5 points of its best (0.9524); one dominated? 0.12 / 1.5 < 1: no
        assertTrue(md.contains("| seeds | TNN | 2 | 0 | 1 |"), md);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("1 of 3 points dominated"), log.toString());
    }

    @Test
    void powerAtAnotherVoltageIsNotCompared() throws Exception {
        AnchorComparison.Design d = new AnchorComparison.Design("loss1/d01", tmp, 0.95, 0.1, 0.4, "none");
        Anchors.Anchor a = new Anchors.Anchor("seeds", "TNN", 0.9, 0.2, 0.2, 0.6, "parallel-combinational", 2);
        AnchorComparison.Match m = AnchorComparison.match(List.of(a), Map.of("seeds", List.of(d)), 1.0, null).get(0);
        assertEquals(2.0, m.areaRatio(), 1e-12);
        assertTrue(Double.isNaN(m.powerRatio()));
        assertEquals(0.4, m.powerMw(), 0);
        assertTrue(m.note().contains("not compared"), m.note());
    }

    @Test
    void registeredDesignsCompeteWithoutTheirFlipFlops() throws Exception {
        Path out = bench();
        Path synth = Files.createDirectories(out.resolve("seeds/loss1/designs/d01/synth"));
        org.pmlp.eda.liberty.CellLibrary lib = org.pmlp.eda.liberty.CellLibrary.read(
                Files.copy(org.pmlp.testutil.Shared.repo().resolve("pdk/egfet_1v0.lib"), synth.resolve("cells.lib")));
        double ff = 3 * lib.cell("DFFX1").orElseThrow().area();
        double total = ff + 10 * lib.cell("NAND2X1").orElseThrow().area();
        Files.writeString(synth.resolve("stat.txt"), "\n=== top ===\n\n   Number of wires:                 76\n"
                + "   Number of cells:                 13\n     DFFX1                          3\n"
                + "     NAND2X1                       10\n\n   Chip area for module '\\top': " + total + "\n");
        Files.writeString(synth.resolve("../report.json"), "{\"registers\": \"both\"}");
        AnchorComparison.Design d = AnchorComparison.designs(out.resolve("seeds")).stream()
                .filter(x -> x.id().equals("loss1/d01")).findFirst().orElseThrow();
        assertEquals(2.0 * (1 - ff / total), d.areaCm2(), 1e-12, "area 2.0 cm^2 less its flip-flops' share");
        assertEquals(2.0 * ff / total, d.flipFlopAreaCm2(), 1e-12);
        assertEquals("both", d.registers());
        Anchors.Anchor a = new Anchors.Anchor("seeds", "TNN", 0.92, 1.0, 1.0, 1.0, "parallel-combinational", 2);
        AnchorComparison.Match m = AnchorComparison.match(List.of(a), Map.of("seeds", List.of(d)), 1.0, null).get(0);
        assertEquals(1.0 / d.areaCm2(), m.areaRatio(), 1e-12);
        assertTrue(m.note().contains("without its flip-flops"), m.note());
    }

    @Test
    void publishedAccuraciesAreRoundedToFourDecimals() {
        // 197 of 205 test rows is 0.960976, published as 0.9610: the same accuracy
        AnchorComparison.Design d = new AnchorComparison.Design("loss1/d01", tmp, 197.0 / 205, 0.1, 0.4, "none");
        assertEquals(d, AnchorComparison.smallestAtLeast(List.of(d), 0.9610));
        assertNull(AnchorComparison.smallestAtLeast(List.of(d), 0.9611));
    }

    @Test
    void aDesignOfNoCellStaysOnThePlottedFrontAtAFloor() throws Exception {
        // a classifier of wires (0 cm^2) dominates the 0.02 cm^2 design of lower accuracy; the 0.01 one is more accurate
        AnchorComparison.Design wires = new AnchorComparison.Design("net-1/loss5/d01", tmp, 0.60, 0, 0, "none");
        AnchorComparison.Design small = new AnchorComparison.Design("loss5/d01", tmp, 0.70, 0.01, 0.03, "none");
        AnchorComparison.Design beaten = new AnchorComparison.Design("loss5/d02", tmp, 0.55, 0.02, 0.06, "none");
        assertEquals(List.of(wires, small), AnchorComparison.front(List.of(wires, small, beaten)));
        ParetoPlot.Point anchor = new ParetoPlot.Point(0.58, 0.0023, 0.004);
        assertEquals(0.0023 / 2, AnchorComparison.zeroAreaFloor(List.of(new ParetoPlot.Point(0.7, 0.01, 0.03)),
                Map.of("TNN", List.of(anchor))), 1e-15);
        assertEquals(1e-4, AnchorComparison.zeroAreaFloor(List.of(), Map.of()), 0);
        Path png = tmp.resolve("anchors-area.png");
        AnchorComparison.plot(png, "redwine", List.of(wires, small, beaten),
                List.of(new Anchors.Anchor("redwine", "TNN", 0.58, 0.0023, 0.004, 0.6, "parallel-combinational", 1)));
        assertTrue(Files.size(png) > 1000, "the plot");
    }
}
