package org.pmlp.model.imports;

/**
 * The input scaling an imported model was trained with, as the per-feature affine map
 * {@code z = scale * x + offset} that every supported scaler is, plus the fitted feature range
 * when the scaler was a min-max scaler (pmlp can then reuse that range for its own inputs).
 *
 * @param kind what the user used, for messages and provenance ("StandardScaler", ...)
 * @param dataMin the range the scaler was fitted on, or null when unknown
 */
public record SourceScaler(String kind, double[] scale, double[] offset, double[] dataMin, double[] dataMax) {

    /** {@code (x - mean) / std}. */
    public static SourceScaler standard(String kind, double[] mean, double[] std) {
        double[] s = new double[mean.length];
        double[] o = new double[mean.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = 1 / std[i];
            o[i] = -mean[i] / std[i];
        }
        return new SourceScaler(kind, s, o, null, null);
    }

    public boolean hasRange() {
        return dataMin != null;
    }

    public double[] apply(double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = scale[i] * x[i] + offset[i];
        }
        return z;
    }
}
