package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pmlp.approx.ModelShape;
import org.pmlp.design.RandomDesigns;
import org.pmlp.util.Json;

/**
 * Same seed, same designs: digests of the random designs of every profile and of decoded random
 * genomes, recorded before the knobs were declared per pass (issue 9), so that moving a knob's
 * code cannot silently change what a seed means for selfcheck, the tests or a resumed search.
 */
class KnobStabilityTest {

    static String digest(StringBuilder sb) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h).substring(0, 16);
    }

    static String randomDesigns(RandomDesigns.Profile profile, int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (long seed = 0; seed < n; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed, profile);
            sb.append(Json.write(s.config().toJson())).append(s.style()).append('\n');
        }
        return digest(sb);
    }

    static String decodedGenomes() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (long seed = 0; seed < 40; seed++) {
            RandomDesigns.Sample s = RandomDesigns.sample(seed, RandomDesigns.Profile.REALISTIC);
            SearchSpace space = SearchSpace.of(s.model(), s.config().spec());
            ModelShape shape = space.shape();
            int[] msb = new int[shape.layers() - 1];
            SplittableRandom r = new SplittableRandom(seed);
            for (int l = 0; l < msb.length; l++) {
                msb[l] = r.nextInt(12);
            }
            sb.append(Json.write(space.decode(space.exact(), msb).toJson())).append('\n');
            for (int k = 0; k < 5; k++) {
                int[][] g = new int[space.blocks().size()][];
                for (int b = 0; b < g.length; b++) {
                    SearchSpace.Block block = space.blocks().get(b);
                    sb.append(block.name()).append(' ').append(block.length()).append(' ').append(block.max()).append(';');
                    g[b] = new int[block.length()];
                    for (int i = 0; i < g[b].length; i++) {
                        g[b][i] = r.nextInt(block.max() + 1);
                    }
                }
                sb.append(space.retrainKey(g)).append(java.util.Arrays.toString(space.keptFeatures(g)));
                sb.append(Json.write(space.decode(g, msb).toJson())).append('\n');
            }
        }
        return digest(sb);
    }

    @Test
    void randomDesignsOfEveryProfileAreUnchanged() throws Exception {
        // SMALL changed on purpose with issue 11: one sample in eight is a network without hidden layer
        // (was 1e0e44dab1ff4c39); the others are unchanged (their own random stream is untouched)
        // SMALL and WIDE changed on purpose with issue 11's learned input levels: a third of the kept
        // features of a random `inputs` section get random levels (drawn from a stream of their
        // own, so the other passes' draws are unchanged); were fa16346a5746c009 and 330147dd6ce8a037.
        // REALISTIC designs (the calibration set) keep top bits and are unchanged.
        assertEquals("3b3aafbb5eeb4df6", randomDesigns(RandomDesigns.Profile.SMALL, 300));
        assertEquals("0a4da88a13a5dbd1", randomDesigns(RandomDesigns.Profile.REALISTIC, 300));
        assertEquals("ae58ea2b2568bffd", randomDesigns(RandomDesigns.Profile.WIDE, 20));
    }

    @Test
    void decodedGenomesAreUnchanged() throws Exception {
        // Changed on purpose with issue 11: the gene block input_levels (slot 8, after every older
        // block, so older genomes keep their layout); was 088c625aa6f14dac. Changed again on purpose
        // with issue 11's gene block window_shift (slot 9, after input_levels); was 72a75005f711b728.
        assertEquals("a8e8056772794f7a", decodedGenomes());
    }
}
