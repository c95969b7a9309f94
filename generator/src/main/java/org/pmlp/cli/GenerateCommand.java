package org.pmlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.DesignFolder;
import org.pmlp.design.DesignWriter;
import org.pmlp.design.TestVectors;
import org.pmlp.model.Mlp;
import org.pmlp.quant.QuantizedData;
import org.pmlp.rtl.RtlDesign;
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

    @Override
    public Integer call() {
        eda.check();
        ModelLoading.Result loaded = ModelLoading.load(model, scaler, data, seed, System.out);
        Mlp m = loaded.model();
        DataOptions.Loaded d = loaded.data();
        DesignConfig cfg = config == null ? DesignConfig.exact(ModelShape.of(m), quant.spec())
                : DesignConfig.read(config, ModelShape.of(m), quant.spec());
        CompiledDesign c = DesignFlow.compile(m, cfg, d.train(), seed);
        QuantizedData test = d.test() == null ? null
                : QuantizedData.of(d.test(), c.model().scaler(), cfg.spec().inputQuantizer());
        TestVectors v = TestVectors.build(c.circuit(), c.program(), test, 1000, seed);
        double floatAcc = d.test() == null ? Double.NaN : m.accuracy(d.test());
        Path stage = DesignFolder.stage(output);
        RtlDesign rtl;
        try {
            rtl = DesignWriter.write(c, v, stage, eda.liberty(), eda.heapStyle(), floatAcc);
            DesignFolder.publish(stage, output);
        } catch (RuntimeException e) {
            DesignFolder.discard(stage);
            throw e;
        }
        System.out.printf("wrote %s: %s, %d input port bits, %d gates, %d test vectors (%d labelled), golden accuracy %s%n",
                output, c.circuit().topology(), rtl.ports().width(), rtl.gates(), v.size(), v.labelled(),
                v.labelled() == 0 ? "n/a" : String.format("%.4f", DesignWriter.goldenAccuracy(v)));
        return 0;
    }
}
