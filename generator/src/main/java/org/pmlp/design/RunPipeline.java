package org.pmlp.design;

import java.io.PrintStream;
import java.nio.file.Path;
import org.pmlp.approx.DesignConfig;
import org.pmlp.cost.CostFeatures;
import org.pmlp.cost.CostModel;
import org.pmlp.cost.CostModels;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.data.Dataset;
import org.pmlp.eda.NetlistEquivalence;
import org.pmlp.eda.Tools;
import org.pmlp.eda.VerilatorSimulation;
import org.pmlp.eda.YosysSynthesis;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantizedData;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.rtl.RtlDesign;
import org.pmlp.util.Files2;

/**
 * The whole path for one design: compile, write the folder, lint, co-simulate in Verilator,
 * synthesize with Yosys, measure power, report. All of it happens in a staging folder that
 * becomes {@code out} only at the end.
 */
public final class RunPipeline {
    /**
     * What to run. {@code liberty} null means the project's default library. {@code proveTimeoutSeconds}
     * bounds the netlist equivalence proof that follows every synthesis; {@code referenceTimeoutSeconds}
     * bounds the proof of the RTL against the behavioural reference (0: not tried). {@code costModel}
     * is the cost model file of the report's estimates ({@code --cost-model}; null: the one matching
     * the liberty, see {@link CostModels}).
     */
    public record Request(Mlp model, DesignConfig config, Dataset train, Dataset test, Path out, Path liberty,
                          HeapStyle style, long seed, long timeoutSeconds, boolean simulate, boolean synthesize,
                          double clockHz, long proveTimeoutSeconds, long referenceTimeoutSeconds, Path costModel) {
        /** With the cost model matching the liberty. */
        public Request(Mlp model, DesignConfig config, Dataset train, Dataset test, Path out, Path liberty,
                       HeapStyle style, long seed, long timeoutSeconds, boolean simulate, boolean synthesize,
                       double clockHz, long proveTimeoutSeconds, long referenceTimeoutSeconds) {
            this(model, config, train, test, out, liberty, style, seed, timeoutSeconds, simulate, synthesize, clockHz,
                    proveTimeoutSeconds, referenceTimeoutSeconds, null);
        }

        /** The same request with the cost model file {@code file} (null: the one matching the liberty). */
        public Request withCostModel(Path file) {
            return new Request(model, config, train, test, out, liberty, style, seed, timeoutSeconds, simulate,
                    synthesize, clockHz, proveTimeoutSeconds, referenceTimeoutSeconds, file);
        }
        /** With the default netlist proof bound and no reference proof. */
        public Request(Mlp model, DesignConfig config, Dataset train, Dataset test, Path out, Path liberty,
                       HeapStyle style, long seed, long timeoutSeconds, boolean simulate, boolean synthesize,
                       double clockHz) {
            this(model, config, train, test, out, liberty, style, seed, timeoutSeconds, simulate, synthesize, clockHz,
                    NetlistEquivalence.DEFAULT_TIMEOUT_SECONDS, 0);
        }
    }

    private RunPipeline() {
    }

    public static DesignReport run(Request r, Stopwatch sw, PrintStream log) {
        return run(r, null, sw, log);
    }

    /**
     * With a library family ({@code supply} non-null): {@code r.liberty()} should be
     * {@link SupplySweep.Supply#synthesisLibrary()}; the netlist is then timed and powered at every
     * voltage and signed off at the chosen one.
     */
    public static DesignReport run(Request r, SupplySweep.Supply supply, Stopwatch sw, PrintStream log) {
        Path stage = DesignFolder.stage(r.out());
        try {
            DesignReport report = runIn(stage, r, supply, sw, log);
            DesignFolder.publish(stage, r.out());
            return report;
        } catch (RuntimeException e) {
            DesignFolder.discard(stage);
            throw e;
        }
    }

    /** A design compiled and written into a folder: what the tools then check. */
    record Written(CompiledDesign design, TestVectors vectors, RtlDesign rtl) {
    }

    /**
     * Compiles the request's design, writes it (RTL, test vectors, harness) into {@code folder}
     * and fills the report's design fields: accuracies, estimates, ports. A run and a batch job
     * ({@link DesignJob}) both start here.
     */
    static Written write(Request r, Path folder, DesignReport report, Stopwatch sw, PrintStream log) {
        CompiledDesign d = sw.time("compile", () -> DesignFlow.compile(r.model(), r.config(), r.train(), r.seed()));
        QuantizedData test = r.test() == null ? null
                : QuantizedData.of(r.test(), d.model().scaler(), d.config().spec().inputQuantizer());
        // The float model as given (before any retraining): the reference the approximations are judged by.
        double floatAcc = r.test() == null ? Double.NaN : r.model().accuracy(r.test());
        TestVectors vectors = TestVectors.build(d.circuit(), d.program(), test, 1000, r.seed());
        RtlDesign rtl = sw.time("generate", () -> DesignWriter.write(d, vectors, folder, r.liberty(), r.style(), floatAcc));
        report.topology = d.circuit().topology();
        report.testVectors = vectors.size();
        report.labelledVectors = vectors.labelled();
        report.accuracyFloat = floatAcc;
        report.accuracyGolden = DesignWriter.goldenAccuracy(vectors);
        report.heapStyle = r.style().name().toLowerCase();
        report.registers = d.config().registers().label();
        CostModel cost = CostModels.resolve(r.costModel(), r.liberty(), log);
        CostFeatures features = FeatureCounter.count(d.circuit(), r.style(), d.config().registers());
        report.estimatedAreaCm2 = cost.areaUm2(features) / 1e8;
        report.estimatedPowerMw = cost.powerMw(features);
        report.inputPortBits = rtl.ports().width();
        report.rtlGates = rtl.gates();
        report.liberty = r.liberty() == null ? DesignWriter.DEFAULT_LIBERTY + " (pmlp default, EGFET 1.0 V figures)"
                : r.liberty().toAbsolutePath().toString();
        return new Written(d, vectors, rtl);
    }

    private static DesignReport runIn(Path stage, Request r, SupplySweep.Supply supply, Stopwatch sw, PrintStream log) {
        DesignReport report = new DesignReport();
        Written w = write(r, stage, report, sw, log);
        CompiledDesign d = w.design();
        TestVectors vectors = w.vectors();
        RtlDesign rtl = w.rtl();
        DesignFolder f = new DesignFolder(stage);
        log.printf("generated %s: %d input port bits, %d gates before synthesis, %d test vectors%n",
                report.topology, rtl.ports().width(), rtl.gates(), vectors.size());
        if (r.simulate()) {
            sw.time("lint", () -> Lint.check(f.verilog(), r.timeoutSeconds()));
            VerilatorSimulation.Result sim = VerilatorSimulation.run(stage, r.timeoutSeconds());
            sw.add("simulate_build", sim.buildSeconds());
            sw.add("simulate_run", sim.runSeconds());
            Verification.Outcome o = Verification.compare(sim.predicted(), vectors.golden(), vectors.labels());
            report.rtlMismatches = o.mismatches();
            report.accuracyRtl = o.accuracy();
            log.printf("verilator: %d vectors, %d mismatches%n", o.vectors(), o.mismatches());
            report.tools.put("verilator", Tools.version("verilator"));
        }
        if (r.synthesize()) {
            Path lib = r.liberty() == null ? stage.resolve(DesignWriter.DEFAULT_LIBERTY) : r.liberty();
            YosysSynthesis.Result syn = YosysSynthesis.run(stage, lib, r.timeoutSeconds());
            sw.add("synth", syn.seconds());
            report.areaCm2 = syn.areaCm2();
            report.cells = syn.cells();
            report.libertyRepairs = syn.repairs();
            log.printf("yosys: %.3f cm^2, %d cells%n", syn.areaCm2(),
                    syn.cells().values().stream().mapToInt(Integer::intValue).sum());
            report.tools.put("yosys", Tools.version("yosys"));
            NetlistCheck.Result gate = sw.time("power", () -> NetlistCheck.run(f.netlist(), syn.library(),
                    rtl.ports(), vectors.q(), vectors.golden(), r.clockHz(), d.config().registers()));
            report.record(gate, r.clockHz());
            log.printf("netlist: %d mismatches; power %.3f mW%n", gate.mismatches(), gate.power().totalMw());
            if (supply == null) {
                SignOffTiming.run(stage, report, r.clockHz(), r.timeoutSeconds(), sw, log);
            } else {
                SupplySweep.run(stage, report, supply, rtl.ports(), vectors, d.config().registers(), r.clockHz(),
                        r.timeoutSeconds(), sw, log);
            }
            NetlistEquivalence.Result proof = NetlistEquivalence.prove(stage, r.proveTimeoutSeconds());
            sw.add("prove", proof.seconds());
            report.record(proof);
            log.printf("equivalence: netlist = RTL %s (%s, %.1f s)%n", proof.status().label(),
                    proof.message(), proof.seconds());
        }
        if (r.referenceTimeoutSeconds() > 0) {
            NetlistEquivalence.Result ref = NetlistEquivalence.proveReference(stage, r.referenceTimeoutSeconds());
            sw.add("prove_reference", ref.seconds());
            report.referenceEquivalence = ref.status().label();
            report.referenceEquivalenceSeconds = ref.seconds();
            log.printf("reference: rtl/top.v = rtl/reference.v %s (%s, %.1f s)%n", ref.status().label(), ref.message(),
                    ref.seconds());
        }
        report.seconds = sw.seconds();
        Files2.write(f.reportJson(), org.pmlp.util.Json.write(report.toJson()));
        Files2.write(f.reportMd(), report.toMarkdown());
        return report;
    }
}
