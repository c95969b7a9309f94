package org.pmlp.quant;

/**
 * Unsigned N-bit input quantization, as the printed ADCs deliver it: {@code q = floor(2^N x)},
 * clamped to [0, 2^N - 1]. With inputs scaled to [0, 0.9] and N = 4, q is in 0..14.
 */
public record InputQuantizer(int bits) {
    public InputQuantizer {
        if (bits < 1 || bits > 16) {
            throw new org.pmlp.UserError("input bits must be in [1, 16], got " + bits);
        }
    }

    public int quantize(double x) {
        double v = Math.floor(Math.scalb(x, bits));
        if (!(v > 0)) {
            return 0;
        }
        return (int) Math.min((1L << bits) - 1, (long) v);
    }

    public int[] quantize(double[] x) {
        int[] q = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = quantize(x[i]);
        }
        return q;
    }

    /** The real value the hardware sees for a scaled input: {@code q / 2^N}. */
    public double[] dequantize(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.scalb((double) quantize(x[i]), -bits);
        }
        return out;
    }
}
