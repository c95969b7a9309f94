package org.pmlp.model.imports;

import org.pmlp.model.DenseLayer;
import org.pmlp.model.InputScaler;

/**
 * Moves an imported model's own input scaling into its first layer, so that the model takes
 * the inputs pmlp's circuits take (min-max scaled to [0, 0.9], or the raw data) and computes the
 * same function. If the network expects {@code z = a * u + c} where u is what pmlp feeds it,
 * the first layer becomes {@code W' = W diag(a)}, {@code b' = b + W c}.
 */
final class ScalerFolding {
    private ScalerFolding() {
    }

    /**
     * @param source the model's own scaling (x to z), null for none
     * @param target pmlp's scaling (x to u): {@link InputScaler.MinMax} or {@link InputScaler.Identity}
     */
    static DenseLayer fold(DenseLayer first, SourceScaler source, InputScaler target) {
        int n = first.inputs();
        double[] a = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double s = source == null ? 1 : source.scale()[i];
            double t = source == null ? 0 : source.offset()[i];
            if (target instanceof InputScaler.MinMax mm) {
                // u = lo + (x - min) / span * (hi - lo), so x = min + (u - lo) * span / (hi - lo);
                // a constant feature (span 0) always gives u = lo, i.e. x = min, which a = 0 keeps.
                double k = (mm.max()[i] - mm.min()[i]) / (mm.hi() - mm.lo());
                a[i] = s * k;
                c[i] = s * (mm.min()[i] - mm.lo() * k) + t;
            } else if (target instanceof InputScaler.Identity) {
                a[i] = s;
                c[i] = t;
            } else {
                throw new IllegalArgumentException("cannot fold into a " + target.kind() + " scaler");
            }
        }
        double[][] w = new double[first.outputs()][n];
        double[] b = first.biases().clone();
        for (int j = 0; j < w.length; j++) {
            for (int i = 0; i < n; i++) {
                w[j][i] = first.weights()[j][i] * a[i];
                b[j] += first.weights()[j][i] * c[i];
            }
        }
        return new DenseLayer(w, b, first.activation());
    }
}
