package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.DesignReport;
import org.pmlp.design.RunPipeline;
import org.pmlp.design.Stopwatch;
import org.pmlp.model.Mlp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a design folder for a model: rtl/top.v, the Verilator harness, test vectors with the "
                + "golden model's answers, config.json, model.json and a Makefile (make sim, make synth, make lint).",
                "Without --train/--test, the data files recorded in the model's provenance are used when they exist."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "pmlp model JSON, ONNX model (*.onnx) or scikit-learn export (see pmlp import).")
    Path model;

    @Option(names = "--scaler", paramLabel = "auto|minmax|none",
            description = "For an ONNX or scikit-learn model: input scaling, as in pmlp import (default: auto).")
    String scaler;

    @Option(names = "--config", paramLabel = "DESIGN.json", description = "Design configuration (approximations); default exact.")
    Path config;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Design folder to write.")
    Path output;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for retraining and random vectors (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataOptions data;

    @Mixin
    QuantOptions quant;

    @Mixin
    EdaOptions eda;

    @Mixin
    RegisterOptions registers;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionUse.rejectGiven(spec, "generate runs no tool (run, simulate and synth do)", "--timeout", "--clock-hz");
        eda.check();
        registers.check();
        ModelLoading.Result loaded = ModelLoading.load(model, scaler, data, seed, System.out);
        Mlp m = loaded.model();
        DataOptions.Loaded d = loaded.data();
        DesignConfig cfg = config == null ? DesignConfig.exact(ModelShape.of(m), quant.spec())
                : DesignConfig.read(config, ModelShape.of(m), quant.spec());
        cfg = registers.apply(cfg);
        RunPipeline.Request req = new RunPipeline.Request(m, cfg, d.train(), d.test(), output, eda.liberty(),
                eda.heapStyle(), seed, eda.timeout, false, false, eda.clockHz).withCostModel(eda.costModel());
        DesignReport r = RunPipeline.run(req, new Stopwatch(), System.out);
        System.out.printf("wrote %s: %s, %d input port bits, %d gates, %d test vectors (%d labelled), golden accuracy %s%n",
                output, r.topology, r.inputPortBits, r.rtlGates, r.testVectors, r.labelledVectors,
                Double.isNaN(r.accuracyGolden) ? "n/a" : String.format("%.4f", r.accuracyGolden));
        RunCommand.warnIfConstant(r, output, System.out);
        return 0;
    }
}
