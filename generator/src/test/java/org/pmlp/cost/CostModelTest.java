package org.pmlp.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.testutil.Shared;
import org.pmlp.util.Json;

class CostModelTest {
    @TempDir
    Path tmp;

    @Test
    void shippedModelsPriceEveryFeature() {
        for (String name : CostModels.SHIPPED) {
            CostModel m = CostModel.resource("pdk/" + name + ".cost.json");
            for (int i = 0; i < CostFeatures.NAMES.length; i++) {
                assertTrue(m.areaCoefficients()[i] > 0 && m.powerCoefficients()[i] > 0, name + " "
                        + CostFeatures.NAMES[i]);
                // within the factor bounds of the library's own cells
                double ratio = m.areaCoefficients()[i] / (m.areaScale() * m.cells().areaUm2()[i]);
                assertTrue(ratio >= ScaleFit.FACTOR_MIN - 1e-9 && ratio <= ScaleFit.FACTOR_MAX + 1e-9, name + " " + ratio);
            }
        }
    }

    @Test
    void aCalibrationFileIsReadBack() throws Exception {
        CostModel m = CostModel.defaults();
        Path f = tmp.resolve("m.json");
        Files.writeString(f, Json.write(m.toJson(null)));
        CostModel back = CostModel.read(f);
        assertArrayEquals(m.areaCoefficients(), back.areaCoefficients(), 1e-9);
        assertArrayEquals(m.powerCoefficients(), back.powerCoefficients(), 1e-15);
        assertSame(back.getClass(), CostModels.resolve(f, null, System.out).getClass());
        assertEquals(f.toString(), CostModels.resolve(f, null, System.out).source());
    }

    @Test
    void malformedFilesAreUserErrors() throws Exception {
        ObjectNode o = CostModel.defaults().toJson(null);
        ((ObjectNode) o.get("area").get("factor")).put("not", 0.0); // a free gate
        Path free = Files.writeString(tmp.resolve("free.json"), Json.write(o));
        UserError e = assertThrows(UserError.class, () -> CostModel.read(free));
        assertTrue(e.getMessage().contains("factors"), e.getMessage());
        ObjectNode old = CostModel.defaults().toJson(null);
        old.put("version", 1);
        Path v1 = Files.writeString(tmp.resolve("v1.json"), Json.write(old));
        assertTrue(assertThrows(UserError.class, () -> CostModel.read(v1)).getMessage().contains("calibrate"));
    }

    @Test
    void theModelFollowsTheLiberty() throws Exception {
        Path own = Shared.repo().resolve("pdk/egfet_1v0.lib");
        String text = Files.readString(own);
        // pmlp's library under another file name is still pmlp's library
        Path copy = Files.writeString(tmp.resolve("mine.lib"), text);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CostModel m = CostModels.resolve(null, copy, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(CostModel.DEFAULT_RESOURCE, m.source());
        assertEquals("", log.toString(StandardCharsets.UTF_8));
        // another library (here: XOR2 twice as large): its own cells, the default scales, and a warning
        Path other = Files.writeString(tmp.resolve("other.lib"), text.replace("area : 1043000", "area : 2086000"));
        CostModel u = CostModels.resolve(null, other, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertTrue(u.source().startsWith("uncalibrated"), u.source());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("warning: no cost model is calibrated"));
        int xor = java.util.Arrays.asList(CostFeatures.NAMES).indexOf("xor");
        assertEquals(2 * m.areaCoefficients()[xor], u.areaCoefficients()[xor], 1e-6);
        // a --cost-model for another library is used as given, with a warning
        log.reset();
        Path f = Files.writeString(tmp.resolve("m.json"), Json.write(m.toJson(null)));
        CostModel given = CostModels.resolve(f, other, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(f.toString(), given.source());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("was calibrated for library pmlp_egfet_1v0"),
                log.toString(StandardCharsets.UTF_8));
        // a library without the priced cells: the default model, with a warning
        log.reset();
        Path noXor = Files.writeString(tmp.resolve("noxor.lib"), text.replace("cell (XOR2X1)", "cell (XOR2X9)"));
        CostModel d = CostModels.resolve(null, noXor, new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(CostModel.DEFAULT_RESOURCE, d.source());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("XOR2X1"), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thePublicLibraryHasItsOwnCalibration() {
        Path pub = Shared.require("pdk/egfet/PPDK_Standard_Library_1.0V_25C_TYP_X1.lib");
        CostModel m = CostModels.resolve(null, pub, System.out);
        assertEquals("pdk/PPDK_Standard_Library_1.0V_25C_TYP_X1.cost.json", m.source());
        assertTrue(m.powerScale() != CostModel.defaults().powerScale());
    }

    @Test
    void theFitRecoversScaleAndFactorsAndKeepsThemInBounds() {
        SplittableRandom r = new SplittableRandom(5);
        double[] cells = {2, 4, 5, 10, 20, 13, 14};
        double[] truth = {0.7, 1.3, 1, 0.6, 1.8, 0.9, 1.1};
        double[][] x = new double[60][cells.length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < cells.length; j++) {
                x[i][j] = r.nextInt(500);
                y[i] += 0.5 * truth[j] * cells[j] * x[i][j];
            }
        }
        ScaleFit.Result f = ScaleFit.fit(x, cells, y);
        for (int j = 0; j < cells.length; j++) {
            assertEquals(0.5 * truth[j], f.scale() * f.factor()[j], 1e-6, "feature " + j);
        }
        // data that wants a free gate gets the smallest factor, not zero
        double[] y2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 1; j < cells.length; j++) {
                y2[i] += cells[j] * x[i][j];
            }
        }
        ScaleFit.Result g = ScaleFit.fit(x, cells, y2);
        for (double d : g.factor()) {
            assertTrue(d >= ScaleFit.FACTOR_MIN && d <= ScaleFit.FACTOR_MAX, "factor " + d);
        }
        assertEquals(ScaleFit.FACTOR_MIN, g.factor()[0], 1e-12);
    }
}
