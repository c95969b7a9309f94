package org.pmlp.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.data.Dataset;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.ModelFiles;
import org.pmlp.model.ModelJson;

/**
 * The models make_fixtures.py built with scikit-learn and onnx: once imported (and their scaler
 * folded into pmlp's min-max input scaling), their float predictions must be the source
 * framework's on every fixture row, train and test.
 */
class FixtureAgreementTest {
    @TempDir
    Path dir;

    private static Mlp load(String model, ImportOptions.Scaling scaling, String train) {
        Dataset tr = train == null ? null : Fixtures.data(train);
        return ModelFiles.read(Fixtures.file(model), new ImportOptions(scaling, tr));
    }

    /** Compares with a predictions column: sklearn's are class labels, the ONNX forward passes' are indices. */
    private void agrees(String prefix, String column, Mlp m) {
        List<String> expected = Fixtures.predictions(prefix, column);
        double[][] rows = Fixtures.rows(prefix);
        assertEquals(expected.size(), rows.length);
        int same = 0;
        for (int i = 0; i < rows.length; i++) {
            int k = m.predict(rows[i]);
            String got = column.equals("sklearn") ? m.classes().get(k) : String.valueOf(k);
            if (got.equals(expected.get(i))) {
                same++;
            }
        }
        System.out.printf("import agreement %s/%s: %d of %d rows%n", prefix, column, same, rows.length);
        assertEquals(rows.length, same, prefix + " " + column + ": predictions differ from the source framework's");
        // The written pmlp model predicts the same.
        Path p = dir.resolve(column + ".json");
        ModelJson.write(m, p);
        Mlp back = ModelJson.read(p);
        for (double[] r : rows) {
            assertEquals(m.predict(r), back.predict(r));
        }
    }

    @Test
    void sklearnWineWithStandardScaler() {
        Mlp m = load("wine_sklearn.json", ImportOptions.Scaling.AUTO, "wine_train.csv");
        assertEquals("13-8-3", m.topology());
        assertEquals(List.of("0", "1", "2"), m.classes());
        assertEquals("alcohol", m.featureNames().get(0));
        InputScaler.MinMax s = assertInstanceOf(InputScaler.MinMax.class, m.scaler());
        assertEquals(0.9, s.hi());
        agrees("wine", "sklearn", m);
    }

    @Test
    void onnxGemmWithSubDivScaling() {
        Mlp m = load("wine_gemm.onnx", ImportOptions.Scaling.AUTO, "wine_train.csv");
        assertEquals("13-8-3", m.topology());
        agrees("wine", "onnx_gemm", m);
    }

    @Test
    void onnxMatMulAddDoubleRawData() {
        Mlp m = load("wine_matmul.onnx", ImportOptions.Scaling.MINMAX, "wine_train.csv");
        assertEquals("13-8-3", m.topology());
        agrees("wine", "onnx_matmul", m);
    }

    @Test
    void sklearnBinaryWithOwnMinMaxNeedsNoData() {
        Mlp m = load("cancer_sklearn.json", ImportOptions.Scaling.AUTO, null);
        assertEquals("30-4-2", m.topology());
        assertEquals(List.of("benign", "malignant"), m.classes());
        agrees("cancer", "sklearn", m);
    }

    @Test
    void onnxBinarySigmoidWithMulAddScaling() {
        Mlp m = load("cancer_sigmoid.onnx", ImportOptions.Scaling.AUTO, "cancer_train.csv");
        assertEquals("30-4-2", m.topology());
        assertEquals(List.of("benign", "malignant"), m.classes(), "unnamed ONNX classes come from the data");
        agrees("cancer", "onnx_sigmoid", m);
    }

    @Test
    void everyScalingChoiceKeepsPredictions() {
        // The same sklearn model folded three ways; the source model's own predictions are the reference.
        ImportedModel im = ModelImport.read(Fixtures.file("wine_sklearn.json"));
        Dataset train = Fixtures.data("wine_train.csv");
        double[][] rows = Fixtures.rows("wine");
        for (ImportOptions.Scaling s : ImportOptions.Scaling.values()) {
            Mlp m = ModelImport.toMlp(im, new ImportOptions(s, train));
            assertEquals(rows.length, ModelImport.agreement(im, m, rows), s.name());
        }
    }
}
