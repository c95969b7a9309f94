package org.pmlp.eda.netlist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pmlp.UserError;

/**
 * Orders instances so every cell comes after the drivers of its inputs, flip-flop D inputs
 * included: in a feed-forward pipeline a flip-flop is a one-cycle delay, so the whole netlist
 * can be evaluated in one pass per 64-cycle word. Clock pins are not dependencies.
 */
final class EvaluationOrder {
    private EvaluationOrder() {
    }

    /** Instance indices in evaluation order; UserError on a combinational or flip-flop feedback loop. */
    static int[] of(Netlist net, CellModel[] models) {
        int n = net.instances().size();
        List<List<Integer>> readers = new ArrayList<>();
        int[] pending = new int[n];
        for (int i = 0; i < n; i++) {
            readers.add(new ArrayList<>());
        }
        for (int j = 0; j < n; j++) {
            for (int d : drivers(net, models, j)) {
                readers.get(d).add(j);
                pending[j]++;
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int count = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[count++] = i;
            for (int j : readers.get(i)) {
                if (--pending[j] == 0) {
                    ready.add(j);
                }
            }
        }
        if (count < n) {
            throw loopError(net, models, pending);
        }
        return order;
    }

    /** Instances driving the data inputs of instance j (one entry per pin). */
    private static List<Integer> drivers(Netlist net, CellModel[] models, int j) {
        Instance inst = net.instances().get(j);
        List<Integer> out = new ArrayList<>();
        for (int pin : models[j].inputPins) {
            if (pin == models[j].clockPin) {
                continue;
            }
            int d = net.driverInstance(inst.net(pin));
            if (d >= 0) {
                out.add(d);
            }
        }
        return out;
    }

    /** Walks back from a node left unordered: each has an unordered driver, so the walk closes a loop. */
    private static UserError loopError(Netlist net, CellModel[] models, int[] pending) {
        int start = 0;
        while (pending[start] == 0) {
            start++;
        }
        Set<Integer> path = new LinkedHashSet<>();
        int node = start;
        while (path.add(node)) {
            for (int d : drivers(net, models, node)) {
                if (pending[d] > 0) {
                    node = d;
                    break;
                }
            }
        }
        List<Integer> walk = new ArrayList<>(path);
        List<Integer> loop = new ArrayList<>(walk.subList(walk.indexOf(node), walk.size()));
        Collections.reverse(loop); // driver order
        boolean throughFlipFlop = loop.stream().anyMatch(i -> models[i].flipFlop);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Math.min(loop.size(), 8); i++) {
            names.append(i == 0 ? "" : " -> ").append(net.instances().get(loop.get(i)));
        }
        if (loop.size() > 8) {
            names.append(" -> ... (").append(loop.size()).append(" cells)");
        }
        return new UserError(net.source() + ": expected a feed-forward netlist, got a "
                + (throughFlipFlop ? "feedback loop through flip-flops" : "combinational loop") + ": " + names
                + "; the cycle simulator handles pipelines without feedback only");
    }
}
