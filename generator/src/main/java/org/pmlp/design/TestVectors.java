package org.pmlp.design;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pmlp.ir.Circuit;
import org.pmlp.ir.Connection;
import org.pmlp.ir.Program;
import org.pmlp.ir.SumNode;
import org.pmlp.quant.QuantizedData;

/**
 * The vectors a design is verified on, with the golden model's answer for each: the quantized
 * test set (labelled), then corner cases derived from the circuit (unlabelled, label -1): all
 * zeros, all ones, and for each first-layer neuron the inputs that drive its sum to its maximum
 * (saturating its activation) and to its minimum.
 */
public record TestVectors(int[][] q, int[] labels, int[] golden) {

    public int size() {
        return q.length;
    }

    /** Number of labelled vectors (the test set). */
    public int labelled() {
        int n = 0;
        for (int l : labels) {
            if (l >= 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param test the quantized test set, or null: then {@code randomCount} seeded random vectors
     *     stand in for it (unlabelled)
     */
    public static TestVectors build(Circuit circuit, Program program, QuantizedData test, int randomCount, long seed) {
        List<int[]> q = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        if (test != null) {
            for (int i = 0; i < test.rows(); i++) {
                q.add(test.q()[i]);
                labels.add(test.labels()[i]);
            }
        } else {
            SplittableRandom r = new SplittableRandom(seed);
            int n = circuit.inputs().size();
            int max = (1 << circuit.inputBits()) - 1;
            for (int k = 0; k < randomCount; k++) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(max + 1);
                }
                q.add(v);
                labels.add(-1);
            }
        }
        for (int[] v : corners(circuit)) {
            q.add(v);
            labels.add(-1);
        }
        int[][] qa = q.toArray(new int[0][]);
        int[] la = labels.stream().mapToInt(Integer::intValue).toArray();
        return new TestVectors(qa, la, program.classifyAll(qa));
    }

    static List<int[]> corners(Circuit c) {
        int n = c.inputs().size();
        int max = (1 << c.inputBits()) - 1;
        List<int[]> out = new ArrayList<>();
        out.add(new int[n]);
        int[] ones = new int[n];
        java.util.Arrays.fill(ones, max);
        out.add(ones);
        for (SumNode s : c.sums(0)) {
            int[] hi = new int[n];
            int[] lo = new int[n];
            List<Connection> conns = c.connections(s);
            for (int i = 0; i < conns.size(); i++) {
                long w = conns.get(i).weight();
                hi[i] = w > 0 ? max : 0;
                lo[i] = w < 0 ? max : 0;
            }
            out.add(hi);
            out.add(lo);
        }
        return out;
    }
}
