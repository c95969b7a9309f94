package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pmlp.approx.ModelShape;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/**
 * A checkpoint's genome from before the input_levels block, or from before the window_shift
 * block, still decodes to what it meant.
 */
class GenomeCompletionTest {
    @Test
    void olderGenomesGetTheLaterBlocksAtTheirExactValues() {
        SearchSpace space = new SearchSpace(new ModelShape(3, new int[] {2, 2}, 2), QuantSpec.DEFAULT, new int[] {0, 1, 2});
        int last = space.blocks().size() - 1;
        assertEquals("window_shift", space.blocks().get(last).name(), "the newest block comes last");
        assertEquals("input_levels", space.blocks().get(last - 1).name(), "then the one before it");
        int[][] g = space.exact();
        g[space.blocks().indexOf(space.blocks().stream().filter(b -> b.name().equals("input_bits")).findFirst().get())]
                = new int[] {2, 1, 4};
        int[] msb = {6};
        for (int missing = 1; missing <= 2; missing++) {
            int[][] old = java.util.Arrays.copyOf(g, last + 1 - missing);
            int[][] completed = space.complete(old);
            assertEquals(space.blocks().size(), completed.length);
            assertArrayEquals(new int[3], completed[last - 1], "input_levels: top bits");
            assertArrayEquals(new int[2], completed[last], "window_shift: the calibrated msb");
            assertEquals(Json.write(space.decode(g, msb).toJson()), Json.write(space.decode(completed, msb).toJson()));
        }
    }
}
