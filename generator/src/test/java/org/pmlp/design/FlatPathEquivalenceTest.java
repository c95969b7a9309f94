package org.pmlp.design;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.DesignConfig;
import org.pmlp.approx.Pass;
import org.pmlp.approx.WeightFormatPass;
import org.pmlp.cost.FeatureCounter;
import org.pmlp.data.CsvDatasetReader;
import org.pmlp.data.CsvOptions;
import org.pmlp.data.Dataset;
import org.pmlp.explore.Mutants;
import org.pmlp.explore.SearchSpace;
import org.pmlp.ir.ActNode;
import org.pmlp.ir.BatchInputs;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.FlatNetwork;
import org.pmlp.ir.InputNode;
import org.pmlp.ir.Node;
import org.pmlp.ir.Program;
import org.pmlp.ir.SumNode;
import org.pmlp.ir.WidthInference;
import org.pmlp.model.InputScaler;
import org.pmlp.model.Mlp;
import org.pmlp.model.MlpTraining;
import org.pmlp.model.TrainingOptions;
import org.pmlp.quant.FixedFormat;
import org.pmlp.quant.QuantSpec;
import org.pmlp.quant.QuantizedData;
import org.pmlp.quant.WeightFormat;
import org.pmlp.rtl.HeapStyle;
import org.pmlp.testutil.Shared;

/**
 * The search's flat hot path ({@link FlatNetwork} edited by the passes) against the full flow
 * ({@link DesignFlow#compileRetrained}) it stands in for: every node's range, width and knobs,
 * the golden model's accuracy and the cost features must be identical, for many genomes and
 * random designs. One network per base is reused across all its designs, so the incremental
 * inference and golden columns are exercised the way the search uses them.
 */
class FlatPathEquivalenceTest {

    @Test
    void genomesOfTrainedModelsMatchTheFullFlow() {
        List<Object[]> cases = new ArrayList<>();
        Dataset wine = CsvDatasetReader.read(Shared.repo().resolve("examples/wine/wine.csv"), CsvOptions.defaults())
                .dataset();
        cases.add(new Object[] {"wine 3", wine, new int[] {3}});
        cases.add(new Object[] {"wine 4,3", wine, new int[] {4, 3}});
        Path cardio = Shared.require("datasets/cardio/train.csv");
        Dataset c = CsvDatasetReader.read(cardio, CsvOptions.defaults()).dataset();
        cases.add(new Object[] {"cardio 3", c, new int[] {3}});
        Path seeds = Shared.require("datasets/seeds/train.csv");
        cases.add(new Object[] {"seeds 5,3", CsvDatasetReader.read(seeds, CsvOptions.defaults()).dataset(), new int[] {5, 3}});
        // Threshold neurons (hidden STEP, windows [0:0] whatever the window genes say).
        cases.add(new Object[] {"wine t4", wine, new int[] {-4}});
        int checked = 0;
        for (Object[] k : cases) {
            checked += checkGenomes((String) k[0], (Dataset) k[1], (int[]) k[2]);
        }
        assertTrue(checked >= 1000, "compared " + checked);
    }

    private static int checkGenomes(String name, Dataset train, int[] hidden) {
        TrainingOptions opt = TrainingOptions.defaults(org.pmlp.explore.Topologies.sizes(hidden), 1);
        if (org.pmlp.explore.Topologies.threshold(hidden)) {
            opt = opt.thresholdNeurons();
            hidden = org.pmlp.explore.Topologies.sizes(hidden);
        }
        Mlp model = MlpTraining.train(train, InputScaler.MinMax.fit(train.x(), 0, 0.9), opt, java.util.Map.of());
        QuantSpec spec = QuantSpec.DEFAULT;
        SearchSpace space = SearchSpace.of(model, spec);
        QuantizedData q = QuantizedData.of(train, model.scaler(), spec.inputQuantizer());
        space.learnInputLevels(q.q(), q.labels()); // genomes choosing learned input levels decode to them
        BatchInputs batch = BatchInputs.of(q.q(), q.labels());
        SplittableRandom r = new SplittableRandom(name.hashCode());
        java.util.Map<String, FlatNetwork> bases = new java.util.HashMap<>();
        int n = 0;
        for (int i = 0; i < 300; i++) {
            // Mutants of the exact design at any rate, and now and then a genome drawn whole.
            int[][] g = Mutants.mutate(space, space.exact(), i % 10 == 9 ? 1.0 : 0.02 + 0.4 * r.nextDouble(), r);
            int[] msb = new int[hidden.length];
            for (int l = 0; l < msb.length; l++) {
                msb[l] = 4 + r.nextInt(8);
            }
            DesignConfig config = space.decode(g, msb);
            WeightFormat[] formats = space.formatsOf(g);
            FlatNetwork net = bases.computeIfAbsent(WeightFormatPass.tag(formats),
                    t -> DesignFlow.flatBase(model, spec, formats));
            assertTrue(DesignFlow.edit(net, config), name + ": a decoded genome has a flat form");
            compare(name + " genome " + i, model, config, net, batch, q, HeapStyle.TWOS_COMPLEMENT);
            n++;
        }
        return n;
    }

    /** Random designs of every knob (those whose passes all have a flat form), as the co-simulation tests draw them. */
    @Test
    void randomDesignsMatchTheFullFlow() {
        int compared = 0;
        for (long seed = 1; seed <= 4000; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed,
                    seed % 2 == 0 ? RandomDesigns.Profile.SMALL : RandomDesigns.Profile.REALISTIC);
            DesignConfig config = s.config();
            WeightFormatPass w = config.pass(WeightFormatPass.NAME);
            WeightFormat[] formats = w != null ? w.formats() : fixed(s.model().layers().size(), config.spec());
            FlatNetwork net = DesignFlow.flatBase(s.model(), config.spec(), formats);
            // Twice on the same network: once from its base, once after another design's edits.
            for (int round = 0; round < 2; round++) {
                if (!DesignFlow.edit(net, config)) {
                    break;
                }
                int[] labels = new int[s.calibration().length];
                SplittableRandom r = new SplittableRandom(seed);
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = r.nextInt(s.model().classes().size());
                }
                QuantizedData q = new QuantizedData(s.calibration(), labels);
                compare("random design " + seed, s.model(), config, net, BatchInputs.of(q.q(), labels), q, s.style());
                compared++;
                DesignConfig other = RandomDesigns.sample(seed + 1000).config();
                if (other.spec().equals(config.spec()) && DesignFlow.edit(net, other)) {
                    net.infer();
                }
            }
        }
        assertTrue(compared >= 250, "compared " + compared);
    }

    /**
     * Wide designs (sums up to 62 bits: the golden columns in long, not int): the WIDE random
     * designs with their calibrated windows written out as explicit ones, which have a flat form.
     */
    @Test
    void wideDesignsMatchTheFullFlow() {
        int compared = 0;
        int wide = 0;
        for (long seed = 1; seed <= 60; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.WIDE);
            CompiledDesign calibrated = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
            Circuit c = calibrated.circuit();
            int last = c.layers() - 1;
            org.pmlp.approx.Window[][] hidden = new org.pmlp.approx.Window[last][];
            for (int l = 0; l < last; l++) {
                hidden[l] = new org.pmlp.approx.Window[c.acts(l).size()];
                for (int j = 0; j < hidden[l].length; j++) {
                    ActNode a = c.acts(l).get(j);
                    hidden[l][j] = org.pmlp.approx.Window.of(a.msb(), a.lsb());
                }
            }
            ActNode out = c.acts(last).get(0);
            org.pmlp.approx.ActivationPass explicit = out.kind() == ActNode.Kind.IDENTITY
                    ? new org.pmlp.approx.ActivationPass(hidden, ActNode.Kind.IDENTITY, org.pmlp.approx.Window.of(0, out.lsb()))
                    : new org.pmlp.approx.ActivationPass(hidden, ActNode.Kind.RELU, org.pmlp.approx.Window.of(out.msb(), out.lsb()));
            DesignConfig config = s.config().with(explicit);
            WeightFormatPass w = config.pass(WeightFormatPass.NAME);
            WeightFormat[] formats = w != null ? w.formats() : fixed(s.model().layers().size(), config.spec());
            FlatNetwork net = DesignFlow.flatBase(s.model(), config.spec(), formats);
            if (!DesignFlow.edit(net, config)) {
                continue;
            }
            SplittableRandom r = new SplittableRandom(seed);
            int[] labels = new int[s.calibration().length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = r.nextInt(s.model().classes().size());
            }
            QuantizedData q = new QuantizedData(s.calibration(), labels);
            compare("wide design " + seed, s.model(), config, net, BatchInputs.of(q.q(), labels), q, s.style());
            compared++;
            for (int l = 0; l <= last; l++) {
                for (SumNode sum : c.sums(l)) {
                    wide += sum.width() > 32 ? 1 : 0;
                }
            }
        }
        assertTrue(compared >= 30, "compared " + compared);
        assertTrue(wide >= 10, "sums wider than 32 bits: " + wide);
    }

    private static WeightFormat[] fixed(int layers, QuantSpec spec) {
        WeightFormat[] f = new WeightFormat[layers];
        java.util.Arrays.fill(f, new FixedFormat(spec.weightBits()));
        return f;
    }

    private static void compare(String what, Mlp model, DesignConfig config, FlatNetwork net, BatchInputs batch,
                                QuantizedData q, HeapStyle style) {
        CompiledDesign full;
        try {
            full = DesignFlow.compileRetrained(model, config, null);
        } catch (org.pmlp.UserError tooWide) {
            assertTrue(!net.infer(), what + ": the full flow refuses it (" + tooWide.getMessage() + "), the flat path must too");
            return;
        }
        assertTrue(net.infer(), what + ": the flat path refused a design the full flow builds");
        Program p = full.program();
        int ok = p.countCorrect(q.q(), q.labels(), 0, q.q().length, p.scratch());
        assertEquals(ok, net.countCorrect(batch), what + ": golden accuracy");
        Circuit a = full.circuit();
        Circuit b = net.syncedCircuit();
        for (int i = 0; i < a.inputs().size(); i++) {
            InputNode x = a.inputs().get(i);
            InputNode y = b.inputs().get(i);
            assertEquals(x.mask(), y.mask(), what + ": " + x.name() + " mask");
            sameRange(what, x, y);
        }
        for (int l = 0; l < a.layers(); l++) {
            for (int j = 0; j < a.sums(l).size(); j++) {
                SumNode s = a.sums(l).get(j);
                SumNode t = b.sums(l).get(j);
                sameRange(what, s, t);
                assertEquals(s.truncation(), t.truncation(), what + ": " + s.name() + " truncation");
                assertEquals(s.compensation(), t.compensation(), what + ": " + s.name() + " compensation");
                assertEquals(s.bias(), t.bias(), what + ": " + s.name() + " bias");
                assertEquals(s.fracBits(), t.fracBits(), what + ": " + s.name() + " grid");
                List<Connection> cs = a.connections(s);
                List<Connection> ct = b.connections(t);
                for (int i = 0; i < cs.size(); i++) {
                    assertEquals(cs.get(i).weight(), ct.get(i).weight(), what + ": " + s.name() + " weight " + i);
                    assertEquals(cs.get(i).mask(), ct.get(i).mask(), what + ": " + s.name() + " mask " + i);
                }
                assertEquals(a.partialProducts(s).toString(), b.partialProducts(t).toString(), what + ": " + s.name() + " rows");
                ActNode x = a.acts(l).get(j);
                ActNode y = b.acts(l).get(j);
                sameRange(what, x, y);
                assertEquals(x.kind(), y.kind(), what + ": " + x.name() + " kind");
                assertEquals(x.msb(), y.msb(), what + ": " + x.name() + " msb");
                assertEquals(x.lsb(), y.lsb(), what + ": " + x.name() + " lsb");
            }
        }
        assertArrayEquals(a.argmax().order(), b.argmax().order(), what + ": argmax order");
        assertArrayEquals(a.argmax().compareBits(), b.argmax().compareBits(), what + ": argmax bits");
        for (int c = 0; c < a.classes() - 1; c++) {
            assertEquals(a.argmax().effectiveBits(c, 40), b.argmax().effectiveBits(c, 40), what + ": comparator " + c);
            assertEquals(a.argmax().compareShift(c, WidthInference.argmaxNominalWidth(a)),
                    b.argmax().compareShift(c, WidthInference.argmaxNominalWidth(b)), what + ": comparator shift " + c);
        }
        assertArrayEquals(FeatureCounter.count(a, style).vector(), FeatureCounter.count(b, style).vector(),
                what + ": cost features");
    }

    private static void sameRange(String what, Node x, Node y) {
        assertEquals(x.lo(), y.lo(), what + ": " + x.name() + " lo");
        assertEquals(x.hi(), y.hi(), what + ": " + x.name() + " hi");
        assertEquals(x.exponent(), y.exponent(), what + ": " + x.name() + " exponent");
        assertEquals(x.width(), y.width(), what + ": " + x.name() + " width");
        assertEquals(x.nominalLo(), y.nominalLo(), what + ": " + x.name() + " nominal lo");
        assertEquals(x.nominalHi(), y.nominalHi(), what + ": " + x.name() + " nominal hi");
    }

    /** A pass without a flat form sends the design to the full flow instead of being ignored. */
    @Test
    void aPassWithoutFlatFormIsRefused() {
        RandomDesigns.Sample s = RandomDesigns.sample(7);
        Pass opaque = new Pass() {
            @Override
            public String name() {
                return "opaque";
            }

            @Override
            public void run(Circuit circuit, org.pmlp.approx.PassContext context) {
            }

            @Override
            public com.fasterxml.jackson.databind.JsonNode toJson() {
                return org.pmlp.util.Json.object();
            }
        };
        List<Pass> passes = new ArrayList<>(s.config().passes());
        passes.add(opaque);
        FlatNetwork net = DesignFlow.flatBase(s.model(), s.config().spec(),
                fixed(s.model().layers().size(), s.config().spec()));
        assertTrue(!DesignFlow.edit(net, new DesignConfig(s.config().spec(), passes)));
    }
}
