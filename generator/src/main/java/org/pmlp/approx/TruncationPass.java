package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.PartialProduct;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.WidthInference;
import org.pmlp.util.Json;
import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "truncation"}: {@code {"columns": ..., "compensate": true}} drops the heap
 * columns below the given index of each neuron's sum (per layer: one number for all its neurons
 * or one per neuron; or one number for every layer). With {@code compensate}, the expected value
 * of the dropped bits (each taken as 1 with probability 1/2) is added back as a constant.
 * Default: no truncation.
 */
public record TruncationPass(int[][] columns, boolean compensate) implements Pass {
    public static final String NAME = "truncation";

    /** The most columns the search truncates per neuron. */
    public static final int MAX_SEARCH_COLUMNS = 10;

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "drops the low heap columns of each neuron's sum, optionally adding back their expected value";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(
                    new Knob("columns", "per neuron, per layer or once, 0..62", "0", "heap columns dropped"),
                    new Knob("compensate", "true or false", "true", "add the expected value of the dropped bits"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return TruncationPass.parse(section, shape);
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            int neurons = 0;
            for (int s : shape.layerSizes()) {
                neurons += s;
            }
            return List.of(new Gene("truncation", neurons, MAX_SEARCH_COLUMNS, false, 5,
                    "per neuron, the heap columns truncated (with compensation)"));
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            ModelShape shape = genes.shape();
            int[] trunc = genes.get("truncation");
            int[][] columns = new int[shape.layers()][];
            int t = 0;
            for (int l = 0; l < shape.layers(); l++) {
                columns[l] = new int[shape.layerSizes()[l]];
                for (int j = 0; j < columns[l].length; j++) {
                    columns[l][j] = trunc[t++];
                }
            }
            return new TruncationPass(columns, true);
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            if (!r.nextBoolean()) {
                return null;
            }
            int[][] cols = new int[shape.layers()][];
            for (int l = 0; l < cols.length; l++) {
                cols[l] = new int[shape.layerSizes()[l]];
                for (int j = 0; j < cols[l].length; j++) {
                    cols[l][j] = draw == RandomDraw.REALISTIC ? r.nextInt(7) : r.nextInt(3) == 0 ? 0 : r.nextInt(10);
                }
            }
            return new TruncationPass(cols, r.nextBoolean());
        }
    };

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
            WidthInference.runWhileEditing(c); // the compensation needs the rows' source (nominal) widths
        }
        for (int l = 0; l < c.layers(); l++) {
            for (SumNode s : c.sums(l)) {
                int t = columns[l][s.neuron()];
                s.setTruncation(0, 0);
                long comp = 0;
                if (compensate && t > 0) {
                    // Twice the expected value of the dropped bits, halved once at the end. The bits
                    // a row has are counted up to its source's nominal width, so the constant does
                    // not depend on how tight inference is.
                    java.math.BigInteger twice = java.math.BigInteger.ZERO;
                    for (PartialProduct p : c.nominalPartialProducts(s)) {
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

    @Override
    public boolean edit(FlatNetwork net) {
        for (int l = 0; l < net.layers(); l++) {
            for (int j = 0; j < net.neurons(l); j++) {
                net.setTruncation(l, j, columns[l][j]);
            }
        }
        net.setCompensate(compensate);
        return true;
    }
}
