package org.pmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelJson;
import picocli.CommandLine;

class ImportCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String fixture(String name) {
        try {
            return Path.of(ImportCommandTest.class.getResource("/fixtures/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsWithTrainingDataAndRecordsIt() {
        Path out = dir.resolve("wine.json");
        assertEquals(0, run("import", fixture("wine_gemm.onnx"), "-o", out.toString(), "--train",
                fixture("wine_train.csv"), "--test", fixture("wine_test.csv")), err.toString());
        Mlp m = ModelJson.read(out);
        assertEquals("13-8-3", m.topology());
        assertEquals("minmax", m.scaler().kind());
        assertEquals("onnx", m.provenance().get("import_format"));
        assertEquals(fixture("wine_train.csv"), m.provenance().get("train"), "generate finds the data by itself");
        Dataset test = CsvDatasetReader.read(Path.of(fixture("wine_test.csv")), CsvOptions.defaults()).dataset();
        assertTrue(m.accuracy(test) > 0.9);
        assertTrue(m.activationMax() != null);
    }

    @Test
    void badInputIsOneLineExitTwoAndWritesNothing() throws IOException {
        Path out = dir.resolve("never.json");
        Path truncated = dir.resolve("t.onnx");
        byte[] whole = Files.readAllBytes(Path.of(fixture("wine_gemm.onnx")));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 3));
        String[][] cases = {
            {"import", truncated.toString(), "-o", out.toString()},
            {"import", fixture("wine_train.csv"), "-o", out.toString()},
            {"import", fixture("wine_matmul.onnx"), "-o", out.toString()},
            {"import", fixture("wine_sklearn.json"), "-o", out.toString()},
            {"import", fixture("wine_sklearn.json"), "-o", out.toString(), "--scaler", "robust"},
            {"import", fixture("wine_sklearn.json"), "-o", out.toString(), "--train", fixture("cancer_train.csv")},
        };
        for (String[] args : cases) {
            err.getBuffer().setLength(0);
            assertEquals(Main.USER_ERROR, run(args), String.join(" ", args));
            String msg = err.toString().trim();
            assertTrue(msg.startsWith("error: ") && !msg.contains("\n"), "one line: " + msg);
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void generateTakesAnExportDirectly() {
        Path design = dir.resolve("design");
        assertEquals(0, run("generate", "--model", fixture("cancer_sklearn.json"), "--test", fixture("cancer_test.csv"),
                "-o", design.toString()), err.toString());
        assertTrue(Files.exists(design.resolve("rtl/top.v")));
        Mlp m = ModelJson.read(design.resolve("model.json"));
        assertEquals(java.util.List.of("benign", "malignant"), m.classes());
    }

    @Test
    void scalerOptionIsForImportedModelsOnly() throws IOException {
        Path pmlp = dir.resolve("m.json");
        assertEquals(0, run("import", fixture("cancer_sklearn.json"), "-o", pmlp.toString()));
        assertEquals(Main.USER_ERROR, run("generate", "--model", pmlp.toString(), "--scaler", "none", "-o",
                dir.resolve("d").toString()));
        assertTrue(err.toString().contains("--scaler applies to imported models"), err.toString());
    }

    @Test
    void helpWorks() {
        assertEquals(0, run("import", "--help"));
    }
}
