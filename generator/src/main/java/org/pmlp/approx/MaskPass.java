package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.IntBinaryOperator;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.util.Json;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "masks"}: a bit mask per connection on its input activation, {@code {"layers":
 * [L0, L1, ...]}} where each {@code Lk} is null (all bits) or one list per neuron of one mask per
 * input. A cleared bit removes that input bit's partial products from the neuron's heap (one
 * bit per non-zero digit of the weight). Default: all bits.
 */
public record MaskPass(long[][][] masks) implements Pass {
    public static final String NAME = "masks";

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "bit masks on each connection's input (a cleared bit removes that bit's partial products)";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(new Knob("layers", "per layer `null` or per neuron per input a bit mask on that input's activation",
                    "all bits", "which input bits enter each neuron's heap"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            ActivationPass act = PassKind.find(earlier, ActivationPass.class);
            return MaskPass.parse(section, shape, (l, i) -> ActivationPass.sourceBits(l, i, spec, act));
        }

        @Override
        public List<Gene> genes(ModelShape shape, QuantSpec spec) {
            List<Gene> out = new java.util.ArrayList<>();
            for (int l = 0; l < shape.layers(); l++) {
                out.add(new Gene("masks" + l, shape.layerSizes()[l] * shape.fanIn(l),
                        l == 0 ? spec.inputBits() : ActivationPass.searchBits(spec), true, 3,
                        "layer " + l + ", per connection: how many top bits of its input enter the heap (0 prunes it)"));
            }
            return out;
        }

        @Override
        public Pass decode(Genes genes, List<Pass> earlier) {
            ModelShape shape = genes.shape();
            ActivationPass act = PassKind.find(earlier, ActivationPass.class);
            long[][][] masks = new long[shape.layers()][][];
            for (int l = 0; l < shape.layers(); l++) {
                int[] keep = genes.get("masks" + l);
                int fanIn = shape.fanIn(l);
                masks[l] = new long[shape.layerSizes()[l]][fanIn];
                for (int j = 0; j < masks[l].length; j++) {
                    for (int i = 0; i < fanIn; i++) {
                        int bits = ActivationPass.sourceBits(l, i, genes.spec(), act);
                        masks[l][j][i] = topBits(bits, keep[j * fanIn + i]);
                    }
                }
            }
            return new MaskPass(masks);
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            if (!r.nextBoolean()) {
                return null;
            }
            ActivationPass act = PassKind.find(earlier, ActivationPass.class);
            boolean realistic = draw == RandomDraw.REALISTIC;
            long[][][] m = new long[shape.layers()][][];
            for (int l = 0; l < m.length; l++) {
                if (!realistic && r.nextInt(3) == 0) {
                    continue;
                }
                int fanIn = shape.fanIn(l);
                m[l] = new long[shape.layerSizes()[l]][fanIn];
                for (long[] row : m[l]) {
                    for (int i = 0; i < fanIn; i++) {
                        int bits = ActivationPass.sourceBits(l, i, spec, act);
                        if (realistic) {
                            row[i] = r.nextInt(3) == 0 ? topBits(bits, bits - r.nextInt(bits)) : topBits(bits, bits);
                        } else {
                            row[i] = r.nextInt(3) == 0 ? topBits(bits, bits) : r.nextLong(1L << bits);
                        }
                    }
                }
            }
            return new MaskPass(m);
        }
    };

    /** The mask keeping the top {@code keep} of {@code width} bits (all of them when keep >= width). */
    public static long topBits(int width, int keep) {
        int k = Math.min(width, keep);
        return ((1L << k) - 1) << (width - k);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param sourceBits bits of input {@code i} of layer {@code l}, for the range check (a mask
     *     may not be wider than the activation it masks)
     */
    public static MaskPass parse(Json.In in, ModelShape shape, IntBinaryOperator sourceBits) {
        in.onlyFields("layers");
        Json.In layers = in.get("layers");
        if (layers.size() != shape.layers()) {
            throw layers.error("expected one entry per layer (" + shape.layers() + "), null for all bits; got "
                    + layers.size());
        }
        long[][][] masks = new long[shape.layers()][][];
        for (int l = 0; l < shape.layers(); l++) {
            Json.In layer = layers.at(l);
            if (layer.node().isNull()) {
                continue;
            }
            int neurons = shape.layerSizes()[l];
            int fanIn = shape.fanIn(l);
            if (layer.size() != neurons) {
                throw layer.error("expected one list of masks per neuron (" + neurons + "), got " + layer.size());
            }
            masks[l] = new long[neurons][fanIn];
            for (int j = 0; j < neurons; j++) {
                Json.In row = layer.at(j);
                if (row.size() != fanIn) {
                    throw row.error("expected one mask per input of the neuron (" + fanIn + "), got " + row.size());
                }
                for (int i = 0; i < fanIn; i++) {
                    Json.In m = row.at(i);
                    int bits = sourceBits.applyAsInt(l, i);
                    long max = (1L << bits) - 1;
                    long v = m.node().isIntegralNumber() ? m.node().asLong() : -1;
                    if (!m.node().isIntegralNumber() || v < 0 || v > max) {
                        throw m.error("expected a mask in [0, " + max + "] (the input is " + bits + " bits wide), got "
                                + m.node());
                    }
                    masks[l][j][i] = v;
                }
            }
        }
        return new MaskPass(masks);
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        for (int l = 0; l < c.layers(); l++) {
            if (masks[l] == null) {
                continue;
            }
            for (int j = 0; j < masks[l].length; j++) {
                List<Connection> conns = c.connections(c.sums(l).get(j));
                for (int i = 0; i < conns.size(); i++) {
                    conns.get(i).setMask(masks[l][j][i]);
                }
            }
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        ArrayNode layers = o.putArray("layers");
        for (long[][] layer : masks) {
            if (layer == null) {
                layers.addNull();
                continue;
            }
            ArrayNode rows = layers.addArray();
            for (long[] row : layer) {
                ArrayNode r = rows.addArray();
                for (long m : row) {
                    r.add(m);
                }
            }
        }
        return o;
    }

    @Override
    public boolean edit(FlatNetwork net) {
        for (int l = 0; l < net.layers(); l++) {
            if (masks[l] == null) {
                continue;
            }
            for (int j = 0; j < masks[l].length; j++) {
                for (int i = 0; i < masks[l][j].length; i++) {
                    net.setConnectionMask(l, j, i, masks[l][j][i]);
                }
            }
        }
        return true;
    }
}
