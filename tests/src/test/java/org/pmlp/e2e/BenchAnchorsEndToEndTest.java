package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pmlp bench --anchors on one small dataset with the real published points (../shared/docs/anchors.csv),
 * over two networks (--topologies 0: the literature's 7-3-3 and a linear classifier 7-3), whose
 * verified designs all compete.
 */
class BenchAnchorsEndToEndTest {
    @TempDir
    Path tmp;

    @Test
    void comparesEveryPublishedPointOfTheBenchmarkedDataset() throws Exception {
        Env.requireTools();
        Path anchors = Env.shared("docs/anchors.csv");
        Path seeds = Env.shared("datasets/seeds");
        Path family = Env.shared("pdk/egfet"); // the anchors' 0.6 V
        Path datasets = Files.createDirectories(tmp.resolve("datasets"));
        Files.createSymbolicLink(datasets.resolve("seeds"), seeds);
        Path out = tmp.resolve("bench");
        Cli.Run r = Cli.run("bench", "--datasets", datasets.toString(), "-o", out.toString(), "--population", "12",
                "--generations", "8", "--retrain-epochs", "3", "--verify-limit", "4", "--anchors", anchors.toString(),
                "--liberty-dir", family.toString(), "--low-vdd", "0.6", "--topologies", "0");
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("== seeds, network 0: 7-3,"), r.out());
        assertTrue(Files.readString(out.resolve("seeds/net-0/model.json")).contains("\"activation\""));
        assertTrue(r.out().contains("points dominated"), r.out());
        assertTrue(Files.size(out.resolve("seeds/anchors-area.png")) > 1000, "the plot");
        assertTrue(Files.exists(out.resolve("anchors.md")));

        List<String> csv = Files.readAllLines(out.resolve("anchors.csv"));
        assertTrue(csv.get(0).startsWith("dataset,work,anchor_accuracy,anchor_area_cm2,anchor_power_mw,anchor_vdd,"
                + "pmlp_design,pmlp_accuracy,pmlp_area_cm2,pmlp_power_mw,area_ratio,power_ratio"), csv.get(0));
        long published = Files.readAllLines(anchors).stream().filter(l -> l.startsWith("seeds,")).count();
        assertEquals(published, csv.size() - 1, "one line per published seeds point, none of other datasets");

        // the verified designs of the bench, as its explorations list them
        Map<String, double[]> designs = new HashMap<>();
        int approximate = 0;
        for (String e : new String[] {"loss1", "loss5", "net-0/loss5"}) {
            List<String> front = Files.readAllLines(out.resolve("seeds").resolve(e).resolve("pareto.csv"));
            for (String line : front.subList(1, front.size())) {
                String[] f = line.split(",", -1);
                assertEquals("0", f[6], "every verified design co-simulates bit-exact: " + line);
                if (!f[0].equals("exact")) {
                    approximate++;
                }
                if (f[6].equals("0") && f[9].equals("no")) {
                    designs.put(e + "/" + f[0], new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[4])});
                }
            }
        }
        // what is verified is chosen over every search of the dataset: at most --verify-limit designs
        assertTrue(approximate >= 1 && approximate <= 4, "designs verified: " + approximate);
        assertTrue(r.out().contains("seeds: verifying "), r.out());
        // loss5 explores the literature's network too: its baseline is loss1's, copied, not verified again
        assertEquals(Files.readString(out.resolve("seeds/loss1/designs/exact/rtl/top.v")),
                Files.readString(out.resolve("seeds/loss5/designs/exact/rtl/top.v")));
        int powerCompared = 0;
        int matched = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            if (f[2].isEmpty()) {
                assertTrue(f[6].isEmpty(), "no published accuracy, nothing to compare: " + line);
                continue;
            }
            double acc = Double.parseDouble(f[2]);
            double area = Double.parseDouble(f[3]);
            // published accuracies are rounded to 4 decimals
            double smallest = designs.values().stream().filter(d -> d[0] >= acc - 5e-5).mapToDouble(d -> d[1]).min()
                    .orElse(Double.NaN);
            if (f[6].isEmpty()) {
                assertTrue(Double.isNaN(smallest), "a design reaches " + acc + " but none is named: " + line);
                assertTrue(line.contains("UNREACHED") && f[10].isEmpty(), line);
                continue;
            }
            double[] d = designs.get(f[6]);
            assertTrue(d != null, "the named design is a verified one of the bench: " + line);
            assertTrue(d[0] >= acc - 5e-5, line);
            double pmlpArea = Double.parseDouble(f[8]);
            // pmlp's area is without flip-flops (the published circuits have none): at most the synthesized area,
            // and no design at least as accurate is smaller even with its flip-flops
            assertTrue(pmlpArea <= d[1] + 1e-9 && pmlpArea > 0, line);
            assertTrue(smallest >= pmlpArea - 1e-9, "the smallest verified design at least as accurate: " + line);
            assertEquals(Double.parseDouble(f[7]), d[0], 1e-5, line);
            assertEquals(area / Double.parseDouble(f[8]), Double.parseDouble(f[10]), 1e-4, "area ratio: " + line);
            matched++;
            if (!f[11].isEmpty()) {
                powerCompared++;
                assertEquals(Double.parseDouble(f[5]), Double.parseDouble(f[12]), 1e-9,
                        "power compared at the anchor's voltage only: " + line);
                assertEquals(Double.parseDouble(f[4]) / Double.parseDouble(f[9]), Double.parseDouble(f[11]), 1e-4, line);
            }
        }
        assertTrue(matched > 0, "the exact baseline at least reaches the least accurate published seeds points");
        assertEquals(matched, powerCompared, "every matched seeds point is at 0.6 V, which --low-vdd measured");
    }
}
