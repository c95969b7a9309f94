package org.pmlp.model.imports;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Small ONNX graphs built with the protobuf builders, for the importer's unit tests. */
final class OnnxGraphs {
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int DOUBLE = TensorProto.DataType.DOUBLE_VALUE;

    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<TensorProto> inits = new ArrayList<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private int opset = 13;

    static OnnxGraphs withInput(String name, int elemType, Object... dims) {
        OnnxGraphs g = new OnnxGraphs();
        g.input(name, elemType, dims);
        return g;
    }

    OnnxGraphs input(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder b = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                b.setDimParam(s);
            } else {
                b.setDimValue(((Number) d).longValue());
            }
            shape.addDim(b);
        }
        inputs.add(ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build());
        return this;
    }

    OnnxGraphs opset(int v) {
        opset = v;
        return this;
    }

    /** float_data (typed field). */
    OnnxGraphs floats(String name, long[] dims, double... v) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT);
        for (long d : dims) {
            t.addDims(d);
        }
        for (double x : v) {
            t.addFloatData((float) x);
        }
        inits.add(t.build());
        return this;
    }

    /** Little-endian raw_data, FLOAT or DOUBLE. */
    OnnxGraphs raw(String name, int type, long[] dims, double... v) {
        int size = type == DOUBLE ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(v.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            if (type == DOUBLE) {
                b.putDouble(x);
            } else {
                b.putFloat((float) x);
            }
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type).setRawData(ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        inits.add(t.build());
        return this;
    }

    OnnxGraphs init(TensorProto t) {
        inits.add(t);
        return this;
    }

    OnnxGraphs node(String op, String name, String[] in, String out, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(out);
        for (String i : in) {
            n.addInput(i);
        }
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        nodes.add(n.build());
        return this;
    }

    OnnxGraphs output(String name) {
        outputs.add(name);
        return this;
    }

    static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto f(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    static String[] in(String... names) {
        return names;
    }

    static long[] dims(long... d) {
        return d;
    }

    ModelProto proto() {
        GraphProto.Builder g = GraphProto.newBuilder().setName("test").addAllNode(nodes).addAllInitializer(inits)
                .addAllInput(inputs);
        for (String o : outputs) {
            g.addOutput(ValueInfoProto.newBuilder().setName(o));
        }
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("pmlp test").setGraph(g)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }

    byte[] bytes() {
        return proto().toByteArray();
    }

    ImportedModel parse() {
        return OnnxImporter.parse(bytes(), "t.onnx");
    }
}
