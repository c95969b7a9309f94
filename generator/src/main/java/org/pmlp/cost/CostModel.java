package org.pmlp.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pmlp.ir.Circuit;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Fast area and power estimate of a circuit: a linear model over {@link CostFeatures}, with one
 * area (um^2) and one power (mW) coefficient per feature, fitted against Yosys and gate-level
 * power by {@code pmlp calibrate}. The fitted coefficients of the default library ship in
 * {@code pdk/egfet_1v0.cost.json}.
 */
public final class CostModel {
    public static final String DEFAULT_RESOURCE = "pdk/egfet_1v0.cost.json";

    private final double[] area;
    private final double[] power;
    private final String source;

    public CostModel(double[] area, double[] power, String source) {
        if (area.length != CostFeatures.NAMES.length || power.length != CostFeatures.NAMES.length) {
            throw new IllegalArgumentException("expected " + CostFeatures.NAMES.length + " coefficients");
        }
        this.area = area.clone();
        this.power = power.clone();
        this.source = source;
    }

    /** The calibrated model shipped for the default library. */
    public static CostModel defaults() {
        return parse(Json.of(DEFAULT_RESOURCE, readTree(Files2.resource(DEFAULT_RESOURCE))), DEFAULT_RESOURCE);
    }

    public static CostModel read(Path file) {
        return parse(Json.read(file), file.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CostModel parse(Json.In in, String source) {
        double[] a = new double[CostFeatures.NAMES.length];
        double[] p = new double[CostFeatures.NAMES.length];
        Json.In ac = in.get("area_um2");
        Json.In pc = in.get("power_mw");
        for (int i = 0; i < a.length; i++) {
            a[i] = ac.get(CostFeatures.NAMES[i]).number();
            p[i] = pc.get(CostFeatures.NAMES[i]).number();
        }
        return new CostModel(a, p, source);
    }

    public ObjectNode toJson(ObjectNode extra) {
        ObjectNode o = Json.object();
        o.put("format", "pmlp-cost-model");
        ObjectNode ac = o.putObject("area_um2");
        ObjectNode pc = o.putObject("power_mw");
        for (int i = 0; i < area.length; i++) {
            ac.put(CostFeatures.NAMES[i], area[i]);
            pc.put(CostFeatures.NAMES[i], power[i]);
        }
        if (extra != null) {
            o.setAll(extra);
        }
        return o;
    }

    public double areaUm2(CostFeatures f) {
        return dot(area, f.vector());
    }

    public double powerMw(CostFeatures f) {
        return dot(power, f.vector());
    }

    /** Area estimate of a width-inferred circuit, in cm^2. */
    public double areaCm2(Circuit c, HeapStyle style) {
        return areaUm2(FeatureCounter.count(c, style)) / 1e8;
    }

    public String source() {
        return source;
    }

    private static double dot(double[] w, double[] x) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }
}
