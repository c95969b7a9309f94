package org.pmlp.rtl;

import java.util.List;

/**
 * Which quantized input bit each bit of the top's input port {@code x} carries: only bits the
 * circuit uses are ports (a dropped feature has none).
 */
public record PortMap(List<Bit> bits) {
    /** Port bit p carries bit {@code bit} of quantized feature {@code feature}. */
    public record Bit(int feature, int bit) {
    }

    public int width() {
        return bits.size();
    }

    /** The port value for one vector of quantized features, as hex digits (most significant first). */
    public String hex(int[] q) {
        int w = Math.max(1, bits.size());
        int digits = (w + 3) / 4;
        char[] out = new char[digits];
        for (int d = 0; d < digits; d++) {
            int v = 0;
            for (int k = 0; k < 4; k++) {
                int p = d * 4 + k;
                if (p < bits.size()) {
                    Bit b = bits.get(p);
                    v |= ((q[b.feature()] >> b.bit()) & 1) << k;
                }
            }
            out[digits - 1 - d] = Character.forDigit(v, 16);
        }
        return new String(out);
    }

    /** Features with at least one port bit. */
    public long featuresUsed() {
        return bits.stream().mapToInt(Bit::feature).distinct().count();
    }
}
