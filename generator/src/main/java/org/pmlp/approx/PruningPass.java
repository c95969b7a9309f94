package org.pmlp.approx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.SumNode;
import org.pmlp.quant.Pruning;
import org.pmlp.util.Json;
import java.util.SplittableRandom;
import org.pmlp.quant.QuantSpec;

/**
 * Section {@code "prune"}: {@code {"fraction": [0.3, 0]}} removes, per layer, that share of the
 * connections with the smallest trained magnitude (their weight becomes 0, so their partial
 * products vanish from the heap). Exactly floor(fraction x connections) go; equal magnitudes go in
 * order of neuron, then input index ({@link Pruning}, shared with retraining). Default: none.
 */
public record PruningPass(double[] fractions) implements Pass {
    public static final String NAME = "prune";

    public static final PassKind KIND = new PassKind() {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String help() {
            return "removes the smallest-magnitude connections of each layer (their partial products vanish)";
        }

        @Override
        public List<Knob> knobs() {
            return List.of(new Knob("fraction", "per layer or once, in [0, 1]", "0",
                    "share of each layer's smallest-magnitude connections removed"));
        }

        @Override
        public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            return PruningPass.parse(section, shape);
        }

        @Override
        public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
            boolean realistic = draw == RandomDraw.REALISTIC;
            if (realistic ? !r.nextBoolean() : r.nextInt(3) != 0) {
                return null;
            }
            double[] f = new double[shape.layers()];
            for (int l = 0; l < f.length; l++) {
                f[l] = realistic ? r.nextDouble() * 0.5 : r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.6;
            }
            return new PruningPass(f);
        }
    };

    @Override
    public String name() {
        return NAME;
    }

    public static PruningPass parse(Json.In in, ModelShape shape) {
        in.onlyFields("fraction");
        Double[] f = LayerValues.read(in.get("fraction"), shape.layers(), v -> {
            double x = v.number();
            if (x < 0 || x > 1) {
                throw v.error("expected a fraction in [0, 1], got " + x);
            }
            return x;
        }, new Double[shape.layers()]);
        double[] out = new double[f.length];
        for (int l = 0; l < f.length; l++) {
            out[l] = f[l];
        }
        return new PruningPass(out);
    }

    @Override
    public void run(Circuit c, PassContext ctx) {
        for (int l = 0; l < c.layers(); l++) {
            List<List<Connection>> rows = new ArrayList<>();
            for (SumNode s : c.sums(l)) {
                rows.add(c.connections(s));
            }
            double[][] real = new double[rows.size()][];
            for (int j = 0; j < real.length; j++) {
                real[j] = rows.get(j).stream().mapToDouble(Connection::real).toArray();
            }
            boolean[][] removed = Pruning.removed(real, fractions[l]);
            for (int j = 0; j < real.length; j++) {
                for (int i = 0; i < real[j].length; i++) {
                    if (removed[j][i]) {
                        rows.get(j).get(i).setWeight(0);
                    }
                }
            }
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode o = Json.object();
        o.set("fraction", LayerValues.numbers(fractions));
        return o;
    }
}
