package org.pmlp.explore;


import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pmlp.UserError;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.design.DesignReport;
import org.pmlp.eda.liberty.LibertyFamily;
import org.pmlp.exec.Executor;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.ModelJson;
import org.pmlp.model.TrainingOptions;
import org.pmlp.util.Files2;


/**
 * The benchmark over a folder of datasets (each {@code train.csv} and {@code test.csv}, as in
 * the literature's splits): per dataset, train the float MLP with the literature's hidden size,
 * verify the exact bespoke baseline, explore at 1% and at 5% allowed loss, and pick the smallest
 * verified design within 1% and 5% of the baseline's test accuracy. Writes summary.csv and
 * summary.md with the published figures beside ours.
 */
public final class Benchmark {
    /** One dataset's line of the summary. */
    /** @param failed designs whose RTL or netlist disagrees with the golden model ("loss1/d03") */
    public record Row(String dataset, String topology, double floatAcc, double exactAcc, double exactArea,
                      double exactPower, ExploreRun.Verified loss1, ExploreRun.Verified loss5, double seconds,
                      List<String> failed, java.util.Map<String, DesignReport.VddPoint> lowVoltage,
                      DesignReport exactReport) {
        public Row(String dataset, String topology, double floatAcc, double exactAcc, double exactArea, double exactPower,
                   ExploreRun.Verified loss1, ExploreRun.Verified loss5, double seconds, List<String> failed) {
            this(dataset, topology, floatAcc, exactAcc, exactArea, exactPower, loss1, loss5, seconds, failed,
                    java.util.Map.of(), null);
        }
    }

    private Benchmark() {
    }

    /** The literature's network alone (no {@code --topologies}). */
    public static List<Row> run(Path datasets, Path out, ExploreRun.Options base, PrintStream log) {
        return run(datasets, out, base, List.of(), null, log, ExploreRun.localExecutor(base));
    }

    /**
     * With every exploration's verification jobs run by {@code executor}, and with {@code lowVoltage}
     * (a library of a --liberty-dir family, e.g. 0.6 V, or null): the exact and the two chosen designs
     * are also timed and powered with it (the summary's low-voltage columns).
     */
    /**
     * @param topologies the networks explored besides the literature's (hidden sizes each, see
     *     {@link Topologies}); their verified designs join the comparison
     */
    public static List<Row> run(Path datasets, Path out, ExploreRun.Options base, List<int[]> topologies,
                                LibertyFamily.Member lowVoltage, PrintStream log, Executor executor) {
        List<Path> dirs = datasetDirs(datasets);
        if (dirs.isEmpty()) {
            throw new UserError(datasets + ": no dataset folders with train.csv and test.csv");
        }
        List<Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (Path d : dirs) {
            rows.add(one(d, out.resolve(d.getFileName().toString()), base, topologies, lowVoltage, log, executor,
                    String.format("dataset %d of %d", rows.size() + 1, dirs.size()), start));
            write(out, rows);
        }
        return rows;
    }

    /** Where a dataset's own job (bench --per-dataset) leaves its line of the summary. */
    public static final String ROW = "row.json";

    /**
     * Runs every dataset as its own job (a pmlp bench process for that dataset alone, made by
     * {@code command}), then writes the summary from the rows the jobs left. A dataset whose job
     * failed is reported and has no row; returns the rows and the failed jobs.
     */
    public static PerDataset runAsJobs(Path datasets, Path out, PrintStream log, Executor executor,
                                       java.util.function.Function<String, List<String>> command) {
        List<Path> dirs = datasetDirs(datasets);
        if (dirs.isEmpty()) {
            throw new UserError(datasets + ": no dataset folders with train.csv and test.csv");
        }
        List<org.pmlp.exec.Job> jobs = new ArrayList<>();
        for (Path d : dirs) {
            String name = d.getFileName().toString();
            Path dir = out.resolve(name);
            DesignFolderReset.clear(dir);
            ExploreRun.prepareFolder(dir);
            jobs.add(new org.pmlp.exec.Job(name, dir, command.apply(name), List.of(ROW)));
        }
        List<org.pmlp.exec.JobResult> results = executor.run(out.resolve("jobs"), jobs, log);
        List<Row> rows = new ArrayList<>();
        List<org.pmlp.exec.JobResult> failed = new ArrayList<>();
        for (org.pmlp.exec.JobResult r : results) {
            if (r.done()) {
                rows.add(readRow(r.job().folder().resolve(ROW)));
            } else {
                failed.add(r);
                log.printf("%s: its benchmark job failed: %s%n", r.job().name(), r.failure());
            }
        }
        write(out, rows);
        if (failed.isEmpty()) {
            Files2.deleteTree(out.resolve("jobs"));
        }
        return new PerDataset(rows, failed);
    }

    /** The rows of a per-dataset benchmark, and the datasets whose job failed. */
    public record PerDataset(List<Row> rows, List<org.pmlp.exec.JobResult> failed) {
    }

    /** One dataset of the folder, as a per-dataset job runs it: its row goes to OUT/NAME/row.json. */
    public static Row runOnly(Path datasets, String name, Path out, ExploreRun.Options base, List<int[]> topologies,
                              LibertyFamily.Member lowVoltage, PrintStream log) {
        Path data = datasets.resolve(name);
        if (!datasetDirs(datasets).contains(data)) {
            throw new UserError(data + ": no such dataset folder (with train.csv and test.csv)");
        }
        Row row = one(data, out.resolve(name), base, topologies, lowVoltage, log, ExploreRun.localExecutor(base),
                "one dataset", System.nanoTime());
        Files2.writeAtomically(out.resolve(name).resolve(ROW), org.pmlp.util.Json.write(rowJson(row)));
        return row;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode rowJson(Row r) {
        var o = org.pmlp.util.Json.object();
        o.put("dataset", r.dataset());
        o.put("topology", r.topology());
        num(o, "float_acc", r.floatAcc());
        num(o, "exact_acc", r.exactAcc());
        num(o, "exact_area_cm2", r.exactArea());
        num(o, "exact_power_mw", r.exactPower());
        for (String k : new String[] {"loss1", "loss5"}) {
            ExploreRun.Verified v = k.equals("loss1") ? r.loss1() : r.loss5();
            if (v == null) {
                o.putNull(k);
            } else {
                var d = o.putObject(k);
                d.put("id", v.id());
                num(d, "accuracy", v.report().accuracyGolden);
                num(d, "area_cm2", v.report().areaCm2);
                num(d, "power_mw", v.report().powerMw);
                d.set("report", v.report().toJson()); // its timing, for the summary's timing columns
            }
        }
        o.put("seconds", r.seconds());
        var failed = o.putArray("failed");
        r.failed().forEach(failed::add);
        if (r.exactReport() != null) {
            o.set("exact_report", r.exactReport().toJson());
        }
        var low = o.putObject("low_voltage");
        r.lowVoltage().forEach((k, p) -> {
            var q = low.putObject(k);
            q.put("vdd", p.volts());
            q.put("liberty", p.liberty());
            num(q, "critical_path_ms", p.criticalPathMs());
            q.put("timing_met", p.timingMet());
            num(q, "leakage_mw", p.leakageMw());
            num(q, "dynamic_mw", p.dynamicMw());
            num(q, "total_mw", p.totalMw());
            num(q, "energy_per_classification_mj", p.energyPerClassificationMj());
        });
        return o;
    }

    static Row readRow(Path file) {
        var o = org.pmlp.util.Json.read(file).node();
        ExploreRun.Verified[] best = new ExploreRun.Verified[2];
        for (int i = 0; i < 2; i++) {
            var d = o.get(i == 0 ? "loss1" : "loss5");
            if (d != null && !d.isNull()) {
                org.pmlp.design.DesignReport rep = d.has("report") ? DesignReport.fromJson(d.get("report"))
                        : new org.pmlp.design.DesignReport();
                rep.accuracyGolden = dbl(d.get("accuracy"));
                rep.areaCm2 = dbl(d.get("area_cm2"));
                rep.powerMw = dbl(d.get("power_mw"));
                rep.rtlMismatches = 0;
                best[i] = new ExploreRun.Verified(d.get("id").asText(), null, rep, Double.NaN);
            }
        }
        List<String> failed = new ArrayList<>();
        if (o.has("failed")) {
            o.get("failed").forEach(f -> failed.add(f.asText()));
        }
        java.util.Map<String, DesignReport.VddPoint> low = new java.util.LinkedHashMap<>();
        o.path("low_voltage").fields().forEachRemaining(e -> {
            var q = e.getValue();
            low.put(e.getKey(), new DesignReport.VddPoint(q.get("vdd").asDouble(), q.path("liberty").asText(),
                    dbl(q.get("critical_path_ms")), q.path("timing_met").asBoolean(), dbl(q.get("leakage_mw")),
                    dbl(q.get("dynamic_mw")), dbl(q.get("total_mw")), dbl(q.get("energy_per_classification_mj"))));
        });
        DesignReport exact = o.has("exact_report") ? DesignReport.fromJson(o.get("exact_report")) : null;
        return new Row(o.get("dataset").asText(), o.get("topology").asText(), dbl(o.get("float_acc")),
                dbl(o.get("exact_acc")), dbl(o.get("exact_area_cm2")), dbl(o.get("exact_power_mw")), best[0], best[1],
                o.get("seconds").asDouble(), List.copyOf(failed), low, exact);
    }

    private static void num(com.fasterxml.jackson.databind.node.ObjectNode o, String k, double v) {
        if (Double.isNaN(v)) {
            o.putNull(k);
        } else {
            o.put(k, v);
        }
    }

    private static double dbl(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    static List<Path> datasetDirs(Path root) {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("train.csv")) && Files.isRegularFile(p.resolve("test.csv")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError(root + ": cannot list the datasets folder: " + e.getMessage());
        }
    }

    /**
     * As the options' clock: each dataset at the literature's clock ({@link Literature#clockHz}: 5 Hz,
     * pendigits 4 Hz), what bench does when --clock-hz is not given.
     */
    public static final double LITERATURE_CLOCK = Double.NaN;

    private static Row one(Path data, Path dir, ExploreRun.Options given, List<int[]> topologies,
                           LibertyFamily.Member lowVoltage, PrintStream log, Executor executor, String progress,
                           long benchStart) {
        String name = data.getFileName().toString();
        ExploreRun.Options base = Double.isNaN(given.clockHz()) ? given.withClockHz(Literature.clockHz(name)) : given;
        Dataset train = CsvDatasetReader.read(data.resolve("train.csv"), CsvOptions.defaults()).dataset();
        Dataset test = CsvDatasetReader.read(data.resolve("test.csv"),
                CsvOptions.defaults().withKnownClasses(train.classLabels())).dataset();
        int hidden = Literature.hidden(name);
        long t0 = System.nanoTime();
        Mlp model = train(data, train, new int[] {hidden}, base.search().seed());
        ExploreRun.prepareFolder(dir);
        clearNetworks(dir); // a previous run's other networks would join the comparison
        ModelJson.write(model, dir.resolve("model.json"));
        log.printf("%n== %s (%s): %s, float test accuracy %.4f%n", name, progress, model.topology(),
                model.accuracy(test));
        // The other networks are trained first (their models are in place even when a verification fails).
        java.util.Map<int[], Mlp> nets = new java.util.LinkedHashMap<>();
        for (int[] net : others(topologies, hidden)) {
            Path netDir = dir.resolve(Topologies.folder(net));
            DesignFolderReset.clear(netDir);
            ExploreRun.prepareFolder(netDir);
            Mlp m = train(data, train, net, base.search().seed());
            ModelJson.write(m, netDir.resolve("model.json"));
            nets.put(net, m);
            log.printf("network %s: %s, float test accuracy %.4f (explored after the literature's, in %s)%n",
                    Topologies.text(net), m.topology(), m.accuracy(test), Topologies.folder(net));
        }
        // Every search first, then one verification batch of what JointFront chooses over all of
        // them: their joint front first, the next fronts while --verify-limit lasts.
        ExploreRun.Options o1 = base.withMaxLoss(0.01);
        ExploreRun.Options o5 = base.withMaxLoss(0.05);
        List<String> labels = new ArrayList<>(List.of("loss1", "loss5"));
        List<ExploreRun.Options> options = new ArrayList<>(List.of(o1, o5));
        List<ExploreRun.Searched> searched = new ArrayList<>();
        searched.add(search(model, train, o1, dir.resolve("loss1"), log));
        searched.add(search(model, train, o5, dir.resolve("loss5"), log));
        for (var e : nets.entrySet()) {
            int[] net = e.getKey();
            Mlp m = e.getValue();
            String folder = Topologies.folder(net);
            log.printf("%n== %s, network %s: %s, float test accuracy %.4f%n", name, Topologies.text(net), m.topology(),
                    m.accuracy(test));
            ExploreRun.Options on = lighter(base).withMaxLoss(OTHER_LOSS);
            labels.add(folder + "/" + OTHER_EXPLORATION);
            options.add(on);
            searched.add(search(m, train, on, dir.resolve(folder).resolve(OTHER_EXPLORATION), log));
        }
        List<List<Candidate>> pools = new ArrayList<>();
        for (int k = 0; k < searched.size(); k++) {
            List<Candidate> pool = new ArrayList<>(searched.get(k).front());
            if (k >= 2) {
                pool.add(searched.get(k).exact()); // another network's exact design: verified when on the front
            }
            pools.add(pool);
        }
        List<List<Candidate>> chosen = JointFront.select(pools, List.of(searched.get(0).exact()), base.power(),
                base.verifyLimit());
        int total = pools.stream().mapToInt(List::size).sum();
        int picked = chosen.stream().mapToInt(List::size).sum();
        log.printf("%n%s: verifying %d of the %d designs of %d searches (their joint front first, at most"
                + " --verify-limit %d) and the exact baseline%n", name, picked, total, searched.size(), base.verifyLimit());
        List<ExploreRun.Plan> plans = new ArrayList<>();
        for (int k = 0; k < searched.size(); k++) {
            ExploreRun.Searched s = searched.get(k);
            List<Candidate> front = new ArrayList<>(chosen.get(k));
            boolean exact = k == 0 || front.remove(s.exact());
            plans.add(new ExploreRun.Plan(labels.get(k), s, front, exact, options.get(k), dir.resolve(labels.get(k))));
        }
        List<ExploreRun.Outcome> outcomes = ExploreRun.verify(plans, train, test, dir.resolve(ExploreRun.BATCH), log,
                executor);
        ExploreRun.Outcome lit1 = outcomes.get(0);
        // loss5 explores the same network: its baseline is loss1's, copied rather than verified again.
        ExploreRun.Outcome lit5 = outcomes.get(1);
        ExploreRun.Verified shared = lit1.exact();
        org.pmlp.design.DesignFolder.copy(dir.resolve("loss1").resolve("designs").resolve(shared.id()),
                dir.resolve("loss5").resolve("designs").resolve(shared.id()));
        outcomes.set(1, new ExploreRun.Outcome(shared, lit5.front(), lit5.searchSeconds(), lit5.evaluations(),
                lit5.exactTrainAccuracy()));
        double exactAcc = lit1.exact().report().accuracyGolden;
        // Every verified design with the folder it is in. The exact design loses nothing, so it
        // qualifies when no approximate design does. A constant circuit (area 0, one answer) is
        // no classifier and never the "smallest design".
        java.util.Map<ExploreRun.Verified, Path> all = new java.util.LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (int k = 0; k < outcomes.size(); k++) {
            ExploreRun.Outcome o = outcomes.get(k);
            Path edir = dir.resolve(labels.get(k));
            double loss = k == 0 ? 0.01 : k == 1 ? 0.05 : OTHER_LOSS;
            String title = (k < 2 ? model.topology() : nets.values().stream().toList().get(k - 2).topology())
                    + " (max loss " + loss + ")";
            ExploreOutputs.write(edir, o, title, loss, "pmlp bench");
            collect(dir, labels.get(k), o, k != 1, all, failed, late);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<ExploreRun.Verified> designs = new ArrayList<>(all.keySet());
        ExploreRun.Verified best1 = smallestWithin(designs, exactAcc - 0.01);
        ExploreRun.Verified best5 = smallestWithin(designs, exactAcc - 0.05);
        java.util.Map<String, DesignReport.VddPoint> low = new java.util.LinkedHashMap<>();
        if (lowVoltage != null) {
            java.util.Map<String, ExploreRun.Verified> picks = new java.util.LinkedHashMap<>();
            picks.put("exact", lit1.exact());
            picks.put("loss1", best1);
            picks.put("loss5", best5);
            for (var e : picks.entrySet()) {
                if (e.getValue() != null) {
                    Path folder = e.getValue() == lit1.exact() ? dir.resolve("loss1").resolve("designs").resolve("exact")
                            : all.get(e.getValue());
                    low.put(e.getKey(), org.pmlp.design.SupplySweep.point(folder, lowVoltage, base.clockHz(),
                            base.timeout()));
                }
            }
        }
        Row row = new Row(name, model.topology(), model.accuracy(test), exactAcc, lit1.exact().report().areaCm2,
                lit1.exact().report().powerMw, best1, best5, seconds, List.copyOf(failed), low, lit1.exact().report());
        if (!late.isEmpty()) {
            log.printf("%s: warning: failed timing constraint (OpenSTA: the worst path is longer than the clock period at"
                    + " --clock-hz; timing_met = no in pareto.csv): %s%n", name, String.join(", ", late));
        }
        if (!failed.isEmpty()) {
            log.printf("%s: VERIFICATION FAILED in %s%n", name, String.join(", ", failed));
        }
        log.printf("%s (%s): exact %.4f / %.3f cm^2 / %.2f mW; <=1%%: %s; <=5%%: %s (%.0f s; %.0f s since the bench"
                + " started)%n", name, progress, exactAcc, row.exactArea(), row.exactPower(), describe(row.loss1()),
                describe(row.loss5()), seconds, (System.nanoTime() - benchStart) / 1e9);
        return row;
    }

    /**
     * The allowed loss of the other networks' explorations (relative to each network's own exact
     * design): the published points within 5 points of the best lie within 5% of the exact baselines.
     */
    static final double OTHER_LOSS = 0.05;

    /** The folder of an other network's exploration inside its network folder. */
    static final String OTHER_EXPLORATION = "loss5";

    /**
     * An other network's budget: half the generations, so the extra networks add less search time
     * than their number of explorations (what is verified is chosen over all of them jointly).
     */
    static ExploreRun.Options lighter(ExploreRun.Options o) {
        Nsga2Search.Options s = o.search();
        return new ExploreRun.Options(o.maxLoss(), o.power(), new Nsga2Search.Options(s.population(),
                Math.max(1, s.generations() / 2), s.offspringFraction(), s.mutation(), s.crossover(), s.seed(), s.maxAge()),
                o.retrainEpochs(), o.jobs(), o.liberty(), o.timeout(), o.clockHz(), o.verifyLimit(), o.verify(),
                o.heap(), o.registers(), o.costModel());
    }

    /** The listed networks except the literature's one-hidden-layer network, which is always explored. */
    static List<int[]> others(List<int[]> topologies, int literatureHidden) {
        return topologies.stream().filter(t -> !(t.length == 1 && t[0] == literatureHidden)).toList();
    }

    /**
     * The float network with these hidden sizes (as {@link Topologies#parse} gives them: negative
     * for threshold neurons), trained with the trainer's defaults.
     */
    private static Mlp train(Path data, Dataset train, int[] hidden, long seed) {
        TrainingOptions options = TrainingOptions.defaults(Topologies.sizes(hidden), seed);
        if (Topologies.threshold(hidden)) {
            options = options.thresholdNeurons();
        }
        // The splits are already min-max scaled to [0, 0.9] over the whole dataset: no scaler.
        return MlpTraining.train(train, new InputScaler.Identity(), options,
                Map.of("train", data.resolve("train.csv").toString(), "test", data.resolve("test.csv").toString()));
    }

    /**
     * Adds an exploration's verified real designs (its front; with {@code withExact} its exact
     * baseline too) to {@code all}, each with its folder, the ids prefixed with the exploration's
     * folder unless it is the literature network's ("loss1", "loss5"); and its failures and timing
     * violations ("loss1/d03", "net-0/loss5/d02").
     */
    private static void collect(Path dir, String exploration, ExploreRun.Outcome o, boolean withExact,
                                java.util.Map<ExploreRun.Verified, Path> all, List<String> failed, List<String> late) {
        Path edir = dir.resolve(exploration);
        boolean prefix = exploration.contains("/");
        List<ExploreRun.Verified> designs = new ArrayList<>(real(edir, o, o.front()));
        if (withExact && o.exact() != null) {
            designs.addAll(real(edir, o, List.of(o.exact())));
        }
        for (ExploreRun.Verified v : designs) {
            ExploreRun.Verified named = prefix ? new ExploreRun.Verified(exploration + "/" + v.id(), v.candidate(),
                    v.report(), v.trainAccuracy()) : v;
            all.put(named, edir.resolve("designs").resolve(v.id()));
        }
        ExploreOutputs.failures(o).forEach(id -> failed.add(exploration + "/" + id));
        ExploreOutputs.timingViolations(o).forEach(id -> late.add(exploration + "/" + id));
    }

    private static ExploreRun.Searched search(Mlp model, Dataset train, ExploreRun.Options o, Path dir,
                                              PrintStream log) {
        DesignFolderReset.clear(dir);
        ExploreRun.prepareFolder(dir);
        // bench clears its folders: never resumed
        return ExploreRun.search(model, train, o, dir, new RunFingerprint().option("command", "pmlp bench"), log);
    }

    private static List<ExploreRun.Verified> real(Path dir, ExploreRun.Outcome o, List<ExploreRun.Verified> designs) {
        List<String> constant = ExploreOutputs.constantIds(dir, o);
        return designs.stream().filter(v -> !constant.contains(v.id())).toList();
    }

    /** The smallest verified design whose test accuracy is at least {@code min}, or null. */
    static ExploreRun.Verified smallestWithin(List<ExploreRun.Verified> designs, double min) {
        ExploreRun.Verified best = null;
        for (ExploreRun.Verified v : designs) {
            if (v.report().accuracyGolden >= min - 1e-12 && !ExploreOutputs.failed(v.report())
                    && (best == null || v.report().areaCm2 < best.report().areaCm2)) {
                best = v;
            }
        }
        return best;
    }

    private static String describe(ExploreRun.Verified v) {
        return v == null ? "none" : String.format("%.4f / %.3f cm^2 / %.2f mW", v.report().accuracyGolden,
                v.report().areaCm2, v.report().powerMw);
    }

    static void write(Path out, List<Row> rows) {
        StringBuilder csv = new StringBuilder("dataset,topology,float_acc,exact_acc,exact_area_cm2,exact_power_mw,"
                + "loss1_acc,loss1_area_cm2,loss1_power_mw,loss5_acc,loss5_area_cm2,loss5_power_mw,explore_seconds,"
                + "exact_critical_path_ms,exact_timing_met,loss1_critical_path_ms,loss1_timing_met,"
                + "loss5_critical_path_ms,loss5_timing_met");
        boolean low = rows.stream().anyMatch(r -> !r.lowVoltage().isEmpty());
        String lowLabel = low ? rows.stream().flatMap(r -> r.lowVoltage().values().stream()).findFirst()
                .map(v -> LibertyFamily.Member.label(v.volts()).replace('.', 'v')).orElse("") : "";
        if (low) {
            for (String k : new String[] {"exact", "loss1", "loss5"}) {
                csv.append(',').append(k).append('_').append(lowLabel).append("_power_mw,").append(k).append('_')
                        .append(lowLabel).append("_critical_path_ms");
            }
        }
        csv.append('\n');
        for (Row r : rows) {
            csv.append(String.join(",", r.dataset(), r.topology(), f(r.floatAcc()), f(r.exactAcc()), f(r.exactArea()),
                    f(r.exactPower()), f(acc(r.loss1())), f(area(r.loss1())), f(power(r.loss1())), f(acc(r.loss5())),
                    f(area(r.loss5())), f(power(r.loss5())), String.format("%.1f", r.seconds())));
            for (DesignReport rep : java.util.Arrays.asList(r.exactReport(),
                    r.loss1() == null ? null : r.loss1().report(), r.loss5() == null ? null : r.loss5().report())) {
                csv.append(',').append(rep == null ? "" : f(rep.criticalPathMs)).append(',')
                        .append(rep == null ? "" : ExploreOutputs.timingMet(rep));
            }
            if (low) {
                for (String k : new String[] {"exact", "loss1", "loss5"}) {
                    DesignReport.VddPoint p = r.lowVoltage().get(k);
                    csv.append(',').append(p == null ? "" : f(p.totalMw())).append(',')
                            .append(p == null ? "" : f(p.criticalPathMs()));
                }
            }
            csv.append('\n');
        }
        Files2.writeAtomically(out.resolve("summary.csv"), csv.toString());
        Files2.writeAtomically(out.resolve("summary.md"), markdown(rows));
    }

    static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder("# pmlp benchmark\n\n");
        sb.append("Our figures: Yosys area and gate-level power (state-dependent leakage plus dynamic at the given "
                + "clock) of designs verified bit-exact in Verilator; accuracy on the test split. Published: exact "
                + "baselines from DATE'22 Table I, best approximate designs at <= 1% loss from IEEE TC'23 (Synopsys "
                + "flow, EGFET 1.0 V).\n\n");
        sb.append("| dataset | topology | exact acc (pub.) | exact cm^2 (pub.) | exact mW (pub.) | <=1% acc | <=1% cm^2 "
                + "(pub.) | <=1% mW (pub.) | vs pub. area / power | <=5% acc | <=5% cm^2 | <=5% mW | s |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Literature.Figures e = Literature.EXACT.get(r.dataset());
            Literature.Figures b = Literature.BEST_LOSS1.get(r.dataset());
            String ratio = b == null || r.loss1() == null ? "" : String.format("%.1fx / %.1fx",
                    b.areaCm2() / area(r.loss1()), b.powerMw() / power(r.loss1()));
            sb.append(String.format("| %s | %s | %.3f (%s) | %.2f (%s) | %.1f (%s) | %s | %s (%s) | %s (%s) | %s | %s | %s"
                    + " | %s | %.0f |%n", r.dataset(), r.topology(), r.exactAcc(), pub(e, 0), r.exactArea(), pub(e, 1),
                    r.exactPower(), pub(e, 2), f3(acc(r.loss1())), f2(area(r.loss1())), pub(b, 1), f1(power(r.loss1())),
                    pub(b, 2), ratio, f3(acc(r.loss5())), f2(area(r.loss5())), f1(power(r.loss5())), r.seconds()));
        }
        sb.append("\nPublished power in mW is W x 1000 as stated by the papers; ours is W x 1000 too.\n");
        return sb.toString();
    }

    private static String pub(Literature.Figures f, int which) {
        if (f == null) {
            return "-";
        }
        double v = which == 0 ? f.accuracy() : which == 1 ? f.areaCm2() : f.powerMw();
        return Double.isNaN(v) ? "-" : String.format(which == 0 ? "%.2f" : "%.1f", v);
    }

    private static double acc(ExploreRun.Verified v) {
        return v == null ? Double.NaN : v.report().accuracyGolden;
    }

    private static double area(ExploreRun.Verified v) {
        return v == null ? Double.NaN : v.report().areaCm2;
    }

    private static double power(ExploreRun.Verified v) {
        return v == null ? Double.NaN : v.report().powerMw;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "" : String.format("%.6g", v);
    }

    private static String f1(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.1f", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.2f", v);
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }

    /** Clears the other networks' folders of a previous run in a dataset's folder. */
    private static void clearNetworks(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Topologies.isFolder(p.getFileName().toString())).toList().forEach(DesignFolderReset::clear);
        } catch (IOException e) {
            throw new UserError(dir + ": cannot list the dataset's run folder: " + e.getMessage());
        }
    }

    /** Clears a previous run folder of the benchmark (only ever its own). */
    static final class DesignFolderReset {
        static void clear(Path dir) {
            if (Files.exists(dir.resolve(ExploreRun.MARKER))) {
                Files2.deleteTree(dir);
            }
        }
    }

}
