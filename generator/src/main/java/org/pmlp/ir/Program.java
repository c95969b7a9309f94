package org.pmlp.ir;

/**
 * A circuit lowered to flat integer arrays, and its interpreter: the bit-exact golden model.
 * The same code scores candidates in the design-space search, so it is allocation-free per
 * sample: callers keep one {@link Scratch} per thread.
 */
public final class Program {
    static final int OP_SUM = 0;
    static final int OP_RELU = 1;
    static final int OP_IDENTITY = 2;

    final int features;
    final int slots;
    final long[] inputMask;
    /** Per feature, its code table ({@link InputNode#table()}), null for the identity. */
    final int[][] inputTable;
    // Operations after the inputs, in topological order; slot = features + op index.
    final int[] opKind;
    final int[] opSrc;
    final long[] opConst;
    final int[] opLsb;
    final long[] opSat;
    final int[] termStart;
    final int[] termSrc;
    final long[] termMask;
    final long[] termCoef;
    // Argmax tournament.
    final int[] leafSlot;
    final int[] leafClass;
    final int[] cmpLeft;
    final int[] cmpRight;
    final int[] cmpShift;
    private final java.util.Map<Node, Integer> slotMap;

    Program(int features, long[] inputMask, int[][] inputTable, int[] opKind, int[] opSrc, long[] opConst, int[] opLsb, long[] opSat,
            int[] termStart, int[] termSrc, long[] termMask, long[] termCoef,
            int[] leafSlot, int[] leafClass, int[] cmpLeft, int[] cmpRight, int[] cmpShift,
            java.util.Map<Node, Integer> slotMap) {
        this.slotMap = slotMap;
        this.features = features;
        this.slots = features + opKind.length;
        this.inputMask = inputMask;
        this.inputTable = inputTable;
        this.opKind = opKind;
        this.opSrc = opSrc;
        this.opConst = opConst;
        this.opLsb = opLsb;
        this.opSat = opSat;
        this.termStart = termStart;
        this.termSrc = termSrc;
        this.termMask = termMask;
        this.termCoef = termCoef;
        this.leafSlot = leafSlot;
        this.leafClass = leafClass;
        this.cmpLeft = cmpLeft;
        this.cmpRight = cmpRight;
        this.cmpShift = cmpShift;
    }

    /** Per-thread working memory. */
    public final class Scratch {
        final long[] v = new long[slots];
        final long[] entryValue = new long[2 * leafSlot.length];
        final int[] entryClass = new int[2 * leafSlot.length];

        /** Node values of the last {@link #classify} call, by slot. */
        public long[] values() {
            return v;
        }
    }

    /** Where a node's value lands in {@link Scratch#values()}. */
    public int slotOf(Node n) {
        return slotMap.get(n);
    }

    public Scratch scratch() {
        return new Scratch();
    }

    public int features() {
        return features;
    }

    /** The class the circuit outputs for quantized inputs {@code q}. */
    public int classify(int[] q, Scratch s) {
        final long[] v = s.v;
        for (int i = 0; i < features; i++) {
            int[] t = inputTable[i];
            v[i] = (t == null ? q[i] : t[q[i] & (t.length - 1)]) & inputMask[i];
        }
        final int ops = opKind.length;
        for (int k = 0; k < ops; k++) {
            long r;
            switch (opKind[k]) {
                case OP_SUM: {
                    long acc = opConst[k];
                    for (int t = termStart[k], end = termStart[k + 1]; t < end; t++) {
                        acc += termCoef[t] * (v[termSrc[t]] & termMask[t]);
                    }
                    r = acc;
                    break;
                }
                case OP_RELU: {
                    long x = v[opSrc[k]] >> opLsb[k];
                    r = x < 0 ? 0 : Math.min(x, opSat[k]);
                    break;
                }
                default:
                    r = v[opSrc[k]] >> opLsb[k];
                    break;
            }
            v[features + k] = r;
        }
        final int leaves = leafSlot.length;
        final long[] ev = s.entryValue;
        final int[] ec = s.entryClass;
        for (int i = 0; i < leaves; i++) {
            ev[i] = v[leafSlot[i]];
            ec[i] = leafClass[i];
        }
        for (int c = 0; c < cmpLeft.length; c++) {
            int l = cmpLeft[c];
            int r = cmpRight[c];
            int sh = cmpShift[c];
            int w = (ev[r] >> sh) > (ev[l] >> sh) ? r : l;
            ev[leaves + c] = ev[w];
            ec[leaves + c] = ec[w];
        }
        return ec[leaves == 1 ? 0 : leaves + cmpLeft.length - 1];
    }

    /** Classifies every row. */
    public int[] classifyAll(int[][] q) {
        Scratch s = scratch();
        int[] out = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            out[i] = classify(q[i], s);
        }
        return out;
    }

    /** Number of rows whose class equals the label. */
    public int countCorrect(int[][] q, int[] labels, int from, int to, Scratch s) {
        int ok = 0;
        for (int i = from; i < to; i++) {
            if (classify(q[i], s) == labels[i]) {
                ok++;
            }
        }
        return ok;
    }
}
