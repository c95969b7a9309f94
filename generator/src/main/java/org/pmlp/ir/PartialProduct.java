package org.pmlp.ir;

/**
 * One row of a neuron's bit heap: {@code sign * ((source & mask) << shift)}. Each set bit j of
 * {@code mask} puts the source's bit j into heap column {@code j + shift}.
 */
public record PartialProduct(Node source, long mask, int shift, int sign) {
}
