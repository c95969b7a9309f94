package org.pmlp.rtl;

/** How a neuron's signed bit heap becomes hardware. */
public enum HeapStyle {
    /**
     * One heap: a negative bit b in column c becomes ~b there plus the constant -2^c, folded with
     * the bias into the heap's constant bits (the default: measured cheaper, see README).
     */
    TWOS_COMPLEMENT,
    /** Positive and negative bits in two unsigned heaps, compressed apart and then subtracted. */
    SPLIT
}
