package org.pmlp.model.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pmlp.UserError;
import org.pmlp.model.Activation;
import org.pmlp.model.DenseLayer;

/**
 * Imports an MLP classifier from an ONNX model, parsed with the ONNX protobuf classes. The graph
 * is interpreted symbolically: every tensor is known as a constant, the (scaled) features, a dense
 * layer in progress, a hidden activation, the output scores or the class index, and each node
 * must turn one of these into the next. What does not fit is rejected, naming the node.
 */
public final class OnnxImporter {
    public static final int MIN_OPSET = 9;
    static final String SUPPORTED = "pmlp imports dense layers (Gemm, or MatMul followed by Add) with Relu between them;"
            + " Softmax, LogSoftmax, Sigmoid or ArgMax after the last one; Sub/Div/Mul/Add by constants before the"
            + " first one (input scaling); Flatten, Identity, Dropout, Cast and Reshape where they change nothing";

    private OnnxImporter() {
    }

    public static ImportedModel read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    /** @param source names the model in errors and provenance */
    public static ImportedModel parse(byte[] bytes, String source) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new UserError(source + ": not an ONNX model, or a truncated one (protobuf: " + firstSentence(e) + ")");
        }
        if (!model.hasIrVersion() || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new UserError(source + ": not an ONNX model, or a truncated one (no ir_version or no graph nodes)");
        }
        return new Walk(source, model).run();
    }

    private static String firstSentence(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
        int dot = m.indexOf(". ");
        return dot > 0 ? m.substring(0, dot) : m;
    }

    // What a tensor of the graph is, as far as the import is concerned.
    private sealed interface Value permits Const, Features, Linear, Hidden, Scores, ClassIndex {
    }

    private record Const(OnnxTensors.Tensor tensor) implements Value {
    }

    /** The graph input, possibly through element-wise scaling {@code scale * x + offset}. */
    private record Features(long[] dims, double[] scale, double[] offset, boolean scaled) implements Value {
        int width() {
            return (int) Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        }
    }

    /** A dense layer whose sums are being computed: the layers before it, its weights and biases. */
    private record Linear(Features input, List<DenseLayer> before, double[][] w, double[] b, String node) implements Value {
        int width() {
            return w.length;
        }
    }

    /** The output of a Relu: every layer so far. */
    private record Hidden(Features input, List<DenseLayer> layers, String node) implements Value {
        int width() {
            return layers.get(layers.size() - 1).outputs();
        }
    }

    /** The last layer's sums through an output activation (logistic: a Sigmoid). */
    private record Scores(Linear last, Activation activation, boolean logistic, String node) implements Value {
    }

    /** The class index (after ArgMax): shape and type changes no longer matter. */
    private record ClassIndex(Value scores, String node) implements Value {
    }

    /** One pass over the graph's nodes, in their (topological) order. */
    private static final class Walk {
        private final String source;
        private final ModelProto model;
        private final GraphProto graph;
        private final Map<String, Value> values = new HashMap<>();
        private final List<String> ops = new ArrayList<>();
        private int opset;
        private NodeProto node;
        private String nodeName;

        Walk(String source, ModelProto model) {
            this.source = source;
            this.model = model;
            this.graph = model.getGraph();
        }

        ImportedModel run() {
            opset = opset();
            if (graph.getSparseInitializerCount() > 0) {
                throw new UserError(source + ": has sparse initializers, which pmlp does not read");
            }
            Set<String> constants = new HashSet<>();
            for (TensorProto t : graph.getInitializerList()) {
                values.put(t.getName(), new Const(OnnxTensors.read(t, source + ": initializer '" + t.getName() + "'")));
                constants.add(t.getName());
            }
            // Before IR 4 the initializers are listed among the graph inputs too.
            List<ValueInfoProto> inputs = graph.getInputList().stream().filter(i -> !constants.contains(i.getName())).toList();
            if (inputs.size() != 1) {
                throw new UserError(source + ": the graph has " + inputs.size() + " inputs "
                        + inputs.stream().map(ValueInfoProto::getName).toList()
                        + "; pmlp imports models with one input, the feature vector");
            }
            values.put(inputs.get(0).getName(), features(inputs.get(0)));
            for (int k = 0; k < graph.getNodeCount(); k++) {
                node = graph.getNode(k);
                nodeName = "node '" + (node.getName().isEmpty() ? "#" + k : node.getName()) + "' (" + node.getOpType() + ")";
                if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                    throw fail("is from operator domain '" + node.getDomain() + "', which is not supported; " + SUPPORTED);
                }
                if (node.getOutputCount() == 0) {
                    throw fail("has no outputs");
                }
                values.put(node.getOutput(0), apply());
                if (!node.getOpType().equals("Constant")) {
                    ops.add(node.getOpType());
                }
            }
            node = null;
            return result();
        }

        private int opset() {
            int v = -1;
            for (OperatorSetIdProto o : model.getOpsetImportList()) {
                if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
                    v = (int) o.getVersion();
                }
            }
            if (v < 0) {
                throw new UserError(source + ": declares no ai.onnx opset (opset_import); not a usable ONNX model");
            }
            if (v < MIN_OPSET) {
                throw new UserError(source + ": uses opset " + v + "; pmlp imports opset " + MIN_OPSET
                        + " and later (re-export it, e.g. torch.onnx.export(..., opset_version=13))");
            }
            return v;
        }

        private Features features(ValueInfoProto in) {
            String what = source + ": input '" + in.getName() + "'";
            TypeProto t = in.getType();
            if (!t.hasTensorType()) {
                throw new UserError(what + " is not a tensor");
            }
            DataType type = DataType.forNumber(t.getTensorType().getElemType());
            if (type != DataType.FLOAT && type != DataType.DOUBLE) {
                throw new UserError(what + " has element type " + (type == null ? "#" + t.getTensorType().getElemType()
                        : type.name()) + "; pmlp imports FLOAT or DOUBLE features");
            }
            if (!t.getTensorType().hasShape()) {
                throw new UserError(what + " declares no shape; pmlp needs [batch, features] with a fixed feature count");
            }
            List<TensorShapeProto.Dimension> dims = t.getTensorType().getShape().getDimList();
            if (dims.size() < 2) {
                throw new UserError(what + " has rank " + dims.size() + "; pmlp needs [batch, features]");
            }
            long[] d = new long[dims.size() - 1];
            for (int i = 1; i < dims.size(); i++) {
                if (!dims.get(i).hasDimValue() || dims.get(i).getDimValue() <= 0) {
                    throw new UserError(what + " has a dynamic dimension " + i + " ('" + dims.get(i).getDimParam()
                            + "'); only the batch dimension may be dynamic, the feature count must be fixed");
                }
                d[i - 1] = dims.get(i).getDimValue();
            }
            double[] ones = new double[(int) Arrays.stream(d).reduce(1, (a, b) -> a * b)];
            Arrays.fill(ones, 1);
            return new Features(d, ones, new double[ones.length], false);
        }

        private Value apply() {
            if (Set.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div", "Reshape").contains(node.getOpType())
                    && node.getInputCount() < 2) {
                throw fail("has " + node.getInputCount() + " input(s), expected at least 2");
            }
            switch (node.getOpType()) {
                case "Constant":
                    return constant();
                case "Identity":
                    return data(0);
                case "Dropout":
                    return dropout();
                case "Cast":
                    return cast();
                case "Flatten":
                    return flatten();
                case "Reshape":
                    return reshape();
                case "Squeeze":
                case "Unsqueeze":
                    if (data(0) instanceof ClassIndex c) {
                        return c;
                    }
                    throw fail("changes the rank of the features or scores; only the class index (after ArgMax) may be"
                            + " reshaped that way");
                case "Gemm":
                    return gemm();
                case "MatMul":
                    return matmul();
                case "Add":
                case "Sub":
                case "Mul":
                case "Div":
                    return elementwise();
                case "Relu":
                    return relu();
                case "Softmax":
                case "LogSoftmax":
                    return softmax();
                case "Sigmoid":
                    return sigmoid();
                case "ArgMax":
                    return argmax();
                default:
                    throw fail("is not supported; " + SUPPORTED);
            }
        }

        private Value constant() {
            for (AttributeProto a : node.getAttributeList()) {
                switch (a.getName()) {
                    case "value":
                        return new Const(OnnxTensors.read(a.getT(), source + ": " + nodeName));
                    case "value_float":
                        return constOf(new long[0], a.getF());
                    case "value_floats":
                        return constOf(new long[] {a.getFloatsCount()}, a.getFloatsList().stream().mapToDouble(f -> f).toArray());
                    case "value_int":
                        return constOf(new long[0], a.getI());
                    case "value_ints":
                        return constOf(new long[] {a.getIntsCount()}, a.getIntsList().stream().mapToDouble(i -> i).toArray());
                    default:
                        break;
                }
            }
            throw fail("has no numeric value (value, value_float(s) or value_int(s))");
        }

        private Const constOf(long[] dims, double... v) {
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    throw fail("holds a non-finite value (" + x + ")");
                }
            }
            return new Const(new OnnxTensors.Tensor(node.getOutput(0), dims, v));
        }

        private Value dropout() {
            Value training = optional(2);
            if (training != null && !(training instanceof Const c && Arrays.stream(c.tensor().values()).allMatch(v -> v == 0))) {
                throw fail("runs in training mode (training_mode is not a constant false)");
            }
            return data(0);
        }

        private Value cast() {
            Value in = data(0);
            DataType to = DataType.forNumber((int) intAttr("to", -1));
            if (in instanceof ClassIndex || in instanceof Const || to == DataType.FLOAT || to == DataType.DOUBLE) {
                return in;
            }
            throw fail("casts the values to " + (to == null ? "an unknown type" : to.name())
                    + ", which would change them; only casts to FLOAT or DOUBLE, or of the class index, are harmless");
        }

        private Value flatten() {
            Value in = data(0);
            if (in instanceof ClassIndex) {
                return in;
            }
            int rank = in instanceof Features f ? f.dims().length + 1 : 2;
            long axis = intAttr("axis", 1);
            if (axis < 0) {
                axis += rank;
            }
            if (axis != 1) {
                throw fail("flattens with axis " + intAttr("axis", 1) + "; only axis 1 (keeping the batch axis) is harmless");
            }
            return in instanceof Features f ? flat(f) : in;
        }

        private Value reshape() {
            Value in = data(0);
            if (in instanceof ClassIndex) {
                return in;
            }
            double[] s = constant(1, "target shape").values();
            int width = width(in);
            long[] dims = in instanceof Features f ? f.dims() : new long[] {width};
            // [batch, width] in any spelling: 0 copies a dimension, -1 infers one; the batch may be fixed.
            boolean same = false;
            if (s.length == 2 && s[0] >= -1) {
                long d1 = (long) s[1];
                if (d1 == 0) {
                    d1 = dims[0];
                } else if (d1 == -1 && s[0] != -1) {
                    d1 = width;
                }
                same = d1 == width;
            }
            if (!same) {
                throw fail("reshapes to " + Arrays.toString(Arrays.stream(s).mapToLong(v -> (long) v).toArray())
                        + ", not to [batch, " + width + "]; only reshapes that change nothing are supported");
            }
            return in instanceof Features f ? flat(f) : in;
        }

        private Features flat(Features f) {
            return new Features(new long[] {f.width()}, f.scale(), f.offset(), f.scaled());
        }

        private Value gemm() {
            Value a = data(0);
            if (intAttr("transA", 0) != 0) {
                throw fail("has transA=1; pmlp imports Gemm with the features as A (transA=0)");
            }
            boolean transB = intAttr("transB", 0) != 0;
            double alpha = floatAttr("alpha", 1);
            double beta = floatAttr("beta", 1);
            OnnxTensors.Tensor b = constant(1, "weight matrix B");
            Value c = optional(2);
            Linear l = dense(a, b, transB, alpha);
            if (c != null) {
                if (!(c instanceof Const cc)) {
                    throw fail("takes a computed C; pmlp needs the bias C to be a constant");
                }
                addBias(l.b(), broadcast(cc.tensor(), l.width(), "C (the bias)"), beta);
            }
            return l;
        }

        private Value matmul() {
            if (values.get(node.getInput(0)) instanceof Const && !(values.get(node.getInput(1)) instanceof Const)) {
                throw fail("multiplies a constant by the features (W x); pmlp imports x W (the features first)");
            }
            return dense(data(0), constant(1, "weight matrix"), false, 1);
        }

        /** y = alpha * x B (B as stored, [in, out], or transposed [out, in]); no bias yet. */
        private Linear dense(Value in, OnnxTensors.Tensor b, boolean transB, double alpha) {
            Features input;
            List<DenseLayer> before;
            if (in instanceof Features f) {
                if (f.dims().length != 1) {
                    throw fail("takes a rank-" + (f.dims().length + 1) + " input; add a Flatten first");
                }
                input = f;
                before = List.of();
            } else if (in instanceof Hidden h) {
                input = h.input();
                before = h.layers();
            } else {
                throw notAfter(in, "a dense layer");
            }
            if (b.rank() != 2) {
                throw fail("has weights of shape " + b.shape() + "; pmlp imports 2-D weight matrices");
            }
            int width = width(in);
            int rows = (int) b.dims()[0];
            int cols = (int) b.dims()[1];
            int fanIn = transB ? cols : rows;
            int fanOut = transB ? rows : cols;
            if (fanIn != width) {
                throw fail("has mismatched shapes: its input has " + width + " values per sample, its weights have shape "
                        + b.shape() + (transB ? " (transB=1: [outputs, inputs])" : " ([inputs, outputs])"));
            }
            if (fanOut == 0) {
                throw fail("has no outputs (weights of shape " + b.shape() + ")");
            }
            double[][] w = new double[fanOut][fanIn];
            for (int j = 0; j < fanOut; j++) {
                for (int i = 0; i < fanIn; i++) {
                    w[j][i] = alpha * b.values()[transB ? j * cols + i : i * cols + j];
                }
            }
            return new Linear(input, before, w, new double[fanOut], nodeName);
        }

        private void addBias(double[] b, double[] c, double beta) {
            for (int j = 0; j < b.length; j++) {
                b[j] += beta * c[j];
            }
        }

        /** x op constant (or constant op x): input scaling before the first layer, or bias/scale of a layer. */
        private Value elementwise() {
            String op = node.getOpType();
            boolean constFirst = values.get(node.getInput(0)) instanceof Const;
            int dataIdx = constFirst ? 1 : 0;
            Value in = data(dataIdx);
            if (in instanceof Const) {
                throw fail("computes on constants only; pmlp needs constant folding done before export");
            }
            OnnxTensors.Tensor k = constant(1 - dataIdx, "second operand");
            if (constFirst && op.equals("Div")) {
                throw fail("divides a constant by the values, which is not an affine map");
            }
            double[] c = broadcast(k, width(in), "its constant operand");
            int n = c.length;
            double[] mul = new double[n];
            double[] add = new double[n];
            for (int i = 0; i < n; i++) {
                switch (op) {
                    case "Add" -> { mul[i] = 1; add[i] = c[i]; }
                    case "Sub" -> { mul[i] = constFirst ? -1 : 1; add[i] = constFirst ? c[i] : -c[i]; }
                    case "Mul" -> mul[i] = c[i];
                    default -> {
                        if (c[i] == 0) {
                            throw fail("divides by zero (element " + i + " of its constant)");
                        }
                        mul[i] = 1 / c[i];
                    }
                }
            }
            if (in instanceof Features f) {
                if (f.dims().length != 1) {
                    throw fail("scales a rank-" + (f.dims().length + 1) + " input; add a Flatten first");
                }
                double[] s = f.scale().clone();
                double[] o = f.offset().clone();
                for (int i = 0; i < n; i++) {
                    s[i] *= mul[i];
                    o[i] = o[i] * mul[i] + add[i];
                }
                return new Features(f.dims(), s, o, true);
            }
            if (in instanceof Linear l) {
                double[][] w = new double[n][];
                double[] b = new double[n];
                for (int j = 0; j < n; j++) {
                    w[j] = l.w()[j].clone();
                    for (int i = 0; i < w[j].length; i++) {
                        w[j][i] *= mul[j];
                    }
                    b[j] = l.b()[j] * mul[j] + add[j];
                }
                return new Linear(l.input(), l.before(), w, b, l.node());
            }
            throw fail("applies a constant to " + describe(in) + "; element-wise constants are supported before the"
                    + " first dense layer (input scaling) and on a dense layer's sums (bias)");
        }

        private Value relu() {
            Value in = data(0);
            if (!(in instanceof Linear l)) {
                throw notAfter(in, "Relu");
            }
            List<DenseLayer> layers = new ArrayList<>(l.before());
            layers.add(new DenseLayer(l.w(), l.b(), Activation.RELU));
            return new Hidden(l.input(), List.copyOf(layers), nodeName);
        }

        private Value softmax() {
            Value in = data(0);
            if (!(in instanceof Linear l)) {
                throw notAfter(in, node.getOpType());
            }
            long axis = intAttr("axis", opset >= 13 ? -1 : 1);
            if (axis != 1 && axis != -1) {
                throw fail("has axis " + axis + "; pmlp needs the class axis (1 or -1)");
            }
            if (l.width() < 2) {
                throw fail("is applied to a single output, which makes it constant; a binary model needs a Sigmoid");
            }
            return new Scores(l, Activation.SOFTMAX, false, nodeName);
        }

        private Value sigmoid() {
            Value in = data(0);
            if (!(in instanceof Linear l)) {
                throw notAfter(in, "Sigmoid");
            }
            return new Scores(l, Activation.IDENTITY, true, nodeName);
        }

        private Value argmax() {
            Value in = data(0);
            if (!(in instanceof Linear) && !(in instanceof Scores)) {
                throw notAfter(in, "ArgMax");
            }
            long axis = intAttr("axis", 0);
            if (axis != 1 && axis != -1) {
                throw fail("has axis " + axis + "; pmlp needs the class axis (1 or -1)");
            }
            if (intAttr("select_last_index", 0) != 0) {
                throw fail("has select_last_index=1; pmlp's argmax picks the lowest index on ties");
            }
            int width = in instanceof Linear l ? l.width() : ((Scores) in).last().width();
            if (width < 2) {
                throw fail("is taken over a single output, which always gives 0");
            }
            return new ClassIndex(in, nodeName);
        }

        private UserError notAfter(Value in, String what) {
            if (in instanceof Scores s) {
                return fail("follows " + s.node() + ": hidden layers must use Relu; "
                        + (s.logistic() ? "Sigmoid" : "Softmax/LogSoftmax") + " is supported only at the output");
            }
            if (in instanceof Linear l) {
                return fail("follows " + l.node() + " without a Relu between them; pmlp needs a Relu after every hidden"
                        + " dense layer");
            }
            return fail("cannot come after " + describe(in) + "; " + SUPPORTED);
        }

        private String describe(Value v) {
            if (v instanceof Features) {
                return "the input features";
            } else if (v instanceof Linear l) {
                return "the sums of " + l.node();
            } else if (v instanceof Hidden h) {
                return "the Relu output of " + h.node();
            } else if (v instanceof Scores s) {
                return "the output of " + s.node();
            } else if (v instanceof ClassIndex c) {
                return "the class index from " + c.node();
            }
            return "a constant";
        }

        private int width(Value v) {
            if (v instanceof Features f) {
                return f.width();
            } else if (v instanceof Linear l) {
                return l.width();
            } else if (v instanceof Hidden h) {
                return h.width();
            } else if (v instanceof Scores s) {
                return s.last().width();
            }
            throw fail("cannot take " + describe(v));
        }

        /** A constant operand as one value per feature/neuron: scalar, [n], [1, n] or [1]. */
        private double[] broadcast(OnnxTensors.Tensor t, int n, String what) {
            long[] d = t.dims();
            boolean ok = t.values().length == 1
                    || d.length == 1 && d[0] == n
                    || d.length == 2 && d[0] == 1 && d[1] == n;
            if (!ok) {
                throw fail("has mismatched shapes: " + what + " has shape " + t.shape() + ", expected [" + n + "], [1, " + n
                        + "] or a scalar");
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = t.values()[t.values().length == 1 ? 0 : i];
            }
            return v;
        }

        private Value data(int i) {
            Value v = optional(i);
            if (v == null) {
                throw fail("is missing input " + i);
            }
            return v;
        }

        private Value optional(int i) {
            if (i >= node.getInputCount() || node.getInput(i).isEmpty()) {
                return null;
            }
            Value v = values.get(node.getInput(i));
            if (v == null) {
                throw fail("reads '" + node.getInput(i) + "', which is neither the graph input, an initializer nor the"
                        + " output of an earlier supported node");
            }
            return v;
        }

        private OnnxTensors.Tensor constant(int i, String what) {
            Value v = data(i);
            if (!(v instanceof Const c)) {
                throw fail("takes a computed " + what + "; pmlp needs it to be a constant (an initializer)");
            }
            return c.tensor();
        }

        private long intAttr(String name, long dflt) {
            for (AttributeProto a : node.getAttributeList()) {
                if (a.getName().equals(name)) {
                    return a.getI();
                }
            }
            return dflt;
        }

        private double floatAttr(String name, double dflt) {
            for (AttributeProto a : node.getAttributeList()) {
                if (a.getName().equals(name)) {
                    if (!Float.isFinite(a.getF())) {
                        throw fail("has a non-finite " + name + " (" + a.getF() + ")");
                    }
                    return a.getF();
                }
            }
            return dflt;
        }

        private UserError fail(String what) {
            return new UserError(source + ": " + nodeName + " " + what);
        }

        /** The graph outputs must all be read off the same last layer. */
        private ImportedModel result() {
            List<DenseLayer> layers = null;
            Features input = null;
            Object key = null;
            Activation act = Activation.IDENTITY;
            boolean binary = false;
            for (ValueInfoProto out : graph.getOutputList()) {
                Value v = values.get(out.getName());
                String what = source + ": graph output '" + out.getName() + "'";
                if (v == null) {
                    throw new UserError(what + " is not produced by any node (a truncated model?)");
                }
                Value from = v instanceof ClassIndex c ? c.scores() : v;
                Linear last;
                Activation a;
                Object k;
                List<DenseLayer> ls;
                if (from instanceof Linear l) {
                    last = l;
                    a = Activation.IDENTITY;
                } else if (from instanceof Scores s) {
                    last = s.last();
                    a = v instanceof ClassIndex ? Activation.IDENTITY : s.activation();
                } else if (from instanceof Hidden h) {
                    last = null;
                    a = Activation.RELU;
                } else {
                    throw new UserError(what + " does not go through any dense layer");
                }
                if (last != null) {
                    List<DenseLayer> all = new ArrayList<>(last.before());
                    all.add(new DenseLayer(last.w(), last.b(), a));
                    ls = all;
                    k = last;
                    input = last.input();
                } else {
                    Hidden h = (Hidden) from;
                    ls = h.layers();
                    k = h;
                    input = h.input();
                }
                if (key != null && key != k) {
                    throw new UserError(what + " is computed from another layer than the first output; pmlp imports"
                            + " one classifier output (scores, probabilities or class index)");
                }
                key = k;
                layers = ls;
                if (a == Activation.SOFTMAX) {
                    act = a;
                }
                // One output: a logit (raw, through a Sigmoid or a Relu); class 1 iff it is > 0.
                binary = ls.get(ls.size() - 1).outputs() == 1;
            }
            if (layers == null) {
                throw new UserError(source + ": the graph has no outputs");
            }
            List<DenseLayer> out = new ArrayList<>(layers);
            DenseLayer lastLayer = out.get(out.size() - 1);
            if (binary) {
                out.set(out.size() - 1, BinaryLogit.twoClass(lastLayer));
            } else if (lastLayer.activation() != Activation.RELU) {
                out.set(out.size() - 1, new DenseLayer(lastLayer.weights(), lastLayer.biases(), act));
            }
            Map<String, Object> details = new LinkedHashMap<>();
            String producer = (model.getProducerName() + " " + model.getProducerVersion()).trim();
            if (!producer.isEmpty()) {
                details.put("producer", producer);
            }
            details.put("opset", opset);
            details.put("operators", String.join(", ", ops));
            if (binary) {
                details.put("binary", "one logit output: class 1 iff logit > 0 (sigmoid > 0.5)");
            }
            SourceScaler scaler = input.scaled() ? new SourceScaler("ONNX element-wise input scaling ("
                    + String.join(", ", scalingOps()) + ")", input.scale(), input.offset(), null, null) : null;
            return new ImportedModel("onnx", source, null, null, scaler, List.copyOf(out), details);
        }

        private List<String> scalingOps() {
            List<String> s = new ArrayList<>();
            for (String op : ops) {
                if (op.equals("Gemm") || op.equals("MatMul")) {
                    break;
                }
                if (Set.of("Add", "Sub", "Mul", "Div").contains(op)) {
                    s.add(op);
                }
            }
            return s;
        }
    }
}
