package org.pmlp.ir;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.pmlp.quant.Csd;

/**
 * The search's hot path: one base circuit (its weights fixed by the weight formats) in flat
 * arrays, with the knobs the search turns applied as edits ({@link #setInputMask},
 * {@link #setConnectionMask}, {@link #setWindow}, {@link #setTruncation}, {@link #setArgmax}),
 * in the spirit of da4ml's flat adder-graph IR with its exact integer interpreter.
 *
 * <p>{@link #infer} reproduces {@link WidthInference} (and the truncation compensation of the
 * truncation pass) incrementally: only neurons whose own knobs or whose sources' ranges changed
 * since the last call are recomputed. {@link #countCorrect} is the golden model
 * ({@link Program}) run column by column over a whole data set, again recomputing only the
 * neurons whose heap changed. {@link #syncedCircuit} writes the same state into the base
 * {@link Circuit} (no graph is built) so that code reading circuits (the cost model) sees exactly
 * what {@code DesignFlow} would have built. One instance per thread: it holds working memory.
 */
public final class FlatNetwork {
    private final Circuit circuit;
    private final String tag;
    private final int features;
    private final int inputBits;
    final int layers;
    final int classes;
    final int[] size;
    private final int[] fanIn;
    // Base, fixed: weights as CSD digits, layer grids, biases.
    private final long[][][] weight;
    private final int[][][][] digitShift;
    private final int[][][][] digitSign;
    private final int[][] fracBits;
    private final long[][] bias;
    // Circuit objects, for synchronisation.
    private final List<InputNode> inputNodes;
    private final SumNode[][] sumNodes;
    private final ActNode[][] actNodes;
    private final Connection[][][] connections;
    // Knobs.
    private final long[] inputMask;
    /** Per feature its code table ({@link InputNode#table()}), null for the identity. */
    final int[][] inputTable;
    /**
     * Per feature, of its masked values: the largest ({@link InputNode#maxValue}) and the bits any
     * sets ({@link InputNode#usedBits}), kept with the mask and table (inference asks for them per
     * row of every neuron; each is a pass over a table).
     */
    private final long[] inputMax;
    private final long[] inputUsed;
    /** Per feature with a table, its distinct masked values ({@link ConnectionRange#distinctValues}), and how many. */
    private final long[][] inputValues;
    private final int[] inputValueCount;
    private final long[][][] connMask;
    final boolean[][] relu;
    final int[][] msb;
    final int[][] lsb;
    private final int[][] truncation;
    private boolean compensate = true;
    final int[] order;
    final int[] compareBits;
    final int[] ignoreLow;
    // Ranges without truncation (what the compensation is computed from), and final ones.
    private final Ranges plain;
    private final Ranges exact;
    private final Knobs was;
    private final FlatGolden golden;
    private final long[][] compensation;
    private boolean truncates;
    private boolean dirtyCompensation = true;
    final long[][][] termMask;
    final long[][][] termCoef;
    final int[][][] termSrc;
    final long[][] constant;
    final long[][] termBound;

    private FlatNetwork(Circuit c, String tag) {
        this.circuit = c;
        this.tag = tag;
        this.features = c.inputs().size();
        this.inputBits = c.inputBits();
        this.layers = c.layers();
        this.classes = c.classes();
        this.inputNodes = c.inputs();
        size = new int[layers];
        fanIn = new int[layers];
        weight = new long[layers][][];
        digitShift = new int[layers][][][];
        digitSign = new int[layers][][][];
        fracBits = new int[layers][];
        bias = new long[layers][];
        sumNodes = new SumNode[layers][];
        actNodes = new ActNode[layers][];
        connections = new Connection[layers][][];
        connMask = new long[layers][][];
        relu = new boolean[layers][];
        msb = new int[layers][];
        lsb = new int[layers][];
        truncation = new int[layers][];
        compensation = new long[layers][];
        termMask = new long[layers][][];
        termCoef = new long[layers][][];
        termSrc = new int[layers][][];
        constant = new long[layers][];
        termBound = new long[layers][];
        for (int l = 0; l < layers; l++) {
            List<SumNode> sums = c.sums(l);
            int n = sums.size();
            size[l] = n;
            fanIn[l] = l == 0 ? features : size[l - 1];
            weight[l] = new long[n][fanIn[l]];
            digitShift[l] = new int[n][fanIn[l]][];
            digitSign[l] = new int[n][fanIn[l]][];
            fracBits[l] = new int[n];
            bias[l] = new long[n];
            sumNodes[l] = sums.toArray(new SumNode[0]);
            actNodes[l] = c.acts(l).toArray(new ActNode[0]);
            connections[l] = new Connection[n][];
            connMask[l] = new long[n][fanIn[l]];
            relu[l] = new boolean[n];
            msb[l] = new int[n];
            lsb[l] = new int[n];
            truncation[l] = new int[n];
            compensation[l] = new long[n];
            termMask[l] = new long[n][];
            termCoef[l] = new long[n][];
            termSrc[l] = new int[n][];
            constant[l] = new long[n];
            termBound[l] = new long[n];
            for (int j = 0; j < n; j++) {
                SumNode s = sums.get(j);
                connections[l][j] = c.connections(s).toArray(new Connection[0]);
                if (connections[l][j].length != fanIn[l]) {
                    throw new IllegalArgumentException("neuron " + s.name() + " is not fully connected");
                }
                fracBits[l][j] = s.fracBits();
                bias[l][j] = s.bias();
                if (s.truncation() != 0 || s.compensation() != 0) {
                    throw new IllegalArgumentException("the base circuit must not be truncated");
                }
                for (int i = 0; i < fanIn[l]; i++) {
                    long w = connections[l][j][i].weight();
                    weight[l][j][i] = w;
                    List<Csd.Digit> d = Csd.digits(w);
                    digitShift[l][j][i] = d.stream().mapToInt(Csd.Digit::shift).toArray();
                    digitSign[l][j][i] = d.stream().mapToInt(Csd.Digit::sign).toArray();
                }
            }
        }
        inputMask = new long[features];
        inputTable = new int[features][];
        inputMax = new long[features];
        inputUsed = new long[features];
        inputValues = new long[features][];
        inputValueCount = new int[features];
        order = new int[classes];
        compareBits = new int[Math.max(0, classes - 1)];
        ignoreLow = new int[Math.max(0, classes - 1)];
        plain = new Ranges(false);
        exact = new Ranges(true);
        was = new Knobs();
        golden = new FlatGolden(this);
        reset();
    }

    /**
     * The flat form of a base circuit: built and weight-formatted, not yet edited by any other
     * pass (all bits, full windows, no truncation, exact argmax). The circuit becomes this
     * network's: {@link #syncedCircuit} overwrites its knobs and widths.
     *
     * @param tag what the base was built for (e.g. its weight formats), checked by passes
     */
    public static FlatNetwork of(Circuit base, String tag) {
        return new FlatNetwork(base, tag);
    }

    public String tag() {
        return tag;
    }

    public int inputBits() {
        return inputBits;
    }

    public int layers() {
        return layers;
    }

    public int neurons(int layer) {
        return size[layer];
    }

    public int classes() {
        return classes;
    }

    /** Back to the base circuit's knobs. */
    public void reset() {
        for (int f = 0; f < features; f++) {
            setInputMask(f, -1L);
            setInputTable(f, null);
        }
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            for (int j = 0; j < size[l]; j++) {
                for (int i = 0; i < fanIn[l]; i++) {
                    setConnectionMask(l, j, i, l == 0 ? (1L << inputBits) - 1 : -1L);
                }
                setWindow(l, j, last ? ActNode.Kind.IDENTITY : ActNode.Kind.RELU, CircuitBuilder.FULL_MSB, 0);
                setTruncation(l, j, 0);
            }
        }
        setCompensate(true);
        int[] identity = new int[classes];
        for (int k = 0; k < classes; k++) {
            identity[k] = k;
        }
        int[] all = new int[compareBits.length];
        Arrays.fill(all, Integer.MAX_VALUE);
        setArgmax(identity, all, new int[ignoreLow.length]);
    }

    /** As {@link InputNode#setMask}. */
    public void setInputMask(int feature, long mask) {
        inputMask[feature] = mask & ((1L << inputBits) - 1);
        inputChanged(feature);
    }

    /** As {@link InputNode#setTable}. */
    public void setInputTable(int feature, int[] table) {
        inputTable[feature] = InputNode.normalize(table, inputBits);
        inputChanged(feature);
    }

    private void inputChanged(int feature) {
        inputMax[feature] = InputNode.maxValue(inputTable[feature], inputMask[feature]);
        inputUsed[feature] = InputNode.usedBits(inputTable[feature], inputMask[feature]);
        if (inputTable[feature] != null) {
            if (inputValues[feature] == null) {
                inputValues[feature] = new long[inputTable[feature].length];
            }
            inputValueCount[feature] = ConnectionRange.distinctValues(inputTable[feature], inputMask[feature],
                    inputValues[feature]);
        }
    }

    /** As {@link Connection#setMask} on input {@code i} of neuron {@code j} of layer {@code l}. */
    public void setConnectionMask(int l, int j, int i, long mask) {
        connMask[l][j][i] = mask;
    }

    /** As {@link ActNode#setWindow}. */
    public void setWindow(int l, int j, ActNode.Kind kind, int msbBit, int lsbBit) {
        if (msbBit < lsbBit || lsbBit < 0) {
            throw new IllegalArgumentException("window [" + msbBit + ":" + lsbBit + "] of a" + l + "_" + j);
        }
        relu[l][j] = kind == ActNode.Kind.RELU;
        msb[l][j] = msbBit;
        lsb[l][j] = lsbBit;
    }

    /** Heap columns of the neuron dropped (the truncation pass's {@code columns}). */
    public void setTruncation(int l, int j, int columns) {
        truncation[l][j] = columns;
    }

    /** Whether truncated neurons get their compensation constant (the truncation pass's {@code compensate}). */
    public void setCompensate(boolean on) {
        compensate = on;
    }

    /**
     * As {@link ArgmaxNode#setOrder}, {@link ArgmaxNode#setCompareBits} and
     * {@link ArgmaxNode#setIgnoreLow}; a null argument leaves that setting as it is.
     */
    public void setArgmax(int[] classOrder, int[] bits, int[] low) {
        if (classOrder == null || bits == null || low == null) { // null: as it is (as the argmax pass)
            setArgmax(classOrder == null ? order.clone() : classOrder, bits == null ? compareBits.clone() : bits,
                    low == null ? ignoreLow.clone() : low);
            return;
        }
        int[] sorted = classOrder.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] != i || sorted.length != classes) {
                throw new IllegalArgumentException("order must be a permutation of 0.." + (classes - 1));
            }
        }
        if (bits.length != compareBits.length || low.length != ignoreLow.length) {
            throw new IllegalArgumentException("expected " + (classes - 1) + " comparators");
        }
        System.arraycopy(classOrder, 0, order, 0, classes);
        System.arraycopy(bits, 0, compareBits, 0, bits.length);
        System.arraycopy(low, 0, ignoreLow, 0, low.length);
    }

    private void touch(int l, int j) {
        plain.dirtySum[l][j] = true;
        exact.dirtySum[l][j] = true;
        golden.touch(l, j);
        dirtyCompensation = true;
    }

    /**
     * Marks what the edits since the last {@link #infer} changed, comparing every knob with its
     * value then: this is what makes inference and the golden model incremental.
     */
    private void diffKnobs() {
        for (int f = 0; f < features; f++) {
            boolean tableChanged = !Arrays.equals(inputTable[f], was.inputTable[f]);
            if (inputMask[f] != was.inputMask[f] || tableChanged) {
                was.inputMask[f] = inputMask[f];
                was.inputTable[f] = inputTable[f];
                if (tableChanged) {
                    golden.inputChanged(f); // its mapped column; the mask is in the terms
                }
                for (int j = 0; j < size[0]; j++) {
                    touch(0, j);
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < size[l]; j++) {
                if (!Arrays.equals(connMask[l][j], was.connMask[l][j])) {
                    System.arraycopy(connMask[l][j], 0, was.connMask[l][j], 0, fanIn[l]);
                    touch(l, j);
                }
                if (relu[l][j] != was.relu[l][j] || msb[l][j] != was.msb[l][j] || lsb[l][j] != was.lsb[l][j]) {
                    was.relu[l][j] = relu[l][j];
                    was.msb[l][j] = msb[l][j];
                    was.lsb[l][j] = lsb[l][j];
                    plain.dirtyAct[l][j] = true;
                    exact.dirtyAct[l][j] = true;
                    golden.touch(l, j); // the activation column, and through it the next layer
                    dirtyCompensation = true;
                }
                if (truncation[l][j] != was.truncation[l][j]) {
                    was.truncation[l][j] = truncation[l][j];
                    exact.dirtySum[l][j] = true;
                    golden.touch(l, j);
                    dirtyCompensation = true;
                }
            }
        }
        if (compensate != was.compensate) {
            was.compensate = compensate;
            dirtyCompensation = true;
        }
    }

    /** The knobs as of the last {@link #infer}. */
    private final class Knobs {
        final long[] inputMask = new long[features];
        final int[][] inputTable = new int[features][];
        final long[][][] connMask = new long[layers][][];
        final boolean[][] relu = new boolean[layers][];
        final int[][] msb = new int[layers][];
        final int[][] lsb = new int[layers][];
        final int[][] truncation = new int[layers][];
        boolean compensate;

        Knobs() {
            Arrays.fill(inputMask, -1L); // never a real mask: the first diff marks everything
            for (int l = 0; l < layers; l++) {
                connMask[l] = new long[size[l]][fanIn[l]];
                relu[l] = new boolean[size[l]];
                msb[l] = new int[size[l]];
                lsb[l] = new int[size[l]];
                truncation[l] = new int[size[l]];
            }
        }
    }

    /**
     * Infers every range as {@link WidthInference#run} would on the edited circuit, including
     * the truncation compensation.
     *
     * @return false when some value needs more than {@link WidthInference#MAX_BITS} bits (the
     *     full flow reports such a design; callers fall back to it)
     */
    public boolean infer() {
        diffKnobs();
        if (inferChanged()) {
            return true;
        }
        // Some value is too wide: forget what is known, so a later call starts afresh.
        for (Ranges r : new Ranges[] {plain, exact}) {
            for (int l = 0; l < layers; l++) {
                Arrays.fill(r.dirtySum[l], true);
                Arrays.fill(r.dirtyAct[l], true);
            }
        }
        dirtyCompensation = true;
        return false;
    }

    private boolean inferChanged() {
        boolean any = false;
        for (int[] layer : truncation) {
            for (int t : layer) {
                any |= t > 0;
            }
        }
        truncates = any;
        if (dirtyCompensation) {
            if (compensate && truncates) {
                // As the truncation pass: compensation from the widths of the untruncated circuit.
                if (!plain.infer(false)) {
                    return false;
                }
                for (int l = 0; l < layers; l++) {
                    for (int j = 0; j < size[l]; j++) {
                        long comp = truncation[l][j] > 0 ? compensationOf(l, j) : 0;
                        if (comp == Long.MIN_VALUE) {
                            return false;
                        }
                        setCompensation(l, j, comp);
                    }
                }
            } else {
                for (int l = 0; l < layers; l++) {
                    for (int j = 0; j < size[l]; j++) {
                        setCompensation(l, j, 0);
                    }
                }
            }
            dirtyCompensation = false;
        }
        return exact.infer(true);
    }

    private void setCompensation(int l, int j, long comp) {
        if (compensation[l][j] != comp) {
            compensation[l][j] = comp;
            exact.dirtySum[l][j] = true;
            golden.touch(l, j);
        }
    }

    /** Half of twice the expected value of the dropped bits, or Long.MIN_VALUE when too wide. */
    private long compensationOf(int l, int j) {
        int t = truncation[l][j];
        int rows = plain.rows(l, j, 0, true);
        long[] rm = plain.rowMask;
        int[] rs = plain.rowShift;
        int[] sg = plain.rowSign;
        BigInteger half;
        if (t <= 48) {
            long twice = 0;
            for (int r = 0; r < rows; r++) {
                long low = lowBits(rm[r], t - rs[r]);
                twice += sg[r] * (low << rs[r]); // shifts are never negative (sources align upwards)
            }
            half = BigInteger.valueOf((twice + 1) >> 1);
        } else {
            BigInteger twice = BigInteger.ZERO;
            for (int r = 0; r < rows; r++) {
                for (int b = 0; b < 63; b++) {
                    if ((rm[r] >> b & 1) != 0 && b + rs[r] < t) {
                        twice = twice.add(BigInteger.valueOf(sg[r]).shiftLeft(b + rs[r]));
                    }
                }
            }
            half = twice.add(BigInteger.ONE).shiftRight(1);
        }
        return half.bitLength() > WidthInference.MAX_BITS ? Long.MIN_VALUE : half.longValue();
    }

    /** The bits of m below bit {@code below} (none when below <= 0). */
    private static long lowBits(long m, int below) {
        if (below <= 0) {
            return 0;
        }
        return below >= 63 ? m : m & ((1L << below) - 1);
    }

    /**
     * Value ranges of every node under the current knobs, with or without truncation: the
     * inferred (tight) ones and the nominal ones, as {@link WidthInference}.
     */
    private final class Ranges {
        /** Whether the tight ranges are wanted (else they are copies of the nominal ones). */
        private final boolean tight;
        private final ConnectionRange range = new ConnectionRange();
        final long[][] sLo = new long[layers][];
        final long[][] sNomLo = new long[layers][];
        final long[][] sNomHi = new long[layers][];
        final long[][] aNomLo = new long[layers][];
        final long[][] aNomHi = new long[layers][];
        final long[][] sHi = new long[layers][];
        final int[][] sExp = new int[layers][];
        final long[][] aLo = new long[layers][];
        final long[][] aHi = new long[layers][];
        final int[][] aExp = new int[layers][];
        final boolean[][] dirtySum = new boolean[layers][];
        final boolean[][] dirtyAct = new boolean[layers][];
        // Rows of the last neuron asked for (see rows()).
        long[] rowMask = new long[64];
        int[] rowShift = new int[64];
        int[] rowSign = new int[64];
        int[] rowSrc = new int[64];
        /** How many rows the last {@link #inferSum} left in the row arrays (its tight rows, when tight). */
        int rowCount;
        /** {@link #lowerTerms}'s working arrays. */
        private int[] workSrc = new int[64];
        private long[] workMask = new long[64];
        private long[] workCoef = new long[64];

        Ranges(boolean tight) {
            this.tight = tight;
            for (int l = 0; l < layers; l++) {
                sNomLo[l] = new long[size[l]];
                sNomHi[l] = new long[size[l]];
                aNomLo[l] = new long[size[l]];
                aNomHi[l] = new long[size[l]];
                sLo[l] = new long[size[l]];
                sHi[l] = new long[size[l]];
                sExp[l] = new int[size[l]];
                aLo[l] = new long[size[l]];
                aHi[l] = new long[size[l]];
                aExp[l] = new int[size[l]];
                dirtySum[l] = new boolean[size[l]];
                dirtyAct[l] = new boolean[size[l]];
                Arrays.fill(dirtySum[l], true);
                Arrays.fill(dirtyAct[l], true);
            }
        }

        long srcHi(int l, int i) {
            return l == 0 ? inputMax[i] : aHi[l - 1][i];
        }

        long srcLo(int l, int i) {
            return l == 0 ? 0 : aLo[l - 1][i];
        }

        long srcNomHi(int l, int i) {
            // An input's nominal range is its inferred one, as WidthInference sets it.
            return l == 0 ? inputMax[i] : aNomHi[l - 1][i];
        }

        long srcNomLo(int l, int i) {
            return l == 0 ? 0 : aNomLo[l - 1][i];
        }

        int srcExp(int l, int i) {
            return l == 0 ? -inputBits : aExp[l - 1][i];
        }

        int minSourceExponent(int l) {
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < fanIn[l]; i++) {
                min = Math.min(min, srcExp(l, i));
            }
            return min == Integer.MAX_VALUE ? 0 : min;
        }

        /**
         * As {@link Circuit#partialProducts} (or with {@code nominal}
         * {@link Circuit#nominalPartialProducts}), into the row arrays; returns the row count.
         */
        int rows(int l, int j, int trunc, boolean nominal) {
            int minExp = minSourceExponent(l);
            int n = 0;
            for (int i = 0; i < fanIn[l]; i++) {
                if (weight[l][j][i] == 0) {
                    continue;
                }
                int width = nominal ? Node.widthOf(srcNomLo(l, i), srcNomHi(l, i)) : Node.widthOf(srcLo(l, i), srcHi(l, i));
                long valueMask = width >= 63 ? -1L : (1L << width) - 1;
                long mask = connMask[l][j][i] & valueMask & (l == 0 ? inputUsed[i] : -1L);
                int align = srcExp(l, i) - minExp;
                int[] ds = digitShift[l][j][i];
                int[] dg = digitSign[l][j][i];
                for (int d = 0; d < ds.length; d++) {
                    int shift = ds[d] + align;
                    long m = mask;
                    int dropBelow = trunc - shift;
                    if (dropBelow > 0) {
                        m &= dropBelow >= 63 ? 0 : ~((1L << dropBelow) - 1);
                    }
                    if (m != 0) {
                        if (n == rowMask.length) {
                            rowMask = Arrays.copyOf(rowMask, 2 * n);
                            rowShift = Arrays.copyOf(rowShift, 2 * n);
                            rowSign = Arrays.copyOf(rowSign, 2 * n);
                            rowSrc = Arrays.copyOf(rowSrc, 2 * n);
                        }
                        rowMask[n] = m;
                        rowShift[n] = shift;
                        rowSign[n] = dg[d];
                        rowSrc[n] = i;
                        n++;
                    }
                }
            }
            return n;
        }

        /** @return false when a value is too wide (the strict inference would refuse it) */
        boolean infer(boolean truncated) {
            for (int l = 0; l < layers; l++) {
                boolean sourcesChanged = false;
                for (int j = 0; j < size[l]; j++) {
                    if (dirtySum[l][j]) {
                        if (!inferSum(l, j, truncated)) {
                            return false;
                        }
                        dirtySum[l][j] = false;
                        dirtyAct[l][j] = true;
                        if (truncated) {
                            lowerTerms(l, j, rowCount);
                        }
                    }
                    if (dirtyAct[l][j]) {
                        dirtyAct[l][j] = false;
                        sourcesChanged |= inferAct(l, j);
                    }
                }
                if (sourcesChanged && l + 1 < layers) {
                    Arrays.fill(dirtySum[l + 1], true);
                }
            }
            return true;
        }

        private boolean inferSum(int l, int j, boolean truncated) {
            int minExp = minSourceExponent(l);
            int exponent = minExp - fracBits[l][j];
            long comp = truncated ? compensation[l][j] : 0;
            int trunc = truncated ? truncation[l][j] : 0;
            long lo;
            long hi;
            try {
                long k = Circuit.heapConstant(bias[l][j], comp, minExp);
                if (Node.widthOf(k, k) > WidthInference.MAX_BITS) {
                    return false;
                }
                lo = k;
                hi = k;
                int n = rows(l, j, trunc, true);
                long lastHi = -1;
                long lastMask = 0;
                long lastMaxAnd = 0;
                for (int r = 0; r < n; r++) {
                    long srcHi = srcNomHi(l, rowSrc[r]);
                    if (srcHi != lastHi || rowMask[r] != lastMask) {
                        // a connection's rows mostly share the mask: one maxAnd per connection
                        lastHi = srcHi;
                        lastMask = rowMask[r];
                        lastMaxAnd = WidthInference.maxAnd(srcHi, lastMask);
                    }
                    long max = WidthInference.shiftExact(lastMaxAnd, rowShift[r]);
                    if (rowSign[r] > 0) {
                        hi = Math.addExact(hi, max);
                    } else {
                        lo = Math.subtractExact(lo, max);
                    }
                }
                if (lo < -(1L << (WidthInference.MAX_BITS - 1)) || hi >= 1L << WidthInference.MAX_BITS
                        || Node.widthOf(lo, hi) > WidthInference.MAX_BITS) {
                    return false;
                }
                sNomLo[l][j] = lo;
                sNomHi[l][j] = hi;
                rowCount = n;
                if (tight) {
                    // Each connection's rows are consecutive: bound its whole contribution.
                    lo = k;
                    hi = k;
                    if (l > 0) {
                        // an input's nominal range is its inferred one: the rows above are these
                        n = rows(l, j, trunc, false);
                        rowCount = n;
                    }
                    for (int r = 0; r < n; ) {
                        int i = rowSrc[r];
                        if (l == 0 && inputTable[i] != null) {
                            range.startValues(inputValues[i], inputValueCount[i], inputMax[i]);
                        } else {
                            range.start(srcLo(l, i), srcHi(l, i));
                        }
                        for (; r < n && rowSrc[r] == i; r++) {
                            range.addRow(rowMask[r], rowShift[r], rowSign[r]);
                        }
                        lo = Math.addExact(lo, range.min());
                        hi = Math.addExact(hi, range.max());
                    }
                }
            } catch (ArithmeticException overflow) {
                return false;
            }
            sLo[l][j] = lo;
            sHi[l][j] = hi;
            sExp[l][j] = exponent;
            return true;
        }

        /** @return whether the activation's range (inferred or nominal) or exponent changed */
        private boolean inferAct(int l, int j) {
            long lo = act(l, j, sLo[l][j]);
            long hi = act(l, j, sHi[l][j]);
            long nLo = act(l, j, sNomLo[l][j]);
            long nHi = act(l, j, sNomHi[l][j]);
            int e = sExp[l][j] + lsb[l][j];
            boolean changed = lo != aLo[l][j] || hi != aHi[l][j] || e != aExp[l][j] || nLo != aNomLo[l][j]
                    || nHi != aNomHi[l][j];
            aLo[l][j] = lo;
            aHi[l][j] = hi;
            aNomLo[l][j] = nLo;
            aNomHi[l][j] = nHi;
            aExp[l][j] = e;
            return changed;
        }

        private long act(int l, int j, long sum) {
            long v = sum >> lsb[l][j];
            if (relu[l][j]) {
                long sat = (1L << (msb[l][j] - lsb[l][j] + 1)) - 1;
                v = Math.max(0, Math.min(sat, v));
            }
            return v;
        }

        /**
         * The golden model's terms of a neuron: rows with the same source and mask merged, as
         * {@link Lowering}. Reads the neuron's tight truncated rows, the {@code n} rows
         * {@link #inferSum} left.
         */
        private void lowerTerms(int l, int j, int n) {
            if (workSrc.length < n) {
                workSrc = new int[2 * n];
                workMask = new long[2 * n];
                workCoef = new long[2 * n];
            }
            int[] src = workSrc;
            long[] mask = workMask;
            long[] coef = workCoef;
            int t = 0;
            int runStart = 0;
            for (int r = 0; r < n; r++) {
                long c = (long) rowSign[r] << rowShift[r];
                if (r == 0 || rowSrc[r] != rowSrc[r - 1]) {
                    // a source's rows are consecutive (one connection per source): only its own terms can match
                    runStart = t;
                }
                int at = -1;
                for (int u = runStart; u < t; u++) {
                    if (src[u] == rowSrc[r] && mask[u] == rowMask[r]) {
                        at = u;
                        break;
                    }
                }
                if (at < 0) {
                    src[t] = rowSrc[r];
                    mask[t] = rowMask[r];
                    coef[t++] = c;
                } else {
                    coef[at] += c;
                }
            }
            int kept = 0;
            for (int u = 0; u < t; u++) {
                if (coef[u] != 0) {
                    src[kept] = src[u];
                    mask[kept] = mask[u];
                    coef[kept++] = coef[u];
                }
            }
            long k = Circuit.heapConstant(bias[l][j], compensation[l][j], minSourceExponent(l));
            // The largest magnitude any partial sum of the heap reaches: decides int or long columns.
            long bound = Math.abs(k);
            for (int u = 0; u < kept && bound < Integer.MAX_VALUE; u++) {
                long x = WidthInference.maxAnd(srcHi(l, src[u]), mask[u]);
                long c = Math.abs(coef[u]);
                bound = x != 0 && c >= Integer.MAX_VALUE / x ? Integer.MAX_VALUE : bound + c * x;
            }
            termBound[l][j] = bound;
            // rewritten only when the terms changed (the golden model then recomputes the neuron)
            if (k != constant[l][j] || termSrc[l][j] == null
                    || !Arrays.equals(src, 0, kept, termSrc[l][j], 0, termSrc[l][j].length)
                    || !Arrays.equals(mask, 0, kept, termMask[l][j], 0, termMask[l][j].length)
                    || !Arrays.equals(coef, 0, kept, termCoef[l][j], 0, termCoef[l][j].length)) {
                constant[l][j] = k;
                if (termSrc[l][j] == null || termSrc[l][j].length != kept) {
                    termSrc[l][j] = new int[kept];
                    termMask[l][j] = new long[kept];
                    termCoef[l][j] = new long[kept];
                }
                // in place: the golden model reads the terms only when it recomputes the neuron
                System.arraycopy(src, 0, termSrc[l][j], 0, kept);
                System.arraycopy(mask, 0, termMask[l][j], 0, kept);
                System.arraycopy(coef, 0, termCoef[l][j], 0, kept);
                golden.touch(l, j);
            }
        }
    }

    /** The nominal width of the argmax's operands, as {@link WidthInference#argmaxNominalWidth}. */
    int argmaxNominalWidth() {
        int last = layers - 1;
        boolean signed = false;
        for (int k = 0; k < classes; k++) {
            signed |= exact.aNomLo[last][k] < 0;
        }
        int w = 1;
        for (int k = 0; k < classes; k++) {
            boolean s = exact.aNomLo[last][k] < 0;
            w = Math.max(w, Node.widthOf(exact.aNomLo[last][k], exact.aNomHi[last][k]) + (signed && !s ? 1 : 0));
        }
        return w;
    }

    /**
     * Rows of {@code data} the inferred design classifies as labelled: the golden model
     * ({@link Program#countCorrect}) run column by column ({@link FlatGolden}). Call
     * {@link #infer} first.
     */
    public int countCorrect(BatchInputs data) {
        return golden.countCorrect(data);
    }

    /**
     * The base circuit with this network's knobs and inferred widths written into it: what
     * {@code DesignFlow} builds for the same passes. Valid until the next edit; call
     * {@link #infer} first.
     */
    public Circuit syncedCircuit() {
        for (InputNode in : inputNodes) {
            in.setMask(inputMask[in.feature()]);
            in.setNormalizedTable(inputTable[in.feature()]);
            in.setInferred(0, in.maxValue(), -inputBits);
        }
        for (int l = 0; l < layers; l++) {
            for (int j = 0; j < size[l]; j++) {
                Connection[] conns = connections[l][j];
                for (int i = 0; i < conns.length; i++) {
                    conns[i].setMask(connMask[l][j][i]);
                }
                SumNode s = sumNodes[l][j];
                s.setTruncation(truncation[l][j], compensation[l][j]);
                s.setInferred(exact.sLo[l][j], exact.sHi[l][j], exact.sNomLo[l][j], exact.sNomHi[l][j], exact.sExp[l][j]);
                ActNode a = actNodes[l][j];
                a.setWindow(relu[l][j] ? ActNode.Kind.RELU : ActNode.Kind.IDENTITY, msb[l][j], lsb[l][j]);
                a.setInferred(exact.aLo[l][j], exact.aHi[l][j], exact.aNomLo[l][j], exact.aNomHi[l][j], exact.aExp[l][j]);
            }
        }
        ArgmaxNode am = circuit.argmax();
        am.setOrder(order);
        am.setCompareBits(compareBits);
        am.setIgnoreLow(ignoreLow);
        am.setInferred(0, classes - 1, 0);
        return circuit;
    }
}
