package org.pmlp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pmlp.cli.Main;
import org.pmlp.util.Json;

/**
 * Models built with scikit-learn and onnx (generator/src/test/resources/fixtures, made by
 * make_fixtures.py) go through the CLI as users pass them, {@code pmlp run --model FILE}: the
 * generated circuit must agree with the golden model on every vector in Verilator.
 */
class ImportedModelsE2ETest {
    @TempDir
    static Path out;

    static Path fixtures;

    @BeforeAll
    static void tools() {
        assumeTrue(onPath("verilator"), "verilator not installed: skipped");
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("generator/src/test/resources/fixtures"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "repository root not found");
        fixtures = dir.resolve("generator/src/test/resources/fixtures");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

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
        Path design = out.resolve(model.replace('.', '_'));
        List<String> args = new ArrayList<>(List.of("run", "--model", fixtures.resolve(model).toString(),
                "--scaler", scaler, "--train", fixtures.resolve(data + "_train.csv").toString(),
                "--test", fixtures.resolve(data + "_test.csv").toString(), "--no-synth", "-o", design.toString()));
        assertEquals(0, Main.execute(args.toArray(new String[0])), "pmlp " + String.join(" ", args));
        Json.In report = Json.read(design.resolve("report.json"));
        assertEquals(0, report.get("rtl_mismatches").integer(), "RTL vs golden model");
        assertTrue(report.get("test_vectors").integer() > 0);
        System.out.printf("e2e %s: %d vectors, 0 mismatches, float accuracy %.4f, golden %.4f%n", model,
                report.get("test_vectors").integer(), report.get("accuracy_float").number(),
                report.get("accuracy_golden").number());
    }
}
