package org.pmlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.util.Json;

class ModelJsonTest {
    @TempDir
    Path dir;

    static Mlp small() {
        DenseLayer h = new DenseLayer(new double[][] {{0.5, -1.25}, {2, 0.125}, {-0.75, 1}},
                new double[] {0.1, -0.2, 0}, Activation.RELU);
        DenseLayer o = new DenseLayer(new double[][] {{1, -1, 0.5}, {-0.5, 2, 1}}, new double[] {0, 0.25},
                Activation.SOFTMAX);
        return new Mlp(List.of("a", "b"), List.of("no", "yes"),
                new InputScaler.MinMax(new double[] {0, 1}, new double[] {10, 3}, 0, 0.9), List.of(h, o),
                new double[][] {{1.5, 2, 0.25}}, Map.of("seed", 3));
    }

    @Test
    void roundTripKeepsEverything() {
        Path p = dir.resolve("m.json");
        Mlp m = small();
        ModelJson.write(m, p);
        Mlp r = ModelJson.read(p);
        assertEquals(m.topology(), r.topology());
        assertEquals(m.classes(), r.classes());
        assertArrayEquals(m.layer(0).weights()[1], r.layer(0).weights()[1]);
        assertArrayEquals(m.layer(1).biases(), r.layer(1).biases());
        assertEquals(Activation.SOFTMAX, r.layer(1).activation());
        assertArrayEquals(m.activationMax()[0], r.activationMax()[0]);
        assertEquals(3, ((Number) r.provenance().get("seed")).intValue());
        assertEquals(Json.write(ModelJson.toJson(m)), Json.write(ModelJson.toJson(r)), "writing is deterministic");
        double[] x = {4, 2};
        assertEquals(m.predict(x), r.predict(x));
    }

    private UserError bad(String json) throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, json);
        return assertThrows(UserError.class, () -> ModelJson.read(p));
    }

    private String valid() {
        return Json.write(ModelJson.toJson(small()));
    }

    @Test
    void shapeErrorsNameTheField() throws IOException {
        UserError e = bad(valid().replace("[ 0.5, -1.25 ]", "[ 0.5 ]"));
        assertTrue(e.getMessage().contains("layers[0].weights[0]: expected 2 weights"), e.getMessage());
        e = bad(valid().replace("\"biases\" : [ 0.1, -0.2, 0.0 ]", "\"biases\" : [ 0.1 ]"));
        assertTrue(e.getMessage().contains("layers[0].biases: expected 3 numbers, got 1"), e.getMessage());
    }

    @Test
    void valueErrorsNameTheField() throws IOException {
        UserError e = bad(valid().replace("\"relu\"", "\"tanh\""));
        assertTrue(e.getMessage().contains("layers[0].activation"), e.getMessage());
        e = bad(valid().replace("[ 0.5, -1.25 ]", "[ 0.5, \"x\" ]"));
        assertTrue(e.getMessage().contains("layers[0].weights[0][1]: expected a number"), e.getMessage());
        e = bad(valid().replace("[ 0.5, -1.25 ]", "[ 0.5, NaN ]"));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        e = bad(valid().replace("\"version\" : 1", "\"version\" : 2"));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
        e = bad(valid().replace("\"layers\"", "\"layerz\""));
        assertTrue(e.getMessage().contains("layerz: unknown field"), e.getMessage());
        e = bad("{\"format\": \"pmlp-mlp\", \"version\": 1");
        assertTrue(e.getMessage().startsWith(dir.resolve("bad.json") + ":1:"), e.getMessage());
    }

    @Test
    void outputLayerMustHaveOneNeuronPerClass() throws IOException {
        UserError e = bad(valid().replace("\"classes\" : [ \"no\", \"yes\" ]", "\"classes\" : [ \"a\", \"b\", \"c\" ]"));
        assertTrue(e.getMessage().contains("expected one per class"), e.getMessage());
    }
}
