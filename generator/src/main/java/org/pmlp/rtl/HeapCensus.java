package org.pmlp.rtl;

/**
 * Listens to the adders and inverters the emitter builds for its bit heaps, told by how many
 * operands are variables and how many are the constant one (the rest are constant zero), before
 * constant folding: the cost model counts its features from this, so it follows the emitter's
 * heap policy by construction rather than by a copy of it.
 */
public interface HeapCensus {
    void fullAdder(int vars, int ones);

    void halfAdder(int vars, int ones);

    /** A heap bit inverted (a negative partial-product bit, or a subtrahend bit of a split heap). */
    void inverter();

    /** No census. */
    HeapCensus NONE = new HeapCensus() {
        @Override
        public void fullAdder(int vars, int ones) {
        }

        @Override
        public void halfAdder(int vars, int ones) {
        }

        @Override
        public void inverter() {
        }
    };
}
