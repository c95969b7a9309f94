package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pmlp.approx.ActivationPass;
import org.pmlp.approx.ModelShape;
import org.pmlp.approx.Window;
import org.pmlp.quant.QuantSpec;

/**
 * The gene block window_shift: a hidden window's msb sits that many bits below the calibrated
 * msb (a 1-bit window is then the threshold neuron sum >= 2^msb), never below the window's own
 * width; shift 0 is the exact design's window. Exactness of shifted windows (golden, flat path,
 * emitted netlist) is held by FlatPathEquivalenceTest and the co-simulation tests, which mutate
 * every gene block.
 */
class WindowShiftGeneTest {

    private static final ModelShape SHAPE = new ModelShape(4, new int[] {3, 2}, 2);

    private static int index(SearchSpace space, String name) {
        for (int b = 0; b < space.blocks().size(); b++) {
            if (space.blocks().get(b).name().equals(name)) {
                return b;
            }
        }
        throw new AssertionError("no block " + name);
    }

    private static Window window(SearchSpace space, int[][] genome, int neuron) {
        ActivationPass act = space.decode(genome, new int[] {9}).pass(ActivationPass.NAME);
        Window[] layer = act.hidden()[0];
        return layer.length == 1 ? layer[0] : layer[neuron];
    }

    @Test
    void shiftLowersTheWindowAndZeroKeepsTheCalibratedOne() {
        SearchSpace space = new SearchSpace(SHAPE, QuantSpec.DEFAULT, new int[] {0, 1, 2, 3});
        int w = index(space, "windows");
        int s = index(space, "window_shift");
        assertEquals(ActivationPass.MAX_WINDOW_SHIFT, space.blocks().get(s).max());
        assertEquals(3, space.blocks().get(s).length());
        assertEquals(s, space.blocks().size() - 1, "window_shift is the last block: older genomes are prefixes");
        int[][] g = space.exact();
        assertEquals(0, g[s][1]);
        assertEquals(Window.of(9, 2), window(space, g, 1), "exact: 8 bits below the calibrated msb");
        g[w][1] = 1;
        g[s][1] = 3;
        assertEquals(Window.of(6, 6), window(space, g, 1), "a threshold neuron: sum >= 2^6");
        g[w][2] = 4;
        g[s][2] = 6;
        assertEquals(Window.of(3, 0), window(space, g, 2), "the msb never drops below the width - 1");
        assertEquals(Window.of(9, 2), window(space, g, 0), "other neurons keep theirs");
    }

    @Test
    void thresholdLayersHaveNoWindowGenes() {
        // layers 0 and 2 threshold, layer 1 ReLU: only layer 1's neurons get genes
        ModelShape mixed = new ModelShape(4, new int[] {3, 2, 5, 2}, 2, new boolean[] {true, false, true});
        SearchSpace space = new SearchSpace(mixed, QuantSpec.DEFAULT, new int[] {0, 1, 2, 3});
        assertEquals(2, space.blocks().get(index(space, "windows")).length());
        assertEquals(2, space.blocks().get(index(space, "window_shift")).length());
        int[][] g = space.exact();
        g[index(space, "windows")][1] = 1;
        g[index(space, "window_shift")][1] = 3;
        ActivationPass act = space.decode(g, new int[] {9, 9, 9}).pass(ActivationPass.NAME);
        assertEquals(Window.of(6, 6), act.hidden()[1][1], "the second gene is the ReLU layer's second neuron");
        assertEquals(Window.of(9, 2), act.hidden()[1][0]);
        for (int l : new int[] {0, 2}) {
            for (Window w : act.hidden()[l]) {
                assertEquals(ActivationPass.THRESHOLD, w, "threshold layer " + l);
            }
        }
        SearchSpace all = new SearchSpace(new ModelShape(4, new int[] {3, 2}, 2, new boolean[] {true}), QuantSpec.DEFAULT,
                new int[] {0, 1, 2, 3});
        assertEquals(1, all.blocks().get(index(all, "windows")).length(), "one gene left, as for no hidden layer");
    }
}
