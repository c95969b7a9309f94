package org.pmlp.knobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.Gene;
import org.pmlp.approx.Genes;
import org.pmlp.approx.Knob;
import org.pmlp.approx.KnobListing;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Pass;
import org.pmlp.approx.PassContext;
import org.pmlp.approx.PassKind;
import org.pmlp.approx.PassRegistry;
import org.pmlp.approx.RandomDraw;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;
import org.pmlp.explore.SearchSpace;
import org.pmlp.ir.Circuit;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * Adding a knob is one class: a toy pass declared here, outside the main tree, reaches
 * configuration files (parse and print), the search (a gene block that decodes), the random
 * designs of the tests and {@code pmlp knobs}, with nothing else edited.
 */
class ToyKnobTest {

    /** The toy: section {@code "toy": {"level": 0..3}}; it leaves the circuit alone. */
    record ToyPass(int level) implements Pass {
        static final PassKind KIND = new PassKind() {
            @Override
            public String name() {
                return "toy";
            }

            @Override
            public String help() {
                return "a knob declared in the test tree";
            }

            @Override
            public List<Knob> knobs() {
                return List.of(new Knob("level", "0..3", "0", "how toy it is"));
            }

            @Override
            public Pass parse(Json.In section, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
                section.onlyFields("level");
                return new ToyPass(section.get("level").integer(0, 3));
            }

            @Override
            public List<Gene> genes(ModelShape shape, QuantSpec spec) {
                return List.of(new Gene("toy_level", 1, 3, false, Gene.LAST, "the toy's level"));
            }

            @Override
            public Pass decode(Genes genes, List<Pass> earlier) {
                return new ToyPass(genes.get("toy_level")[0]);
            }

            @Override
            public Pass random(SplittableRandom r, RandomDraw draw, ModelShape shape, QuantSpec spec, List<Pass> earlier) {
                return new ToyPass(r.nextInt(4));
            }
        };

        @Override
        public String name() {
            return "toy";
        }

        @Override
        public void run(Circuit circuit, PassContext context) {
        }

        @Override
        public JsonNode toJson() {
            ObjectNode o = Json.object();
            o.put("level", level);
            return o;
        }
    }

    private static final ModelShape SHAPE = new ModelShape(3, new int[] {2, 2}, 2);

    private static DesignConfig parse(String json) {
        try {
            return DesignConfig.parse(Json.of("c.json", Json.MAPPER.readTree(json)), SHAPE, QuantSpec.DEFAULT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void reachesConfigurationFiles() throws Exception {
        String text = "{\"format\": \"pmlp-design\", \"toy\": {\"level\": 2}}";
        assertThrows(UserError.class, () -> parse(text), "unregistered, the section is unknown");
        try (AutoCloseable registered = PassRegistry.register(ToyPass.KIND)) {
            DesignConfig c = parse(text);
            assertEquals(new ToyPass(2), c.pass("toy"));
            JsonNode printed = c.toJson();
            assertEquals(2, printed.get("toy").get("level").asInt());
            assertEquals(Json.write(printed), Json.write(parse(Json.write(printed)).toJson()), "parse + print round trip");
            UserError e = assertThrows(UserError.class, () -> parse("{\"toy\": {\"level\": 7}}"));
            assertTrue(e.getMessage().contains("level"), e.getMessage());
            assertTrue(KnobListing.text().contains("toy: a knob declared in the test tree"));
            assertTrue(KnobListing.markdown().contains("| `toy` | `level` | 0..3 | 0 | how toy it is | `toy_level` |"));
        }
        assertThrows(UserError.class, () -> parse(text), "closing the registration removes it");
    }

    @Test
    void reachesTheSearch() throws Exception {
        try (AutoCloseable registered = PassRegistry.register(ToyPass.KIND)) {
            SearchSpace space = new SearchSpace(SHAPE, QuantSpec.DEFAULT, new int[] {0, 1, 2});
            SearchSpace.Block last = space.blocks().get(space.blocks().size() - 1);
            assertEquals(new SearchSpace.Block("toy_level", 1, 3), last, "after the built-in genes: old genomes keep their layout");
            int[][] g = space.exact();
            assertEquals(0, space.block(g, "toy_level")[0]);
            space.block(g, "toy_level")[0] = 3;
            DesignConfig c = space.decode(g, new int[] {7});
            assertEquals(new ToyPass(3), c.pass("toy"));
        }
    }

    @Test
    void reachesTheRandomDesigns() throws Exception {
        try (AutoCloseable registered = PassRegistry.register(ToyPass.KIND)) {
            TreeSet<Integer> levels = new TreeSet<>();
            for (long seed = 0; seed < 20; seed++) {
                for (RandomDesigns.Profile p : new RandomDesigns.Profile[] {RandomDesigns.Profile.SMALL,
                        RandomDesigns.Profile.REALISTIC}) {
                    RandomDesigns.Sample s = RandomDesigns.sample(seed, p);
                    ToyPass toy = s.config().pass("toy");
                    assertNotNull(toy, "seed " + seed + " " + p);
                    levels.add(toy.level());
                    DesignFlow.compileRetrained(s.model(), s.config(), s.calibration()); // the flow runs it
                }
            }
            assertEquals(4, levels.size(), "every level drawn: " + levels);
        }
    }
}
