package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Models built with scikit-learn and onnx (generator/src/test/resources/fixtures, made by
 * make_fixtures.py) go through the CLI as users pass them, {@code pmlp run --model FILE}: the
 * generated circuit must agree with the golden model on every vector in Verilator.
 */
class ImportedModelsE2ETest {
    @TempDir
    Path tmp;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of("wine_sklearn.json", "wine", "auto"),
                Arguments.of("wine_gemm.onnx", "wine", "auto"),
                Arguments.of("wine_matmul.onnx", "wine", "minmax"),
                Arguments.of("cancer_sklearn.json", "cancer", "auto"),
                Arguments.of("cancer_sigmoid.onnx", "cancer", "auto"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void cosimulatesWithoutMismatches(String model, String data, String scaler) {
        Env.requireTools();
        Path fixtures = Env.repo().resolve("generator/src/test/resources/fixtures");
        Path out = tmp.resolve("design");
        Cli.Run r = Cli.run("run", "--model", fixtures.resolve(model).toString(), "--scaler", scaler,
                "--train", fixtures.resolve(data + "_train.csv").toString(),
                "--test", fixtures.resolve(data + "_test.csv").toString(), "--no-synth", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.out());
        assertTrue(r.out().contains("as the source model does"), "the import check is printed: " + r.out());
        JsonNode rep = Reports.read(out);
        assertEquals(0, rep.get("rtl_mismatches").asInt(), "RTL vs golden model");
        assertTrue(rep.get("labelled_vectors").asInt() > 0, "the test set was simulated");
        assertEquals(rep.get("accuracy_golden").asDouble(), rep.get("accuracy_rtl").asDouble(), 1e-12);
    }
}
