package org.pmlp.model.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.model.Activation;
import org.pmlp.model.ModelFiles;
import org.pmlp.util.Json;

class SklearnImporterTest {
    @TempDir
    Path dir;

    private static ObjectNode fixture(String name) {
        return (ObjectNode) Json.read(Fixtures.file(name)).node().deepCopy();
    }

    private Path write(String text) throws IOException {
        Path p = dir.resolve("export.json");
        Files.writeString(p, text);
        return p;
    }

    private String fails(ObjectNode root) throws IOException {
        return fails(Json.write(root));
    }

    private String fails(String text) throws IOException {
        Path p = write(text);
        UserError e = assertThrows(UserError.class, () -> ModelImport.read(p));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        // The --model path (ModelFiles) fails the same way.
        UserError e2 = assertThrows(UserError.class, () -> ModelFiles.read(p));
        assertFalse(e2.getMessage().contains("\n"), "one line: " + e2.getMessage());
        return e.getMessage();
    }

    private static void has(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
        }
    }

    @Test
    void multiclassExport() {
        ImportedModel m = ModelImport.read(Fixtures.file("wine_sklearn.json"));
        assertEquals("sklearn", m.format());
        assertEquals(13, m.inputs());
        assertEquals(List.of("0", "1", "2"), m.classes());
        assertEquals(Activation.RELU, m.layers().get(0).activation());
        assertEquals(Activation.SOFTMAX, m.layers().get(1).activation());
        assertEquals("StandardScaler", m.scaler().kind());
        assertTrue(((String) m.details().get("producer")).startsWith("scikit-learn 1."));
        // coefs_[0] is [inputs][outputs]; pmlp keeps a row per neuron.
        ArrayNode c0 = (ArrayNode) fixture("wine_sklearn.json").get("coefs_").get(0);
        assertEquals(c0.get(3).get(5).asDouble(), m.layers().get(0).weights()[5][3]);
    }

    @Test
    void binaryExportGetsAConstantZeroClass0() {
        ImportedModel m = ModelImport.read(Fixtures.file("cancer_sklearn.json"));
        assertEquals(2, m.outputs());
        assertArrayEquals(new double[4], m.layers().get(1).weights()[0]);
        assertEquals(0, m.layers().get(1).biases()[0]);
        assertEquals(List.of("benign", "malignant"), m.classes());
        assertTrue(m.scaler().hasRange(), "a MinMaxScaler brings its fitted range");
    }

    @Test
    void wrongKeys() throws IOException {
        ObjectNode r = fixture("wine_sklearn.json");
        r.set("coefs", r.remove("coefs_"));
        has(fails(r), "coefs: unknown field");
        r = fixture("wine_sklearn.json");
        r.remove("intercepts_");
        has(fails(r), "intercepts_: missing");
        r = fixture("wine_sklearn.json");
        ((ObjectNode) r.get("scaler")).put("with_mean", true);
        has(fails(r), "scaler.with_mean: unknown field");
        r = fixture("wine_sklearn.json");
        ((ObjectNode) r.get("scaler")).put("type", "RobustScaler");
        has(fails(r), "scaler.type", "RobustScaler");
        has(fails("{\"format\": \"sklearn-MLPClassifier\"}"), "n_features_in_: missing");
    }

    @Test
    void mismatchedShapes() throws IOException {
        ObjectNode r = fixture("wine_sklearn.json");
        ((ArrayNode) r.get("intercepts_").get(0)).remove(0);
        has(fails(r), "intercepts_[0]", "has 7 values, expected 8");
        r = fixture("wine_sklearn.json");
        r.put("n_features_in_", 12);
        has(fails(r), "coefs_[0]", "has 13 rows, expected 12");
        r = fixture("wine_sklearn.json");
        ((ArrayNode) r.get("coefs_").get(1).get(2)).add(0.5);
        has(fails(r), "coefs_[1][2]", "has 4 weights, expected 3");
        r = fixture("wine_sklearn.json");
        ((ArrayNode) r.get("classes_")).remove(2);
        has(fails(r), "coefs_[1]", "3 outputs, expected one per class (2)");
        r = fixture("wine_sklearn.json");
        ((ArrayNode) r.get("scaler").get("mean_")).remove(0);
        has(fails(r), "scaler.mean_", "expected 13 numbers, got 12");
    }

    @Test
    void nonFiniteWeights() throws IOException {
        String text = Json.write(fixture("wine_sklearn.json"));
        String first = "\"intercepts_\" : [ [ ";
        int at = text.indexOf(first) + first.length();
        String nan = text.substring(0, at) + "NaN, " + text.substring(text.indexOf(',', at) + 1);
        has(fails(nan), "not valid JSON", "NaN");
        String inf = text.substring(0, at) + "1e999, " + text.substring(text.indexOf(',', at) + 1);
        has(fails(inf), "intercepts_[0][0]", "finite");
        ObjectNode r = fixture("wine_sklearn.json");
        ((ArrayNode) r.get("scaler").get("scale_")).set(0, 0.0);
        has(fails(r), "scaler.scale_[0]", "positive");
    }

    @Test
    void unsupportedModels() throws IOException {
        ObjectNode r = fixture("wine_sklearn.json");
        r.put("activation", "tanh");
        has(fails(r), "activation", "\"tanh\"", "relu");
        r = fixture("wine_sklearn.json");
        r.put("out_activation_", "logistic");
        has(fails(r), "multi-label");
        r = fixture("wine_sklearn.json");
        r.put("out_activation_", "identity");
        has(fails(r), "out_activation_", "softmax");
    }

    @Test
    void pmlpModelsAreNotImports() throws IOException {
        Path p = write("{\"format\": \"pmlp-mlp\"}");
        assertFalse(ModelImport.isImport(p));
        UserError e = assertThrows(UserError.class, () -> ModelImport.read(p));
        has(e.getMessage(), "already a pmlp model");
    }
}
