package org.pmlp.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.UserError;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.DesignReport;
import org.pmlp.design.RunPipeline;
import org.pmlp.design.Stopwatch;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "All in one: train (or load) a model, generate the design, lint it, co-simulate it in Verilator "
                + "against the golden model, synthesize it with Yosys, measure power, and write report.json and report.md.")
final class RunCommand implements Callable<Integer> {
    static final class ModelSource {
        @Option(names = "--model", paramLabel = "MODEL", description = "A trained model: pmlp JSON, ONNX (*.onnx) or scikit-learn export (see pmlp import).")
        Path model;

        @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]", description = "Train a model with these hidden layers.")
        int[] hidden;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelSource source;

    @Option(names = "--config", paramLabel = "DESIGN.json", description = "Design configuration (approximations); default exact.")
    Path config;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Design folder to write.")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for training, splits and retraining (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", defaultValue = "400", description = "With --hidden: maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--restarts", defaultValue = "3", description = "With --hidden: initializations tried (default: ${DEFAULT-VALUE}).")
    int restarts;

    @Option(names = "--scaler", paramLabel = "auto|minmax|none",
            description = "With --hidden: input scaling fitted on the training data, minmax (default) or none; with an "
                    + "ONNX or scikit-learn --model: as in pmlp import (default: auto).")
    String scaler;

    @Mixin
    RegularizationOptions regularization;

    @Option(names = "--no-synth", description = "Skip Yosys synthesis and power.")
    boolean noSynth;

    @Mixin
    DataOptions data;

    @Mixin
    QuantOptions quant;

    @Mixin
    EdaOptions eda;

    @Mixin
    RegisterOptions registers;

    @Mixin
    SupplyOptions supplyOptions;

    @Mixin
    ProofOptions proofs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** From --liberty-dir/--vdd, checked in call(); null without a family. */
    org.pmlp.design.SupplySweep.Supply supply;

    @Override
    public Integer call() {
        if (source.model != null) {
            OptionUse.rejectGiven(spec, "they set up training, and --model gives a trained model", "--epochs",
                    "--restarts", "--validation", "--weight-decay", "--input-dropout", "--refit");
        }
        if (noSynth) {
            OptionUse.rejectGiven(spec, "--no-synth skips synthesis, power and the proofs", "--clock-hz",
                    "--prove-timeout", "--prove-reference");
        }
        eda.check();
        registers.check();
        proofs.check();
        if (noSynth) {
            OptionUse.rejectGiven(spec, "--no-synth skips synthesis, timing and power", "--liberty-dir", "--vdd");
        }
        supply = supplyOptions.supply(eda.liberty());
        return runAndPrint(this, System.out);
    }

    static int runAndPrint(RunCommand c, PrintStream out) {
        Stopwatch sw = new Stopwatch();
        Mlp m;
        DataOptions.Loaded d;
        if (c.source.model != null) {
            ModelLoading.Result loaded = ModelLoading.load(c.source.model, c.scaler, c.data, c.seed, out);
            m = loaded.model();
            d = loaded.data();
        } else {
            d = c.data.load(c.seed, true, out);
            if (d.test() == null) {
                throw new UserError("--hidden trains a model: give --test FILE or --split SHARE for the test set");
            }
            DataOptions.Loaded loaded = d;
            m = sw.time("train", () -> TrainCommand.train(loaded, c.source.hidden, c.seed, c.epochs, c.restarts,
                    c.regularization, c.scaler == null ? "minmax" : c.scaler, c.data));
        }
        if (d.test() == null) {
            out.println("no test data: the design is verified on random and corner-case vectors only");
        }
        DesignConfig cfg = c.config == null ? DesignConfig.exact(ModelShape.of(m), c.quant.spec())
                : DesignConfig.read(c.config, ModelShape.of(m), c.quant.spec());
        cfg = c.registers.apply(cfg);
        java.nio.file.Path liberty = c.supply == null ? c.eda.liberty() : c.supply.synthesisLibrary().file();
        RunPipeline.Request req = new RunPipeline.Request(m, cfg, d.train(), d.test(), c.output, liberty,
                c.eda.heapStyle(), c.seed, c.eda.timeout, true, !c.noSynth, c.eda.clockHz, c.proofs.proveTimeout,
                c.proofs.proveReference, c.eda.costModel());
        DesignReport r = RunPipeline.run(req, c.supply, sw, out);
        if (c.source.model == null) {
            ModelJson.write(m, c.output.resolve("trained-model.json"));
        }
        print(r, c.output, out);
        warnIfConstant(r, c.output, out);
        if (r.rtlMismatches > 0 || r.netlistMismatches > 0) {
            out.println("VERIFICATION FAILED: the RTL disagrees with the golden model (a pmlp bug; please report it)");
            return Main.VERIFICATION_FAILED;
        }
        if ("failed".equals(r.referenceEquivalence)) {
            out.println("VERIFICATION FAILED: the RTL is not equal to its behavioural reference (see reference/abc.log)");
            return Main.VERIFICATION_FAILED;
        }
        if ("failed".equals(r.netlistEquivalence)) {
            out.println("VERIFICATION FAILED: the synthesized netlist is not equivalent to the RTL (see equiv/abc.log)");
            return Main.VERIFICATION_FAILED;
        }
        return 0;
    }

    /** A constant circuit passes every check; say what it is. */
    static void warnIfConstant(DesignReport r, Path dir, PrintStream out) {
        String why = org.pmlp.design.ConstantDesign.reason(r, dir);
        if (why != null) {
            out.println("warning: this is a constant circuit, not a classifier: " + why
                    + ". Check the data (too many features or a wrong --label?) and the configuration's input bits.");
        }
    }

    static void print(DesignReport r, Path dir, PrintStream out) {
        out.println();
        out.printf("design       %s  (%s)%n", r.topology, dir);
        out.printf("accuracy     float %s | golden %s | rtl %s  on %d labelled vectors%n", fmt(r.accuracyFloat),
                fmt(r.accuracyGolden), fmt(r.accuracyRtl), r.labelledVectors);
        out.printf("mismatches   %d of %d vectors (RTL vs golden model)%s%n", r.rtlMismatches, r.testVectors,
                r.netlistMismatches >= 0 ? String.format("; netlist %d", r.netlistMismatches) : "");
        if (r.netlistEquivalence != null) {
            out.printf("equivalence  netlist = RTL for all inputs: %s (ABC cec or dsec, %.1f s)%n",
                    r.netlistEquivalence, r.netlistEquivalenceSeconds);
        }
        if (!"skipped".equals(r.referenceEquivalence)) {
            out.printf("reference    rtl/top.v = rtl/reference.v for all inputs: %s (ABC dsec, %.1f s)%n",
                    r.referenceEquivalence, r.referenceEquivalenceSeconds);
        }
        if (!Double.isNaN(r.areaCm2)) {
            out.printf("area         %.3f cm^2%n", r.areaCm2);
        }
        if (!Double.isNaN(r.powerMw)) {
            out.printf("power        %.3f mW (leakage %.3f, dynamic %.5f at %.0f Hz)%n", r.powerMw, r.leakageMw,
                    r.dynamicMw, r.clockHz);
        }
        if (r.timing != null) {
            if (Double.isNaN(r.criticalPathMs)) {
                out.printf("timing       %s%n", r.timing);
            } else {
                out.printf("timing       worst path %.1f ms (%s -> %s), max clock %.3f Hz: %s at %s Hz (OpenSTA)%n",
                        r.criticalPathMs, r.pathStart, r.pathEnd, r.maxClockHz,
                        "met".equals(r.timing) ? "met" : "NOT MET", r.timingClockHz);
            }
        }
        if (r.registers != null) {
            out.printf("registers    %s%n", r.registers);
        }
        StringBuilder s = new StringBuilder();
        r.seconds.forEach((k, v) -> s.append(String.format("%s %.1f  ", k, v)));
        out.printf("seconds      %s%n", s.toString().trim());
        out.printf("report       %s%n", dir.resolve("report.md"));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }
}
