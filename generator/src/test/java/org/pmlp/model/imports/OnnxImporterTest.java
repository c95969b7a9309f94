package org.pmlp.model.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pmlp.model.imports.OnnxGraphs.DOUBLE;
import static org.pmlp.model.imports.OnnxGraphs.FLOAT;
import static org.pmlp.model.imports.OnnxGraphs.dims;
import static org.pmlp.model.imports.OnnxGraphs.f;
import static org.pmlp.model.imports.OnnxGraphs.i;
import static org.pmlp.model.imports.OnnxGraphs.in;

import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmlp.UserError;
import org.pmlp.model.Activation;

class OnnxImporterTest {
    @TempDir
    Path dir;

    // A 2-3-2 network: W1 as [out][in], W2 as [out][in].
    static final double[][] W1 = {{0.5, -1}, {1.5, 0.25}, {-0.75, 2}};
    static final double[] B1 = {0.1, -0.2, 0.3};
    static final double[][] W2 = {{1, -2, 0.5}, {-1, 0.5, 2}};
    static final double[] B2 = {0.25, -0.5};

    static double[] flat(double[][] w, boolean transpose) {
        int r = w.length;
        int c = w[0].length;
        double[] v = new double[r * c];
        for (int a = 0; a < r; a++) {
            for (int b = 0; b < c; b++) {
                if (transpose) {
                    v[b * r + a] = w[a][b];
                } else {
                    v[a * c + b] = w[a][b];
                }
            }
        }
        return v;
    }

    static double[] reference(double[] x) {
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
            h[j] = B1[j];
            for (int k = 0; k < 2; k++) {
                h[j] += W1[j][k] * x[k];
            }
            h[j] = Math.max(0, h[j]);
        }
        double[] o = new double[2];
        for (int j = 0; j < 2; j++) {
            o[j] = B2[j];
            for (int k = 0; k < 3; k++) {
                o[j] += W2[j][k] * h[k];
            }
        }
        return o;
    }

    /** Gemm(transB=1) + Relu + Gemm(transB=0, alpha 2, beta 0.5) + Softmax. */
    static OnnxGraphs gemmNet() {
        double[] halfW2 = Arrays.stream(flat(W2, true)).map(v -> v / 2).toArray();
        return OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W1", dims(3, 2), flat(W1, false))
                .floats("B1", dims(3), B1)
                .floats("W2", dims(3, 2), halfW2)
                .floats("B2", dims(1, 2), B2[0] * 2, B2[1] * 2)
                .node("Gemm", "fc1", in("x", "W1", "B1"), "h", i("transB", 1))
                .node("Relu", "relu1", in("h"), "a")
                .node("Gemm", "fc2", in("a", "W2", "B2"), "y", f("alpha", 2), f("beta", 0.5f))
                .node("Softmax", "sm", in("y"), "p", i("axis", 1))
                .output("p");
    }

    private static void close(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int k = 0; k < want.length; k++) {
            assertEquals(want[k], got[k], 1e-6, "output " + k);
        }
    }

    private static double[][] probes() {
        return new double[][] {{0, 0}, {1, 0}, {0, 1}, {0.3, 0.7}, {-2, 1.5}, {4, -3}};
    }

    @Test
    void gemmHonoursTransBAlphaAndBeta() {
        ImportedModel m = gemmNet().parse();
        assertEquals(2, m.layers().size());
        assertEquals(Activation.RELU, m.layers().get(0).activation());
        assertEquals(Activation.SOFTMAX, m.layers().get(1).activation());
        assertNull(m.scaler());
        assertNull(m.classes());
        for (double[] x : probes()) {
            close(reference(x), m.scores(x));
        }
        assertEquals("Gemm, Relu, Gemm, Softmax", m.details().get("operators"));
    }

    @Test
    void matMulAddWithRawDoubleDataEqualsTypedFloats() {
        ImportedModel m = OnnxGraphs.withInput("x", DOUBLE, "N", 2).opset(9)
                .raw("W1", DOUBLE, dims(2, 3), flat(W1, true))
                .raw("B1", DOUBLE, dims(3), B1)
                .raw("W2", DOUBLE, dims(3, 2), flat(W2, true))
                .raw("B2", DOUBLE, dims(2), B2)
                .node("Flatten", "flat", in("x"), "xf")
                .node("MatMul", "mm1", in("xf", "W1"), "m1")
                .node("Add", "add1", in("m1", "B1"), "h")
                .node("Relu", "relu1", in("h"), "a")
                .node("Identity", "id", in("a"), "ai")
                .node("Dropout", "drop", in("ai"), "ad")
                .node("MatMul", "mm2", in("ad", "W2"), "m2")
                .node("Add", "add2", in("B2", "m2"), "y")
                .node("ArgMax", "am", in("y"), "k", i("axis", 1), i("keepdims", 1))
                .node("Cast", "cast", in("k"), "k32", i("to", TensorProto.DataType.INT32_VALUE))
                .output("k32").parse();
        for (double[] x : probes()) {
            assertArrayEquals(reference(x), m.scores(x), 1e-12);
        }
        assertEquals(Activation.IDENTITY, m.layers().get(1).activation());
    }

    @Test
    void rawFloatDataReadsLittleEndian() {
        ImportedModel m = OnnxGraphs.withInput("x", FLOAT, 1, 2)
                .raw("W", FLOAT, dims(2, 2), 1.5, -2.25, 3, 0.125)
                .node("MatMul", "mm", in("x", "W"), "y").output("y").parse();
        assertArrayEquals(new double[] {1.5, 3}, m.layers().get(0).weights()[0]);
        assertArrayEquals(new double[] {-2.25, 0.125}, m.layers().get(0).weights()[1]);
    }

    @Test
    void inputScalingOpsBecomeTheModelsScaler() {
        // (x - 1) / 4 * 2 + 0.5 = 0.5 x, then the 2-3-2 network.
        OnnxGraphs g = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("one", dims(2), 1, 1).floats("four", dims(), 4).floats("two", dims(1, 2), 2, 2)
                .floats("half", dims(1), 0.5)
                .floats("W1", dims(3, 2), flat(W1, false)).floats("B1", dims(3), B1)
                .floats("W2", dims(2, 3), flat(W2, false)).floats("B2", dims(2), B2)
                .node("Sub", "s", in("x", "one"), "x1").node("Div", "d", in("x1", "four"), "x2")
                .node("Mul", "m", in("two", "x2"), "x3").node("Add", "a", in("x3", "half"), "x4")
                .node("Gemm", "fc1", in("x4", "W1", "B1"), "h", i("transB", 1)).node("Relu", "r", in("h"), "ha")
                .node("Gemm", "fc2", in("ha", "W2", "B2"), "y", i("transB", 1)).output("y");
        ImportedModel s = g.parse();
        assertNotNull(s.scaler());
        for (double[] x : probes()) {
            close(reference(new double[] {0.5 * x[0], 0.5 * x[1]}), s.scores(x));
        }
    }

    @Test
    void oneSigmoidOutputBecomesTwoClasses() {
        ImportedModel m = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W", dims(2, 1), 1, -1).floats("b", dims(1), 0)
                .node("Gemm", "fc", in("x", "W", "b"), "z").node("Sigmoid", "sig", in("z"), "p").output("p").parse();
        assertEquals(2, m.outputs());
        assertEquals(1, m.predict(new double[] {0.6, 0.5}));
        assertEquals(0, m.predict(new double[] {0.5, 0.6}));
        assertEquals(0, m.predict(new double[] {0.5, 0.5}), "sigmoid 0.5 is not above the 0.5 threshold");
    }

    @Test
    void probabilitiesAndLabelOutputsOfOneLayerAreAccepted() {
        ImportedModel m = gemmNet().node("ArgMax", "am", in("p"), "label", i("axis", -1), i("keepdims", 0))
                .output("label").parse();
        assertEquals(Activation.SOFTMAX, m.layers().get(1).activation());
    }

    // ---- bad input: each a one-line UserError naming the problem ----

    private static String fails(OnnxGraphs g) {
        return fails(g.bytes());
    }

    private static String fails(byte[] bytes) {
        UserError e = assertThrows(UserError.class, () -> OnnxImporter.parse(bytes, "t.onnx"));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("t.onnx: "), e.getMessage());
        return e.getMessage();
    }

    private static void has(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
        }
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(Fixtures.file("wine_gemm.onnx"));
        for (int cut : new int[] {whole.length / 2, whole.length - 7, 3}) {
            has(fails(Arrays.copyOf(whole, cut)), "ONNX");
        }
    }

    @Test
    void notOnnxAtAll() throws IOException {
        has(fails("{\"format\": \"pmlp-mlp\"}".getBytes(StandardCharsets.UTF_8)), "not an ONNX model");
        has(fails(new byte[0]), "not an ONNX model");
        has(fails(Files.readAllBytes(Fixtures.file("wine_train.csv"))), "not an ONNX model");
        Path missing = dir.resolve("nope.onnx");
        UserError e = assertThrows(UserError.class, () -> OnnxImporter.read(missing));
        has(e.getMessage(), "no such file");
    }

    @Test
    void unsupportedOpsNameTheNodeAndWhatIsSupported() {
        has(fails(gemmNet().node("Conv", "conv7", in("p", "W1"), "c")), "node 'conv7' (Conv)", "not supported",
                "Gemm, or MatMul followed by Add");
        OnnxGraphs tanh = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W1", dims(2, 3), flat(W1, true)).floats("W2", dims(3, 2), flat(W2, true))
                .node("MatMul", "mm1", in("x", "W1"), "h").node("Tanh", "tanh1", in("h"), "a")
                .node("MatMul", "mm2", in("a", "W2"), "y").output("y");
        has(fails(tanh), "node 'tanh1' (Tanh)", "not supported");
        OnnxGraphs sigmoidHidden = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W1", dims(2, 3), flat(W1, true)).floats("W2", dims(3, 2), flat(W2, true))
                .node("MatMul", "mm1", in("x", "W1"), "h").node("Sigmoid", "sig1", in("h"), "a")
                .node("MatMul", "mm2", in("a", "W2"), "y").output("y");
        has(fails(sigmoidHidden), "node 'mm2' (MatMul)", "'sig1' (Sigmoid)", "hidden layers must use Relu");
        OnnxGraphs ml = gemmNet();
        ml.node("ZipMap", "zm", in("p"), "z");
        has(fails(ml.proto().toBuilder().setGraph(ml.proto().getGraph().toBuilder()
                .setNode(4, ml.proto().getGraph().getNode(4).toBuilder().setDomain("ai.onnx.ml"))).build().toByteArray()),
                "'zm' (ZipMap)", "ai.onnx.ml");
    }

    @Test
    void mismatchedShapes() {
        OnnxGraphs g = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W1", dims(3, 2), flat(W1, false)).floats("B1", dims(3), B1)
                .node("Gemm", "fc1", in("x", "W1", "B1"), "h").output("h"); // transB missing: [3, 2] is [in, out]
        has(fails(g), "node 'fc1' (Gemm)", "mismatched shapes", "[3, 2]");
        OnnxGraphs bias = OnnxGraphs.withInput("x", FLOAT, "N", 2)
                .floats("W1", dims(2, 3), flat(W1, true)).floats("B1", dims(4), 1, 2, 3, 4)
                .node("MatMul", "mm", in("x", "W1"), "m").node("Add", "add", in("m", "B1"), "h").output("h");
        has(fails(bias), "node 'add' (Add)", "mismatched shapes", "[4]");
        OnnxGraphs input = OnnxGraphs.withInput("x", FLOAT, "N", 5)
                .floats("W1", dims(2, 3), flat(W1, true)).node("MatMul", "mm", in("x", "W1"), "m").output("m");
        has(fails(input), "mismatched shapes", "5 values per sample");
    }

    @Test
    void nonFiniteWeights() {
        double[] w = flat(W1, false);
        w[4] = Double.NaN;
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).floats("W1", dims(3, 2), w)
                .node("Gemm", "fc1", in("x", "W1"), "h", i("transB", 1)).output("h")), "initializer 'W1'", "non-finite",
                "NaN");
        w[4] = Double.POSITIVE_INFINITY;
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).raw("W1", DOUBLE, dims(3, 2), w)
                .node("Gemm", "fc1", in("x", "W1"), "h", i("transB", 1)).output("h")), "initializer 'W1'", "Infinity");
        has(fails(gemmNet().node("Gemm", "fc9", in("p", "W2"), "q", f("alpha", Float.NaN))), "non-finite alpha");
    }

    @Test
    void externalDataAndBadTensors() {
        TensorProto ext = TensorProto.newBuilder().setName("W1").setDataType(FLOAT).addDims(3).addDims(2)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("w.bin")).build();
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).init(ext)
                .node("Gemm", "fc1", in("x", "W1"), "h", i("transB", 1)).output("h")), "'W1'", "external");
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).floats("W1", dims(3, 2), 1, 2, 3)
                .node("Gemm", "fc1", in("x", "W1"), "h", i("transB", 1)).output("h")), "'W1'", "has 3 values");
        TensorProto half = TensorProto.newBuilder().setName("W1").setDataType(TensorProto.DataType.FLOAT16_VALUE)
                .addDims(1).addInt32Data(0).build();
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).init(half)
                .node("Gemm", "fc1", in("x", "W1"), "h").output("h")), "FLOAT16", "FLOAT and DOUBLE");
    }

    @Test
    void shapesThatMatterMustBeStatic() {
        has(fails(gemmNet().input("y", FLOAT, "N", 2)), "2 inputs");
        OnnxGraphs dyn = OnnxGraphs.withInput("x", FLOAT, "N", "F").floats("W1", dims(2, 3), flat(W1, true))
                .node("MatMul", "mm", in("x", "W1"), "m").output("m");
        has(fails(dyn), "input 'x'", "dynamic dimension 1 ('F')");
        OnnxGraphs image = OnnxGraphs.withInput("x", FLOAT, "N", 1, 2).floats("W1", dims(2, 3), flat(W1, true))
                .node("MatMul", "mm", in("x", "W1"), "m").output("m");
        has(fails(image), "'mm' (MatMul)", "Flatten");
        OnnxGraphs flattened = OnnxGraphs.withInput("x", FLOAT, "N", 1, 2).floats("W1", dims(2, 3), flat(W1, true))
                .node("Flatten", "fl", in("x"), "xf").node("MatMul", "mm", in("xf", "W1"), "m").output("m");
        assertEquals(2, flattened.parse().inputs());
    }

    @Test
    void harmfulShapeAndTypeChanges() {
        OnnxGraphs reshape = gemmNet();
        reshape.init(TensorProto.newBuilder().setName("shape").setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(2).addInt64Data(-1).addInt64Data(1).build());
        has(fails(reshape.node("Reshape", "rs", in("y", "shape"), "z").output("z")), "'rs' (Reshape)", "[-1, 1]");
        OnnxGraphs cast = OnnxGraphs.withInput("x", FLOAT, "N", 2).floats("W1", dims(2, 3), flat(W1, true))
                .node("Cast", "toint", in("x"), "xi", i("to", TensorProto.DataType.INT64_VALUE))
                .node("MatMul", "mm", in("xi", "W1"), "m").output("m");
        has(fails(cast), "'toint' (Cast)", "INT64");
        has(fails(gemmNet().node("ArgMax", "am", in("p"), "k", i("axis", 0))), "'am' (ArgMax)", "axis 0");
        OnnxGraphs twoGemms = OnnxGraphs.withInput("x", FLOAT, "N", 2).floats("W1", dims(2, 3), flat(W1, true))
                .floats("W2", dims(3, 2), flat(W2, true))
                .node("MatMul", "mm1", in("x", "W1"), "m1").node("MatMul", "mm2", in("m1", "W2"), "m2").output("m2");
        has(fails(twoGemms), "'mm2' (MatMul)", "without a Relu");
        has(fails(OnnxGraphs.withInput("x", FLOAT, "N", 2).node("MatMul", "mm", in("x"), "y").output("y")),
                "'mm' (MatMul)", "1 input(s)");
        OnnxGraphs reluFirst = OnnxGraphs.withInput("x", FLOAT, "N", 2).node("Relu", "r", in("x"), "y").output("y");
        has(fails(reluFirst), "'r' (Relu)", "input features");
    }

    @Test
    void oldOpsetsAreRejected() {
        has(fails(gemmNet().opset(8)), "opset 8", "9 and later");
    }

    @Test
    void sameFileReadFromDiskAsFromBytes() throws IOException {
        Path p = dir.resolve("m.onnx");
        Files.write(p, gemmNet().bytes());
        ImportedModel m = OnnxImporter.read(p);
        assertEquals(p.toString(), m.source());
        close(reference(new double[] {1, 2}), m.scores(new double[] {1, 2}));
    }
}
