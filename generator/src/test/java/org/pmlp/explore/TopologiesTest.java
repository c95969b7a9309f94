package org.pmlp.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pmlp.UserError;

class TopologiesTest {
    @Test
    void parsesNetworksOfZeroOneAndTwoHiddenLayers() {
        List<int[]> t = Topologies.parse("0; 2;4,3", "--topologies");
        assertEquals(3, t.size());
        assertArrayEquals(new int[0], t.get(0));
        assertArrayEquals(new int[] {2}, t.get(1));
        assertArrayEquals(new int[] {4, 3}, t.get(2));
        assertEquals(List.of("net-0", "net-2", "net-4-3"), t.stream().map(Topologies::folder).toList());
        assertEquals("4,3", Topologies.text(t.get(2)));
        assertTrue(Topologies.parse("none", "--topologies").isEmpty());
        assertEquals(3, Topologies.parse(Topologies.DEFAULT, "--topologies").size());
    }

    @Test
    void aLeadingTMakesThresholdNeurons() {
        List<int[]> t = Topologies.parse("2;t2;t4,3", "--topologies");
        assertEquals(List.of("2", "t2", "t4,3"), t.stream().map(Topologies::text).toList());
        assertEquals(List.of("net-2", "net-t2", "net-t4-3"), t.stream().map(Topologies::folder).toList());
        assertTrue(!Topologies.threshold(t.get(0)) && Topologies.threshold(t.get(1)) && Topologies.threshold(t.get(2)));
        assertArrayEquals(new int[] {4, 3}, Topologies.sizes(t.get(2)));
        assertTrue(Topologies.isFolder("net-t4-3") && !Topologies.isFolder("net-x4"));
        assertEquals(List.of("t3"), Benchmark.others(Topologies.parse("3;t3", "--topologies"), 3).stream()
                .map(Topologies::text).toList(), "t3 is not the literature's network");
    }

    @Test
    void refusesBadListsNamingTheOption() {
        for (String bad : new String[] {"", "0;;2", "2,x", "0,3", "-1", "65", "1,1,1,1", "2;2", "t", "t0", "t-1",
                "t2;t2"}) {
            UserError e = assertThrows(UserError.class, () -> Topologies.parse(bad, "--topologies"), bad);
            assertTrue(e.getMessage().startsWith("--topologies: "), e.getMessage());
        }
    }

    @Test
    void theLiteratureNetworkIsNotExploredTwice() {
        List<int[]> others = Benchmark.others(Topologies.parse("0;3;3,3", "--topologies"), 3);
        assertEquals(List.of("0", "3,3"), others.stream().map(Topologies::text).toList());
    }
}
