package org.pmlp.cost;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.pmlp.UserError;
import org.pmlp.ir.Circuit;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.util.Files2;
import org.pmlp.util.Json;

/**
 * Fast area and power estimate of a circuit, tied to a cell library: each feature (a live gate
 * kind of the emitted netlist, or a flip-flop) costs its cells' area and leakage
 * ({@link CellFigures}) times the library's scale, fitted against synthesized designs by
 * {@code pmlp calibrate}, times a per-feature factor the fit keeps within
 * [{@link ScaleFit#FACTOR_MIN}, {@link ScaleFit#FACTOR_MAX}] ({@link ScaleFit}); so no feature is
 * free. One file per library ({@code pdk/<library>.cost.json}); {@link CostModels} picks the one
 * of a liberty.
 */
public final class CostModel {
    public static final String FORMAT = "pmlp-cost-model";
    /** Version 2: scales over liberty cell figures (version 1 had free per-feature weights). */
    public static final int VERSION = 2;
    public static final String DEFAULT_RESOURCE = "pdk/egfet_1v0.cost.json";

    private final CellFigures cells;
    private final double areaScale;
    private final double powerScale;
    private final double[] areaFactor;
    private final double[] powerFactor;
    private final double[] area;
    private final double[] power;
    private final String source;

    public CostModel(CellFigures cells, double areaScale, double[] areaFactor, double powerScale,
                     double[] powerFactor, String source) {
        int n = CostFeatures.NAMES.length;
        if (areaFactor.length != n || powerFactor.length != n) {
            throw new IllegalArgumentException("expected " + n + " factors");
        }
        if (!(areaScale > 0) || !(powerScale > 0)) {
            throw new UserError(source + ": expected positive area and power scales (no cell is free), got "
                    + areaScale + " and " + powerScale);
        }
        for (int i = 0; i < n; i++) {
            if (!inRange(areaFactor[i]) || !inRange(powerFactor[i])) {
                throw new UserError(source + ": expected factors in [" + ScaleFit.FACTOR_MIN + ", " + ScaleFit.FACTOR_MAX
                        + "], got " + CostFeatures.NAMES[i] + " " + areaFactor[i] + " (area) and " + powerFactor[i]
                        + " (power)");
            }
        }
        this.cells = cells;
        this.areaScale = areaScale;
        this.powerScale = powerScale;
        this.areaFactor = areaFactor.clone();
        this.powerFactor = powerFactor.clone();
        this.area = new double[n];
        this.power = new double[n];
        for (int i = 0; i < n; i++) {
            area[i] = areaScale * areaFactor[i] * cells.areaUm2()[i];
            power[i] = powerScale * powerFactor[i] * cells.leakageMw()[i];
        }
        this.source = source;
    }

    /** The calibrated model shipped for pmlp's default library. */
    public static CostModel defaults() {
        return resource(DEFAULT_RESOURCE);
    }

    static CostModel resource(String name) {
        return parse(Json.of(name, readTree(Files2.resource(name))), name);
    }

    /** A coefficient file ({@code pmlp calibrate -o}); a user mistake in it is a {@link UserError}. */
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
        if (!FORMAT.equals(in.get("format").text())) {
            throw in.get("format").error("\"" + FORMAT + "\"");
        }
        if (in.get("version").integer() != VERSION) {
            throw in.get("version").error(VERSION + " (a file of an older pmlp: run pmlp calibrate again)");
        }
        int n = CostFeatures.NAMES.length;
        double[] cellArea = new double[n];
        double[] cellLeak = new double[n];
        double[] ao = new double[n];
        double[] po = new double[n];
        Json.In cells = in.get("cells");
        Json.In a = in.get("area");
        Json.In p = in.get("power");
        for (int i = 0; i < n; i++) {
            String f = CostFeatures.NAMES[i];
            cellArea[i] = cells.get("area_um2").get(f).number();
            cellLeak[i] = cells.get("leakage_mw").get(f).number();
            ao[i] = a.get("factor").get(f).number();
            po[i] = p.get("factor").get(f).number();
        }
        CellFigures figures = new CellFigures(cells.get("library").text(), cellArea, cellLeak);
        return new CostModel(figures, a.get("scale").number(), ao, p.get("scale").number(), po, source);
    }

    public ObjectNode toJson(ObjectNode extra) {
        ObjectNode o = Json.object();
        o.put("format", FORMAT);
        o.put("version", VERSION);
        o.put("model", "area_um2 = sum over features of count * area.scale * area.factor * cells.area_um2;"
                + " power_mw likewise with power.scale, power.factor and cells.leakage_mw; factors in ["
                + ScaleFit.FACTOR_MIN + ", " + ScaleFit.FACTOR_MAX + "]; area_um2 and power_mw below are the products");
        ObjectNode c = o.putObject("cells");
        c.put("library", cells.library());
        c.put("recipes", "not INVX1, and AND2X1, or OR2X1, xor XOR2X1, xor3 2 XOR2X1, maj 3 NAND2X1 + OR2X1,"
                + " flip_flops DFFX1");
        ObjectNode ca = c.putObject("area_um2");
        ObjectNode cl = c.putObject("leakage_mw");
        ObjectNode a = o.putObject("area");
        a.put("scale", areaScale);
        ObjectNode ao = a.putObject("factor");
        ObjectNode p = o.putObject("power");
        p.put("scale", powerScale);
        ObjectNode po = p.putObject("factor");
        ObjectNode ac = o.putObject("area_um2");
        ObjectNode pc = o.putObject("power_mw");
        for (int i = 0; i < area.length; i++) {
            String f = CostFeatures.NAMES[i];
            ca.put(f, cells.areaUm2()[i]);
            cl.put(f, cells.leakageMw()[i]);
            ao.put(f, areaFactor[i]);
            po.put(f, powerFactor[i]);
            ac.put(f, area[i]);
            pc.put(f, power[i]);
        }
        if (extra != null) {
            o.setAll(extra);
        }
        return o;
    }

    public double areaUm2(CostFeatures f) {
        return dot(area, f);
    }

    public double powerMw(CostFeatures f) {
        return dot(power, f);
    }

    /** Area estimate of a width-inferred circuit, in cm^2. */
    public double areaCm2(Circuit c, HeapStyle style) {
        return areaUm2(FeatureCounter.count(c, style)) / 1e8;
    }

    /** Area coefficient of each feature, um^2 ({@link CostFeatures#NAMES} order); all positive. */
    public double[] areaCoefficients() {
        return area.clone();
    }

    /** Power coefficient of each feature, mW; all positive. */
    public double[] powerCoefficients() {
        return power.clone();
    }

    public CellFigures cells() {
        return cells;
    }

    public double areaScale() {
        return areaScale;
    }

    public double powerScale() {
        return powerScale;
    }

    public double[] areaFactors() {
        return areaFactor.clone();
    }

    public double[] powerFactors() {
        return powerFactor.clone();
    }

    public String source() {
        return source;
    }

    private static boolean inRange(double f) {
        return f >= ScaleFit.FACTOR_MIN - 1e-12 && f <= ScaleFit.FACTOR_MAX + 1e-12;
    }

    private static double dot(double[] w, CostFeatures f) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * f.count(i);
        }
        return s;
    }
}
