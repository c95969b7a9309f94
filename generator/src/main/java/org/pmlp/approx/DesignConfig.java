package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.quant.QuantSpec;
import org.pmlp.rtl.Registers;
import org.pmlp.util.Json;

/**
 * A design configuration: the baseline number formats and the approximation passes with their
 * parameters, in flow order. Unspecified sections mean exact. The JSON format is documented in
 * the README and {@code examples/}.
 */
public record DesignConfig(QuantSpec spec, List<Pass> passes, Registers registers) {
    public static final String FORMAT = "pmlp-design";

    /** With registered inputs and outputs, the default. */
    public DesignConfig(QuantSpec spec, List<Pass> passes) {
        this(spec, passes, Registers.BOTH);
    }

    /** This configuration with the given register placement. */
    public DesignConfig withRegisters(Registers r) {
        return new DesignConfig(spec, passes, r);
    }

    /** The exact bespoke design: baseline formats, calibrated hidden windows, exact argmax. */
    public static DesignConfig exact(ModelShape shape, QuantSpec spec) {
        List<Pass> passes = new ArrayList<>();
        for (PassKind k : PassRegistry.kinds()) {
            Pass p = k.absent(shape, spec);
            if (p != null) {
                passes.add(p);
            }
        }
        return new DesignConfig(spec, passes);
    }

    public static DesignConfig read(Path file, ModelShape shape, QuantSpec defaults) {
        return parse(Json.read(file), shape, defaults);
    }

    public static DesignConfig parse(Json.In root, ModelShape shape, QuantSpec defaults) {
        List<String> allowed = new ArrayList<>(List.of("format", "version", "quantization", "registers", "comment"));
        allowed.addAll(PassRegistry.names());
        root.onlyFields(allowed.toArray(new String[0]));
        if (root.has("format") && !root.get("format").text().equals(FORMAT)) {
            throw root.get("format").error("expected \"" + FORMAT + "\"");
        }
        if (root.has("version")) {
            root.get("version").integer(1, 1);
        }
        QuantSpec spec = defaults;
        Json.In q = root.opt("quantization");
        if (q != null) {
            q.onlyFields("input_bits", "weight_bits", "act_bits");
            spec = new QuantSpec(
                    q.has("input_bits") ? q.get("input_bits").integer(1, 16) : defaults.inputBits(),
                    q.has("weight_bits") ? q.get("weight_bits").integer(2, 16) : defaults.weightBits(),
                    q.has("act_bits") ? q.get("act_bits").integer(0, 32) : defaults.actBits());
        }
        Registers registers = root.has("registers")
                ? parseRegisters(root.get("registers")) : Registers.BOTH;
        return new DesignConfig(spec, PassRegistry.parse(root, shape, spec), registers);
    }

    private static Registers parseRegisters(Json.In field) {
        String text = field.text();
        for (Registers r : Registers.values()) {
            if (r.label().equals(text)) {
                return r;
            }
        }
        throw field.error("expected \"none\", \"inputs\", \"outputs\" or \"both\"");
    }

    /** The pass with the given section name, or null. */
    @SuppressWarnings("unchecked")
    public <T extends Pass> T pass(String name) {
        for (Pass p : passes) {
            if (p.name().equals(name)) {
                return (T) p;
            }
        }
        return null;
    }

    /** This configuration with one pass replaced (or added in flow order). */
    public DesignConfig with(Pass pass) {
        List<Pass> out = new ArrayList<>();
        for (Pass p : passes) {
            if (!p.name().equals(pass.name())) {
                out.add(p);
            }
        }
        out.add(pass);
        out.sort(java.util.Comparator.comparingInt(p -> PassRegistry.names().indexOf(p.name())));
        return new DesignConfig(spec, out, registers);
    }

    public JsonNode toJson() {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("version", 1);
        ObjectNode q = o.putObject("quantization");
        q.put("input_bits", spec.inputBits());
        q.put("weight_bits", spec.weightBits());
        q.put("act_bits", spec.actBits());
        if (registers != Registers.BOTH) { // written only when not the default, so older configurations stay byte-identical
            o.put("registers", registers.label());
        }
        for (Pass p : passes) {
            o.set(p.name(), p.toJson());
        }
        return o;
    }
}
