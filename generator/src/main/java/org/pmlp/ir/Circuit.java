package org.pmlp.ir;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The circuit of a quantized MLP as an integer dataflow graph (a JGraphT DAG): input nodes,
 * one sum (bit heap) and one activation per neuron, and the argmax. The Verilog emitter, the
 * bit-exact golden model ({@link Lowering}) and the cost model all read this graph, so they
 * cannot disagree; approximations are passes that edit it.
 */
public final class Circuit {
    private final DirectedAcyclicGraph<Node, Edge> graph = new DirectedAcyclicGraph<>(Edge.class);
    private final List<InputNode> inputs = new ArrayList<>();
    private final List<List<SumNode>> sums = new ArrayList<>();
    private final List<List<ActNode>> acts = new ArrayList<>();
    private final List<String> classLabels;
    private final int inputBits;
    private ArgmaxNode argmax;
    // The graph only grows while the circuit is built (addLayer, addArgmax); passes edit node and
    // edge attributes. Order and operand lists are therefore computed as it grows, never lazily
    // (the emitter and the cost model ask for them per node and per design, possibly from
    // several threads).
    private List<Node> order = List.of();
    /** Each node's operand edges in port order, by {@link Node#index}. */
    private List<Edge>[] operandEdges = newEdgeLists(0);
    /** Each edge's source node, cached as the graph grows (the emitter asks per partial product). */
    private final Map<Edge, Node> sources = new IdentityHashMap<>();
    /** Each node's operand sources in port order, by {@link Node#index} (read per partial product). */
    private Node[][] operandSources = new Node[0][];

    public Circuit(int features, int inputBits, List<String> classLabels) {
        this.inputBits = inputBits;
        this.classLabels = List.copyOf(classLabels);
        for (int f = 0; f < features; f++) {
            InputNode in = new InputNode(f, inputBits);
            inputs.add(in);
            graph.addVertex(in);
        }
        grown();
    }

    /** Adds a layer of neurons reading the previous layer's activations (or the inputs). */
    public void addLayer(int fracBits, long[][] weights, double[][] realWeights, long[] biases, double[] realBiases,
                         ActNode.Kind kind, int msb, int lsb) {
        int l = sums.size();
        List<? extends Node> sources = l == 0 ? inputs : acts.get(l - 1);
        List<SumNode> layerSums = new ArrayList<>();
        List<ActNode> layerActs = new ArrayList<>();
        for (int j = 0; j < weights.length; j++) {
            SumNode s = new SumNode(l, j, realBiases[j], fracBits, biases[j]);
            graph.addVertex(s);
            for (int i = 0; i < sources.size(); i++) {
                Node src = sources.get(i);
                long fullMask = src instanceof InputNode in ? (1L << in.bits()) - 1 : -1L;
                graph.addEdge(src, s, new Connection(i, realWeights[j][i], weights[j][i], fullMask));
            }
            ActNode a = new ActNode(l, j, kind, msb, lsb);
            graph.addVertex(a);
            graph.addEdge(s, a, new Wire(0));
            layerSums.add(s);
            layerActs.add(a);
        }
        sums.add(layerSums);
        acts.add(layerActs);
        grown();
    }

    /** Closes the circuit with the argmax over the last layer's activations. */
    public void addArgmax() {
        List<ActNode> out = acts.get(acts.size() - 1);
        argmax = new ArgmaxNode(out.size());
        graph.addVertex(argmax);
        for (int k = 0; k < out.size(); k++) {
            graph.addEdge(out.get(k), argmax, new Wire(k));
        }
        grown();
    }

    public DirectedAcyclicGraph<Node, Edge> graph() {
        return graph;
    }

    public int inputBits() {
        return inputBits;
    }

    public List<String> classLabels() {
        return classLabels;
    }

    public int classes() {
        return classLabels.size();
    }

    public List<InputNode> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    public int layers() {
        return sums.size();
    }

    public List<SumNode> sums(int layer) {
        return Collections.unmodifiableList(sums.get(layer));
    }

    public List<ActNode> acts(int layer) {
        return Collections.unmodifiableList(acts.get(layer));
    }

    public ArgmaxNode argmax() {
        return argmax;
    }

    /** "21-3-3". */
    public String topology() {
        StringBuilder sb = new StringBuilder().append(inputs.size());
        for (List<SumNode> l : sums) {
            sb.append('-').append(l.size());
        }
        return sb.toString();
    }

    /** Nodes in a topological order that is the same every time (insertion order breaks ties). */
    public List<Node> topologicalOrder() {
        return order;
    }

    private int rank(Node n) {
        if (n instanceof InputNode in) {
            return in.feature();
        }
        if (n instanceof SumNode s) {
            return 1_000_000 * (1 + s.layer()) + 2 * s.neuron();
        }
        if (n instanceof ActNode a) {
            return 1_000_000 * (1 + a.layer()) + 2 * a.neuron() + 1;
        }
        return Integer.MAX_VALUE;
    }

    @SuppressWarnings("unchecked")
    private static List<Edge>[] newEdgeLists(int n) {
        return new List[n];
    }

    /** A node's operand edges in port order. */
    public List<Edge> operands(Node n) {
        return operandEdges[indexOf(n)];
    }

    /** The node's index, checked to be this circuit's node (array lookups: the census asks per neuron). */
    private int indexOf(Node n) {
        int i = n.index();
        if (i < 0 || i >= order.size() || order.get(i) != n) {
            throw new IllegalArgumentException(n + " is not a node of this circuit");
        }
        return i;
    }

    private void grown() {
        List<Node> o = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.comparingInt(this::rank)).forEachRemaining(o::add);
        order = Collections.unmodifiableList(o);
        for (int i = 0; i < o.size(); i++) {
            o.get(i).index(i);
        }
        sources.clear();
        for (Edge e : graph.edgeSet()) {
            sources.put(e, graph.getEdgeSource(e));
        }
        operandSources = new Node[o.size()][];
        operandEdges = newEdgeLists(o.size());
        for (Node n : graph.vertexSet()) {
            List<Edge> in = new ArrayList<>(graph.incomingEdgesOf(n));
            in.sort(Comparator.comparingInt(Edge::port));
            operandEdges[n.index()] = Collections.unmodifiableList(in);
            Node[] src = new Node[in.size()];
            for (int i = 0; i < src.length; i++) {
                src[i] = sources.get(in.get(i));
            }
            operandSources[n.index()] = src;
        }
    }

    /** How many nodes the circuit has: {@link Node#index} is below it. */
    public int nodeCount() {
        return order.size();
    }

    public List<Connection> connections(SumNode s) {
        List<Connection> out = new ArrayList<>();
        for (Edge e : operands(s)) {
            out.add((Connection) e);
        }
        return out;
    }

    public Node source(Edge e) {
        Node n = sources.get(e);
        if (n == null) {
            throw new IllegalArgumentException(e + " is not an edge of this circuit");
        }
        return n;
    }

    public SumNode sumOf(ActNode a) {
        return (SumNode) operandSources[indexOf(a)][0];
    }

    public Node operand(Node n, int port) {
        return operandSources[indexOf(n)][port];
    }

    /**
     * The smallest exponent among the neuron's sources; every connection is aligned to it by a
     * left shift of {@code exponent(source) - minSourceExponent}.
     */
    public int minSourceExponent(SumNode s) {
        int min = Integer.MAX_VALUE;
        for (Node src : sourcesOf(s)) {
            min = Math.min(min, src.exponent());
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    /** The node's operand sources in port order (shared array: not to be changed). */
    private Node[] sourcesOf(Node n) {
        operands(n); // refuses a node of another circuit
        return operandSources[n.index()];
    }

    /**
     * The bias on the sum's own scale: {@code bias * 2^-minSourceExponent}, rounded half up when
     * that is a right shift (sources coarser than 2^0). Exact for any shift.
     */
    public BigInteger exactAlignedBias(SumNode s) {
        return exactAlignedBias(s.bias(), -minSourceExponent(s));
    }

    private static BigInteger exactAlignedBias(long bias, int shift) {
        BigInteger b = BigInteger.valueOf(bias);
        if (shift >= 0) {
            return b.shiftLeft(shift);
        }
        return b.add(BigInteger.ONE.shiftLeft(-shift - 1)).shiftRight(-shift);
    }

    /** The constant of the neuron's heap, exactly: aligned bias plus truncation compensation. */
    public BigInteger exactHeapConstant(SumNode s) {
        return exactAlignedBias(s).add(BigInteger.valueOf(s.compensation()));
    }

    /**
     * The constant of the neuron's heap as a long. Width inference refuses a circuit whose
     * constant does not fit ({@link WidthInference#MAX_BITS}); on a circuit still being edited
     * an out-of-range constant saturates (such values are never read).
     */
    public long heapConstant(SumNode s) {
        return heapConstant(s.bias(), s.compensation(), minSourceExponent(s));
    }

    /** {@link #heapConstant(SumNode)} from its parts (shared with {@link FlatNetwork}). */
    static long heapConstant(long b, long comp, int minSourceExponent) {
        int shift = -minSourceExponent;
        if (Math.abs(b) < 1L << 31 && shift > -63 && shift <= 30 && Math.abs(comp) < 1L << 61) {
            // The usual case, exact in long: |aligned| < 2^61.
            return (shift >= 0 ? b << shift : (b + (1L << (-shift - 1))) >> -shift) + comp;
        }
        BigInteger k = exactAlignedBias(b, shift).add(BigInteger.valueOf(comp));
        if (k.bitLength() >= 64) {
            return k.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return k.longValue();
    }

    /**
     * The neuron's bit heap as rows of partial products: each non-zero CSD digit of each
     * connection's weight is one row of the masked source bits, shifted by the digit's position
     * plus the source's alignment; bits that would land below the truncation column are dropped.
     * Requires inferred widths on the sources.
     */
    public List<PartialProduct> partialProducts(SumNode s) {
        return partialProducts(s, false);
    }

    /**
     * {@link #partialProducts(SumNode)} with each source's bits cut at its nominal width
     * ({@link Node#nominalWidth()}) instead of its inferred one: the rows the truncation
     * compensation counts, so that its value does not depend on how tight inference is.
     */
    public List<PartialProduct> nominalPartialProducts(SumNode s) {
        return partialProducts(s, true);
    }

    private List<PartialProduct> partialProducts(SumNode s, boolean nominal) {
        PartialProductRows rows = new PartialProductRows();
        partialProducts(s, nominal, rows);
        List<PartialProduct> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            out.add(new PartialProduct(rows.source(i), rows.mask(i), rows.shift(i), rows.sign(i)));
        }
        return out;
    }

    /**
     * {@link #partialProducts(SumNode)} into a buffer the caller keeps (the search's census reads
     * the rows of every neuron of every candidate: a list of records per neuron was a fifth of
     * it); the heap's constant ({@link #heapConstant}) is left in the buffer too, as both need
     * the sources' alignment.
     */
    public void partialProducts(SumNode s, PartialProductRows rows) {
        partialProducts(s, false, rows);
    }

    private void partialProducts(SumNode s, boolean nominal, PartialProductRows rows) {
        rows.clear();
        List<Edge> ops = operands(s);
        Node[] srcs = operandSources[s.index()];
        int minExp = minSourceExponent(s);
        rows.constant(heapConstant(s.bias(), s.compensation(), minExp));
        int trunc = s.truncation();
        for (int i = 0; i < srcs.length; i++) {
            Connection c = (Connection) ops.get(i);
            if (c.weight() == 0) {
                continue;
            }
            Node src = srcs[i];
            long mask = c.mask() & (nominal ? src.nominalValueMask() : src.valueMask()) & activeBits(src);
            int align = src.exponent() - minExp;
            // the weight's canonical signed digits, lowest first, as quant.Csd.digits (inline: no list per connection)
            long v = c.weight();
            for (int digit = 0; v != 0; digit++, v >>= 1) {
                if ((v & 1) == 0) {
                    continue;
                }
                int sign = 2 - (int) (v & 3);
                v -= sign;
                int shift = digit + align;
                long m = mask;
                int dropBelow = trunc - shift;
                if (dropBelow > 0) {
                    m &= dropBelow >= 63 ? 0 : ~((1L << dropBelow) - 1);
                }
                if (m != 0) {
                    rows.add(src, m, shift, sign);
                }
            }
        }
    }

    /** Bits a source can actually have: those an input's values can set, all bits otherwise. */
    private static long activeBits(Node src) {
        return src instanceof InputNode in ? in.usedBits() : -1L;
    }

    public void invalidateWidths() {
        for (Node n : graph.vertexSet()) {
            n.invalidate();
        }
    }
}
