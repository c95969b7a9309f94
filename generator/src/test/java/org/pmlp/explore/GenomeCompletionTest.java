package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pmlp.approx.ModelShape;
import org.pmlp.quant.QuantSpec;
import org.pmlp.util.Json;

/** A checkpoint's genome from before the input_levels block still decodes to what it meant. */
class GenomeCompletionTest {
    @Test
    void olderGenomesGetTheLaterBlocksAtTheirExactValues() {
        SearchSpace space = new SearchSpace(new ModelShape(3, new int[] {2, 2}, 2), QuantSpec.DEFAULT, new int[] {0, 1, 2});
        int last = space.blocks().size() - 1;
        assertEquals("input_levels", space.blocks().get(last).name(), "the newest block comes last");
        int[][] g = space.exact();
        g[space.blocks().indexOf(space.blocks().stream().filter(b -> b.name().equals("input_bits")).findFirst().get())]
                = new int[] {2, 1, 4};
        int[][] old = java.util.Arrays.copyOf(g, last);
        int[][] completed = space.complete(old);
        assertEquals(space.blocks().size(), completed.length);
        assertArrayEquals(new int[3], completed[last]);
        int[] msb = {6};
        assertEquals(Json.write(space.decode(g, msb).toJson()), Json.write(space.decode(completed, msb).toJson()));
    }
}
