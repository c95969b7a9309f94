package org.pmlp.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.design.CompiledDesign;
import org.pmlp.design.DesignFlow;
import org.pmlp.design.RandomDesigns;
import org.pmlp.design.TestVectors;

/** The independent reference and the golden model agree on random designs of every profile. */
class ReferenceModelTest {
    static int[][] vectors(CompiledDesign d, long seed, int random) {
        TestVectors corners = TestVectors.build(d.circuit(), d.program(), null, 0, seed);
        SplittableRandom r = new SplittableRandom(seed);
        int n = d.circuit().inputs().size();
        int max = (1 << d.circuit().inputBits()) - 1;
        int[][] q = new int[corners.size() + random][];
        int k = 0;
        for (int[] v : corners.q()) {
            q[k++] = v;
        }
        while (k < q.length) {
            int[] v = new int[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? 0 : max) : r.nextInt(max + 1);
            }
            q[k++] = v;
        }
        return q;
    }

    @Test
    void referenceEqualsGoldenOnRandomDesignsOfEveryProfile() {
        for (RandomDesigns.Profile profile : RandomDesigns.Profile.values()) {
            for (long seed = 1; seed <= 150; seed++) {
                RandomDesigns.Sample s = RandomDesigns.sample(seed, profile);
                CompiledDesign d = DesignFlow.compileRetrained(s.model(), s.config(), s.calibration());
                ReferenceModel ref = ReferenceModel.of(d.model(), d.config(), s.calibration());
                int[][] q = vectors(d, seed, 150);
                assertArrayEquals(d.program().classifyAll(q), ref.classifyAll(q),
                        profile + " seed " + seed + " config " + d.config().toJson());
            }
        }
    }
}
