package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.PartialProduct;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.WidthInference;
import org.pmlp.util.Json;

/**
 * Section {@code "truncation"}: {@code {"columns": ..., "compensate": true}} drops the heap
 * columns below the given index of each neuron's sum (per layer: one number for all its neurons
 * or one per neuron; or one number for every layer). With {@code compensate}, the expected value
 * of the dropped bits (each taken as 1 with probability 1/2) is added back as a constant.
 * Default: no truncation.
 */
public record TruncationPass(int[][] columns, boolean compensate) implements Pass {
    public static final String NAME = "truncation";

    @Override
    public String name() {
        return NAME;
    }

    public static TruncationPass parse(Json.In in, ModelShape shape) {
        in.onlyFields("columns", "compensate");
        Json.In cols = in.get("columns");
        int[][] columns = new int[shape.layers()][];
        if (!cols.node().isArray()) {
            int t = cols.integer(0, 62);
            for (int l = 0; l < shape.layers(); l++) {
                columns[l] = filled(shape.layerSizes()[l], t);
            }
        } else {
            if (cols.size() != shape.layers()) {
                throw cols.error("expected one entry per layer (" + shape.layers() + "), got " + cols.size());
            }
            for (int l = 0; l < shape.layers(); l++) {
                Json.In e = cols.at(l);
                columns[l] = e.node().isArray()
                        ? e.integers(shape.layerSizes()[l], 0, 62)
                        : filled(shape.layerSizes()[l], e.integer(0, 62));
            }
        }
        boolean comp = !in.has("compensate") || in.get("compensate").bool();
        return new TruncationPass(columns, comp);
    }

    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        boolean truncates = false;
        for (int[] layer : columns) {
            for (int t : layer) {
                truncates |= t > 0;
            }
        }
        if (compensate && truncates) {
            WidthInference.runWhileEditing(c); // the compensation needs the rows' source widths
        }
        for (int l = 0; l < c.layers(); l++) {
            for (SumNode s : c.sums(l)) {
                int t = columns[l][s.neuron()];
                s.setTruncation(0, 0);
                long comp = 0;
                if (compensate && t > 0) {
                    // Twice the expected value of the dropped bits, halved once at the end.
                    java.math.BigInteger twice = java.math.BigInteger.ZERO;
                    for (PartialProduct p : c.partialProducts(s)) {
                        for (int j = 0; j < 63; j++) {
                            if ((p.mask() >> j & 1) != 0 && j + p.shift() < t) {
                                twice = twice.add(java.math.BigInteger.valueOf(p.sign()).shiftLeft(j + p.shift()));
                            }
                        }
                    }
                    java.math.BigInteger half = twice.add(java.math.BigInteger.ONE).shiftRight(1); // floor((2E + 1) / 2)
                    if (half.bitLength() > WidthInference.MAX_BITS) {
                        throw new org.pmlp.UserError("layer " + l + " neuron " + s.neuron() + ": the truncation compensation"
                                + " needs " + (half.bitLength() + 1) + " bits; pmlp supports at most "
                                + WidthInference.MAX_BITS + ": truncate fewer columns");
                    }
                    comp = half.longValue();
                }
                s.setTruncation(t, comp);
            }
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("columns");
        for (int[] layer : columns) {
            ArrayNode r = a.addArray();
            for (int t : layer) {
                r.add(t);
            }
        }
        o.put("compensate", compensate);
        return o;
    }
}
