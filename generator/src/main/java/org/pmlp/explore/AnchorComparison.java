package org.pmlp.explore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pmlp.ToolFailure;
import org.pmlp.eda.liberty.LibertyFamily;
import org.pmlp.util.Files2;

/**
 * A benchmark against published points: for every anchor of a benchmarked dataset, the smallest
 * verified pmlp design (of the dataset's explorations, exact baseline included) whose test
 * accuracy is at least the anchor's, areas compared without flip-flops (the published circuits
 * are combinational). Reads only what the benchmark leaves in OUT (the explorations'
 * pareto.csv and design folders), so it works the same after a per-dataset (Slurm) benchmark. Writes OUT/anchors.csv, OUT/anchors.md (the counts: how
 * many anchors are dominated) and OUT/DATASET/anchors-area.png (pmlp's verified front with the
 * anchors drawn over it).
 */
public final class AnchorComparison {
    /** The columns of anchors.csv; the first twelve are the comparison, the rest say how to read it. */
    public static final String HEADER = "dataset,work,anchor_accuracy,anchor_area_cm2,anchor_power_mw,anchor_vdd,"
            + "pmlp_design,pmlp_accuracy,pmlp_area_cm2,pmlp_power_mw,area_ratio,power_ratio,pmlp_power_vdd,"
            + "pmlp_registers,note";

    /** The explorations of a benchmarked dataset whose verified designs compete. */
    static final List<String> EXPLORATIONS = List.of("loss1", "loss5");

    /** Within this much of a work's best accuracy on a dataset, its points count in the summary. */
    public static final double NEAR_BEST = 0.05;

    /**
     * A verified pmlp design of a benchmark.
     *
     * @param id where it is, e.g. "loss1/d03" or "loss1/exact"
     * @param folder its design folder
     * @param areaCm2 its area without flip-flops (the published circuits are combinational): its
     *     synthesized area less that of the flip-flops its synthesis statistics list
     * @param flipFlopAreaCm2 the area of those flip-flops (0 for a combinational design)
     * @param registers its registered ports ("none" is combinational), or "" when not recorded
     */
    public record Design(String id, Path folder, double accuracy, double areaCm2, double powerMw, String registers,
                         double flipFlopAreaCm2) {
        public Design(String id, Path folder, double accuracy, double areaCm2, double powerMw, String registers) {
            this(id, folder, accuracy, areaCm2, powerMw, registers, 0);
        }
    }

    /** One line of anchors.csv: an anchor and the design that matches it (null when none reaches it). */
    public record Match(Anchors.Anchor anchor, Design design, double powerMw, double powerVdd, String note) {
        public double areaRatio() {
            return design == null ? Double.NaN : anchor.areaCm2() / design.areaCm2();
        }

        /** Only where both powers are at the same voltage. */
        public double powerRatio() {
            return design == null || Double.isNaN(anchor.powerMw()) || Double.isNaN(powerMw)
                    || Double.isNaN(anchor.vdd()) || Math.abs(anchor.vdd() - powerVdd) > 1e-6 || !(powerMw > 0)
                    ? Double.NaN : anchor.powerMw() / powerMw;
        }
    }

    /**
     * How to get a design's power at a voltage other than the benchmark's own: null when that
     * voltage was not measured. (The benchmark gives it the --liberty-dir library at --low-vdd.)
     */
    public interface PowerAt {
        /** Total mW of the design at {@code vdd}, or NaN when this voltage is not available. */
        double powerMw(Design d, double vdd);
    }

    private AnchorComparison() {
    }

    /** The designs of the voltage family member (e.g. 0.6 V), measured once per design. */
    public static PowerAt lowVoltage(LibertyFamily.Member member, double clockHz, long timeoutSeconds) {
        Map<Path, Double> cache = new HashMap<>();
        return (d, vdd) -> member == null || Math.abs(member.volts() - vdd) > 1e-6 ? Double.NaN
                : cache.computeIfAbsent(d.folder(),
                        f -> org.pmlp.design.SupplySweep.point(f, member, clockHz, timeoutSeconds).totalMw());
    }

    /**
     * Every verified, non-constant design of a benchmarked dataset's explorations: the literature
     * network's (loss1, loss5) and those of the other networks of --topologies (net-0/loss5, ...).
     */
    public static List<Design> designs(Path datasetDir) {
        List<Design> out = new ArrayList<>(designs(datasetDir, EXPLORATIONS));
        List<String> nets = new ArrayList<>();
        if (Files.isDirectory(datasetDir)) {
            try (java.util.stream.Stream<Path> s = Files.list(datasetDir)) {
                s.map(p -> p.getFileName().toString()).filter(Topologies::isFolder).sorted().forEach(nets::add);
            } catch (IOException e) {
                throw new ToolFailure(datasetDir + ": cannot list the networks' folders: " + e.getMessage());
            }
        }
        for (String n : nets) {
            out.addAll(designs(datasetDir, List.of(n + "/" + Benchmark.OTHER_EXPLORATION)));
        }
        return out;
    }

    /** The verified designs of these explorations of one network (its exact design once). */
    private static List<Design> designs(Path datasetDir, List<String> explorations) {
        List<Design> out = new ArrayList<>();
        boolean exactSeen = false;
        for (String e : explorations) {
            Path csv = datasetDir.resolve(e).resolve(ExploreOutputs.CSV);
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            try (CSVParser p = CSVParser.parse(Files.readString(csv),
                    CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
                for (CSVRecord r : p) {
                    String id = r.get("id");
                    if (id.equals("exact") && exactSeen) {
                        continue; // every exploration verifies the same baseline
                    }
                    if (!verified(r)) {
                        continue;
                    }
                    exactSeen |= id.equals("exact");
                    Path folder = datasetDir.resolve(e).resolve("designs").resolve(id);
                    double area = Double.parseDouble(r.get("area_cm2"));
                    double ff = area * flipFlopShare(folder);
                    out.add(new Design(e + "/" + id, folder, Double.parseDouble(r.get("accuracy_test")), area - ff,
                            num(r.get("power_mw")), registers(folder), ff));
                }
            } catch (IOException | IllegalArgumentException e2) {
                throw new ToolFailure(csv + ": cannot read the exploration's results: " + e2.getMessage());
            }
        }
        return out;
    }

    /** Bit-exact in simulation, netlist not refuted, a real classifier, with a measured area. */
    private static boolean verified(CSVRecord r) {
        return "0".equals(r.get("rtl_mismatches")) && (r.get("netlist_mismatches").isEmpty()
                || "0".equals(r.get("netlist_mismatches"))) && !"failed".equals(r.get("netlist_equivalence"))
                && "no".equals(r.get("constant")) && !r.get("area_cm2").isEmpty() && !r.get("accuracy_test").isEmpty();
    }

    /**
     * The share of a design's synthesized area in flip-flops and latches: the cells Yosys's
     * statistics (synth/stat.txt) count, looked up in the library it mapped to (synth/cells.lib).
     * 0 when either file is missing.
     */
    static double flipFlopShare(Path folder) {
        Path stat = folder.resolve("synth/stat.txt");
        Path lib = folder.resolve("synth/cells.lib");
        if (!Files.isRegularFile(stat) || !Files.isRegularFile(lib)) {
            return 0;
        }
        try {
            org.pmlp.eda.liberty.CellLibrary cells = null;
            double total = Double.NaN;
            double ff = 0;
            boolean counting = false;
            for (String line : Files.readAllLines(stat)) {
                String t = line.trim();
                if (t.startsWith("Number of cells:")) {
                    counting = true;
                    continue;
                }
                java.util.regex.Matcher chip = CHIP_AREA.matcher(t);
                if (chip.find()) {
                    total = Double.parseDouble(chip.group(1));
                    break;
                }
                String[] f = t.split("\\s+");
                if (counting && f.length == 2 && f[1].matches("\\d+")) {
                    if (cells == null) {
                        cells = org.pmlp.eda.liberty.CellLibrary.read(lib);
                    }
                    var cell = cells.cell(f[0]);
                    if (cell.isPresent() && (cell.get().isFlipFlop() || cell.get().isLatch())) {
                        ff += Integer.parseInt(f[1]) * cell.get().area();
                    }
                } else if (counting && t.isEmpty()) {
                    counting = false;
                }
            }
            return total > 0 ? ff / total : 0;
        } catch (IOException e) {
            throw new ToolFailure(stat + ": cannot read the synthesis statistics: " + e.getMessage());
        }
    }

    private static final java.util.regex.Pattern CHIP_AREA = java.util.regex.Pattern.compile(
            "Chip area for module .*:\\s*([0-9.eE+-]+)");

    private static String registers(Path folder) {
        Path report = folder.resolve("report.json");
        if (!Files.isRegularFile(report)) {
            return "";
        }
        var n = org.pmlp.util.Json.read(report).node().get("registers");
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static double num(String s) {
        return s == null || s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /**
     * Published accuracies are rounded to four decimals (197 of 205 rows, 0.960976, is published
     * as 0.9610): an accuracy this close below a published one is the same.
     */
    public static final double ROUNDING = 0.00005;

    /** The smallest design (area) whose test accuracy is at least {@code min} (as published), or null. */
    static Design smallestAtLeast(List<Design> designs, double min) {
        Design best = null;
        for (Design d : designs) {
            if (d.accuracy() >= min - ROUNDING && (best == null || d.areaCm2() < best.areaCm2())) {
                best = d;
            }
        }
        return best;
    }

    /**
     * Matches every anchor of the given datasets (those of other datasets are left out).
     *
     * @param designs per benchmarked dataset, its verified designs
     * @param nominalVdd the voltage of the benchmark's own power figures (its --liberty)
     */
    public static List<Match> match(List<Anchors.Anchor> anchors, Map<String, List<Design>> designs, double nominalVdd,
                                    PowerAt powerAt) {
        List<Match> out = new ArrayList<>();
        for (Anchors.Anchor a : anchors) {
            List<Design> ds = designs.get(a.dataset());
            if (ds == null) {
                continue;
            }
            if (Double.isNaN(a.accuracy())) {
                out.add(new Match(a, null, Double.NaN, Double.NaN, "no published accuracy: not compared"));
                continue;
            }
            Design d = smallestAtLeast(ds, a.accuracy());
            if (d == null) {
                double best = ds.stream().mapToDouble(Design::accuracy).max().orElse(Double.NaN);
                out.add(new Match(a, null, Double.NaN, Double.NaN, String.format(
                        "UNREACHED: no verified pmlp design has test accuracy >= %.4f (pmlp's best: %s)", a.accuracy(),
                        Double.isNaN(best) ? "no verified design" : String.format("%.4f", best))));
                continue;
            }
            double power = d.powerMw();
            double vdd = nominalVdd;
            String note = "";
            if (!Double.isNaN(a.vdd()) && Math.abs(a.vdd() - nominalVdd) > 1e-6) {
                double low = powerAt == null ? Double.NaN : powerAt.powerMw(d, a.vdd());
                if (Double.isNaN(low)) {
                    note = String.format("pmlp power at %s V, the anchor's at %s V: not compared (bench --liberty-dir "
                            + "with --low-vdd %s measures it)", volts(nominalVdd), volts(a.vdd()), volts(a.vdd()));
                } else {
                    power = low;
                    vdd = a.vdd();
                }
            } else if (Double.isNaN(a.vdd())) {
                note = "the anchor's voltage is not stated: power not compared";
            }
            if (d.flipFlopAreaCm2() > 0) {
                note = (note.isEmpty() ? "" : note + "; ") + String.format("pmlp's area without its flip-flops "
                        + "(registers: %s; %.4g cm^2 with them); its power includes them", d.registers(),
                        d.areaCm2() + d.flipFlopAreaCm2());
            }
            if (!a.style().isEmpty() && !a.style().startsWith("parallel-combinational")) {
                note = (note.isEmpty() ? "" : note + "; ") + "the anchor is " + a.style();
            }
            out.add(new Match(a, d, power, vdd, note));
        }
        return out;
    }

    private static String volts(double v) {
        return Double.isNaN(v) ? "?" : LibertyFamily.Member.label(v);
    }

    /**
     * The names an anchors file may use with a benchmark of {@code datasetsFolder}: its dataset
     * folders and the literature's eight (anchors of datasets not benchmarked are left out).
     */
    public static java.util.Set<String> knownDatasets(Path datasetsFolder) {
        java.util.Set<String> out = new java.util.TreeSet<>(Literature.HIDDEN.keySet());
        for (Path d : Benchmark.datasetDirs(datasetsFolder)) {
            out.add(d.getFileName().toString());
        }
        return out;
    }

    /** The supply voltage of the benchmark's own power figures: its --liberty's (pmlp's default is 1.0 V). */
    public static double nominalVdd(Path liberty) {
        if (liberty == null) {
            return 1.0;
        }
        double v = org.pmlp.eda.liberty.CellLibrary.read(liberty).units().supplyVolts();
        return v > 0 ? v : Double.NaN;
    }

    /**
     * Compares, writes anchors.csv, anchors.md and one plot per dataset, and prints the summary.
     *
     * @param datasets the benchmarked datasets (their folders are OUT/NAME)
     */
    public static List<Match> write(Path out, List<String> datasets, List<Anchors.Anchor> anchors, double nominalVdd,
                                    PowerAt powerAt, PrintStream log) {
        Map<String, List<Design>> designs = new LinkedHashMap<>();
        for (String d : datasets) {
            designs.put(d, designs(out.resolve(d)));
        }
        List<Match> matches = match(anchors, designs, nominalVdd, powerAt);
        Files2.writeAtomically(out.resolve("anchors.csv"), csv(matches));
        Files2.writeAtomically(out.resolve("anchors.md"), markdown(matches));
        for (var e : designs.entrySet()) {
            List<Anchors.Anchor> mine = anchors.stream().filter(a -> a.dataset().equals(e.getKey())).toList();
            plot(out.resolve(e.getKey()).resolve("anchors-area.png"), e.getKey(), e.getValue(), mine);
        }
        for (String line : summaryLines(matches)) {
            log.println(line);
        }
        return matches;
    }

    static String csv(List<Match> matches) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Match m : matches) {
            Anchors.Anchor a = m.anchor();
            Design d = m.design();
            sb.append(String.join(",", a.dataset(), quote(a.work()), f(a.accuracy()), f(a.areaCm2()), f(a.powerMw()),
                    f(a.vdd()), d == null ? "" : d.id(), d == null ? "" : f(d.accuracy()),
                    d == null ? "" : f(d.areaCm2()), d == null ? "" : f(m.powerMw()), f(m.areaRatio()),
                    f(m.powerRatio()), d == null ? "" : f(m.powerVdd()), d == null ? "" : d.registers(),
                    quote(m.note()))).append('\n');
        }
        return sb.toString();
    }

    /** Per dataset and work: points within {@link #NEAR_BEST} of the work's best accuracy there, dominated, unreached. */
    record Count(String dataset, String work, int near, int dominated, int unreached, double worstRatio) {
    }

    static List<Count> counts(List<Match> matches) {
        Map<String, List<Match>> groups = new LinkedHashMap<>();
        for (Match m : matches) {
            if (!Double.isNaN(m.anchor().accuracy())) {
                groups.computeIfAbsent(m.anchor().dataset() + "\u0000" + m.anchor().work(), k -> new ArrayList<>()).add(m);
            }
        }
        List<Count> out = new ArrayList<>();
        for (List<Match> g : groups.values()) {
            double best = g.stream().mapToDouble(m -> m.anchor().accuracy()).max().orElseThrow();
            int near = 0;
            int dominated = 0;
            int unreached = 0;
            double worst = Double.NaN;
            for (Match m : g) {
                if (m.anchor().accuracy() < best - NEAR_BEST - 1e-12) {
                    continue;
                }
                near++;
                if (m.design() == null) {
                    unreached++;
                } else {
                    dominated += m.areaRatio() >= 1 ? 1 : 0;
                    worst = Double.isNaN(worst) ? m.areaRatio() : Math.min(worst, m.areaRatio());
                }
            }
            Anchors.Anchor a = g.get(0).anchor();
            out.add(new Count(a.dataset(), a.work(), near, dominated, unreached, worst));
        }
        return out;
    }

    static List<String> summaryLines(List<Match> matches) {
        List<String> lines = new ArrayList<>();
        int near = 0;
        int dominated = 0;
        for (Count c : counts(matches)) {
            near += c.near();
            dominated += c.dominated();
            lines.add(String.format("anchors: %s %s: %d points within %.0f points of its best accuracy, %d dominated "
                    + "(area_ratio >= 1), %d unreached%s", c.dataset(), c.work(), c.near(), NEAR_BEST * 100,
                    c.dominated(), c.unreached(), Double.isNaN(c.worstRatio()) ? ""
                            : String.format(", smallest area_ratio %.3g", c.worstRatio())));
        }
        lines.add(String.format("anchors: %d of %d points dominated; written to anchors.csv, anchors.md and "
                + "DATASET/anchors-area.png", dominated, near));
        return lines;
    }

    static String markdown(List<Match> matches) {
        StringBuilder sb = new StringBuilder("# pmlp against the published points\n\n");
        sb.append("For every published point of a benchmarked dataset, the smallest verified pmlp design (bit-exact in "
                + "simulation, a real classifier) whose test accuracy is at least the point's; ratio = published / "
                + "pmlp (above 1: pmlp is smaller). Power is compared only at the same supply voltage. Counted: the "
                + "points within 5 percentage points of their work's best accuracy on the dataset.\n\n");
        sb.append("| dataset | work | points counted | dominated (area_ratio >= 1) | unreached | smallest area_ratio |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (Count c : counts(matches)) {
            sb.append(String.format("| %s | %s | %d | %d | %d | %s |%n", c.dataset(), c.work(), c.near(), c.dominated(),
                    c.unreached(), Double.isNaN(c.worstRatio()) ? "-" : String.format("%.3g", c.worstRatio())));
        }
        sb.append("\n| dataset | work | anchor acc | anchor cm^2 | pmlp design | pmlp acc | pmlp cm^2 | area ratio "
                + "| power ratio | note |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (Match m : matches) {
            Anchors.Anchor a = m.anchor();
            Design d = m.design();
            sb.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", a.dataset(), a.work(),
                    acc(a.accuracy()), dash(a.areaCm2()), d == null ? "-" : d.id(), d == null ? "-" : acc(d.accuracy()),
                    d == null ? "-" : dash(d.areaCm2()), dash(m.areaRatio()), dash(m.powerRatio()), m.note()));
        }
        return sb.toString();
    }

    /**
     * pmlp's verified front (accuracy against area) with every work's points over it, log area axis.
     * A design of no cell (its class bits are input bits or constants) has no place on a log axis:
     * it is drawn as its own series at half the smallest area drawn, named so, rather than left out
     * with the designs it dominates.
     */
    static void plot(Path png, String dataset, List<Design> designs, List<Anchors.Anchor> anchors) {
        List<ParetoPlot.Point> front = new ArrayList<>();
        List<Double> zeroArea = new ArrayList<>();
        for (Design d : front(designs)) {
            if (d.areaCm2() > 0) {
                front.add(new ParetoPlot.Point(d.accuracy(), d.areaCm2(), d.powerMw()));
            } else {
                zeroArea.add(d.accuracy());
            }
        }
        Map<String, List<ParetoPlot.Point>> works = new LinkedHashMap<>();
        for (Anchors.Anchor a : anchors) {
            if (!Double.isNaN(a.accuracy())) {
                works.computeIfAbsent(a.work(), k -> new ArrayList<>())
                        .add(new ParetoPlot.Point(a.accuracy(), a.areaCm2(), a.powerMw()));
            }
        }
        if (!zeroArea.isEmpty()) {
            double floor = zeroAreaFloor(front, works);
            List<ParetoPlot.Point> pts = zeroArea.stream().map(acc -> new ParetoPlot.Point(acc, floor, 0)).toList();
            Map<String, List<ParetoPlot.Point>> all = new LinkedHashMap<>();
            all.put(String.format("pmlp, 0 cm^2 (no cell; drawn at %.2g)", floor), pts);
            all.putAll(works);
            works = all;
        }
        ParetoPlot.writeWithReferences(png, dataset + ": pmlp's verified front and the published points",
                "area without flip-flops (cm^2, log scale)", front, works);
    }

    /** The designs no other design beats on test accuracy and area (designs with equal scores all stay). */
    static List<Design> front(List<Design> designs) {
        List<Design> front = new ArrayList<>();
        for (Design d : designs) {
            boolean dominated = designs.stream().anyMatch(o -> o != d && o.accuracy() >= d.accuracy()
                    && o.areaCm2() <= d.areaCm2() && (o.accuracy() > d.accuracy() || o.areaCm2() < d.areaCm2()));
            if (!dominated) {
                front.add(d);
            }
        }
        return front;
    }

    /** Half the smallest positive area drawn (1e-4 cm^2 when there is none). */
    static double zeroAreaFloor(List<ParetoPlot.Point> front, Map<String, List<ParetoPlot.Point>> works) {
        double min = Double.POSITIVE_INFINITY;
        for (ParetoPlot.Point p : front) {
            min = Math.min(min, p.area());
        }
        for (List<ParetoPlot.Point> pts : works.values()) {
            for (ParetoPlot.Point p : pts) {
                if (p.area() > 0) {
                    min = Math.min(min, p.area());
                }
            }
        }
        return Double.isInfinite(min) ? 1e-4 : min / 2;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format("%.6g", v);
    }

    private static String acc(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.4f", v);
    }

    private static String dash(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3g", v);
    }
}
