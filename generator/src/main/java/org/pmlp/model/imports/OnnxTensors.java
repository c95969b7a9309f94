package org.pmlp.model.imports;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.pmlp.UserError;

/**
 * Reads the constant tensors of an ONNX graph (initializers and Constant nodes) into doubles,
 * from whichever encoding the exporter chose: the typed fields or little-endian raw_data.
 */
final class OnnxTensors {
    /** Above this many elements a "small MLP" tensor is surely something else; refuse early. */
    private static final long MAX_ELEMENTS = 50_000_000L;

    /** A constant: its dimensions and values (integers are exact as doubles at these sizes). */
    record Tensor(String name, long[] dims, double[] values) {
        int rank() {
            return dims.length;
        }

        String shape() {
            return Arrays.toString(dims);
        }
    }

    private OnnxTensors() {
    }

    /** @param where names the tensor in errors, e.g. "model.onnx: initializer 'W1'" */
    static Tensor read(TensorProto t, String where) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL || t.getExternalDataCount() > 0) {
            throw new UserError(where + " keeps its data in an external file, which pmlp does not read; save the model"
                    + " with every tensor inside it (onnx.save(model, path, save_as_external_data=False))");
        }
        if (t.hasSegment()) {
            throw new UserError(where + " is a segment of a larger tensor, which pmlp does not support");
        }
        long[] dims = t.getDimsList().stream().mapToLong(Long::longValue).toArray();
        long count = 1;
        for (long d : dims) {
            if (d < 0 || d > MAX_ELEMENTS) {
                throw new UserError(where + " has an invalid shape " + Arrays.toString(dims));
            }
            count *= d;
            if (count > MAX_ELEMENTS) {
                throw new UserError(where + " has " + count + "+ elements, far too many for a printed MLP");
            }
        }
        int n = (int) count;
        DataType type = DataType.forNumber(t.getDataType());
        double[] v;
        if (type == DataType.FLOAT) {
            v = t.hasRawData() ? raw(t, n, 4, where, b -> b.getFloat()) : typed(t.getFloatDataCount(), n, where,
                    i -> t.getFloatData(i));
        } else if (type == DataType.DOUBLE) {
            v = t.hasRawData() ? raw(t, n, 8, where, ByteBuffer::getDouble) : typed(t.getDoubleDataCount(), n, where,
                    t::getDoubleData);
        } else if (type == DataType.INT64) {
            v = t.hasRawData() ? raw(t, n, 8, where, b -> b.getLong()) : typed(t.getInt64DataCount(), n, where,
                    i -> t.getInt64Data(i));
        } else if (type == DataType.INT32) {
            v = t.hasRawData() ? raw(t, n, 4, where, b -> b.getInt()) : typed(t.getInt32DataCount(), n, where,
                    i -> t.getInt32Data(i));
        } else {
            throw new UserError(where + " has data type " + (type == null ? "#" + t.getDataType() : type.name())
                    + "; pmlp reads FLOAT and DOUBLE weights (and INT32/INT64 shapes)");
        }
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new UserError(where + " holds a non-finite value (" + v[i] + ") at flat index " + i
                        + "; the model's weights must be finite numbers");
            }
        }
        return new Tensor(t.getName(), dims, v);
    }

    private interface Element {
        double next(ByteBuffer b);
    }

    private interface Typed {
        double at(int i);
    }

    private static double[] raw(TensorProto t, int n, int size, String where, Element e) {
        ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() != (long) n * size) {
            throw new UserError(where + " has " + b.remaining() + " bytes of raw_data, its shape "
                    + t.getDimsList() + " needs " + (long) n * size);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = e.next(b);
        }
        return v;
    }

    private static double[] typed(int have, int n, String where, Typed field) {
        if (have != n) {
            throw new UserError(where + " has " + have + " values, its shape needs " + n);
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = field.at(i);
        }
        return v;
    }
}
