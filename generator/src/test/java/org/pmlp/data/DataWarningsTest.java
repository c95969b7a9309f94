package org.pmlp.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataWarningsTest {
    private static Dataset withLabels(int... y) {
        int classes = 0;
        for (int v : y) {
            classes = Math.max(classes, v + 1);
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add(String.valueOf(c));
        }
        return new Dataset(new double[y.length][1], y, List.of("f"), labels);
    }

    @Test
    void continuousLabelColumnIsFlagged() {
        int[] y = new int[150];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 131 ? i : 0; // 131 classes, as a continuous column gives
        }
        List<String> w = DataWarnings.of(withLabels(y));
        assertTrue(w.stream().anyMatch(s -> s.contains("131 classes in 150 rows")), w.toString());
        assertTrue(w.stream().anyMatch(s -> s.contains("130 classes have a single row")), w.toString());
    }

    @Test
    void aSingleRowClassIsNamed() {
        List<String> w = DataWarnings.of(withLabels(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2));
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("1 class has a single row (2)"), w.toString());
    }

    @Test
    void healthyDataHasNoWarning() {
        assertEquals(List.of(), DataWarnings.of(withLabels(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2)));
    }
}
