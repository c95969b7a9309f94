package org.pmlp.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.pmlp.data.Dataset;
import org.pmlp.data.StratifiedSplit;

/**
 * Trains an MLP with ReLU hidden layers and a softmax output on cross-entropy, with Adam and
 * early stopping on a stratified validation split. Deterministic for a given seed: one thread,
 * a seeded generator, a fixed order of floating-point operations.
 */
public final class Trainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final TrainingOptions options;
    private final WeightProjection projection;
    private final UnaryOperator<double[]> inputView;

    /**
     * @param projection what the forward pass sees of the weights (quantization-aware training)
     * @param inputView what the forward pass sees of a scaled input (e.g. its quantized value)
     */
    public Trainer(TrainingOptions options, WeightProjection projection, UnaryOperator<double[]> inputView) {
        this.options = options;
        this.projection = projection;
        this.inputView = inputView;
    }

    public Trainer(TrainingOptions options) {
        this(options, WeightProjection.NONE, UnaryOperator.identity());
    }

    /**
     * The outcome: the best network found, its validation accuracy and cross-entropy, the epoch
     * its weights are from and the weight decay and input dropout it was trained with.
     */
    public record Result(List<DenseLayer> layers, double validationAccuracy, double validationLoss, int epochs,
                         double weightDecay, double inputDropout) {
    }

    /**
     * Trains from scratch on scaled inputs. One stratified validation split is carved from the
     * rows (seeded); every weight decay of the options' grid is tried with every restart on the
     * rest, each stopped early on the validation split, and the best on validation is kept
     * (accuracy, then cross-entropy). With {@code refit}, that configuration is then trained
     * again from the same start on all the rows for the epochs it needed.
     */
    public Result train(double[][] scaledX, int[] y, int classes) {
        Dataset all = view(scaledX, y, classes);
        StratifiedSplit.Parts parts = holdOut(all);
        boolean split = parts != null;
        Dataset fitSet = split ? parts.first() : all;
        Dataset valSet = split ? parts.second() : all;
        Result best = null;
        long bestRun = 0;
        for (double dropout : options.inputDropouts()) {
            for (double decay : options.weightDecays()) {
                for (int r = 0; r < Math.max(1, options.restarts()); r++) {
                    long run = options.seed() * 1_000_003L + r;
                    Result res = fit(initialLayers(scaledX[0].length, classes, new SplittableRandom(run)), fitSet,
                            valSet, decay, dropout, run, options.maxEpochs(), true);
                    if (best == null || better(res, best)) {
                        best = res;
                        bestRun = run;
                    }
                }
            }
        }
        if (options.refit() && split) {
            // The held-out rows join in; early stopping has nothing left to watch, so the epochs are fixed.
            Result again = fit(initialLayers(scaledX[0].length, classes, new SplittableRandom(bestRun)), all, all,
                    best.weightDecay(), best.inputDropout(), bestRun, Math.max(1, best.epochs()), false);
            best = new Result(again.layers(), best.validationAccuracy(), best.validationLoss(), best.epochs(),
                    best.weightDecay(), best.inputDropout());
        }
        return best;
    }

    private static boolean better(Result a, Result b) {
        return a.validationAccuracy() > b.validationAccuracy()
                || a.validationAccuracy() == b.validationAccuracy() && a.validationLoss() < b.validationLoss();
    }

    /** Continues training from the given layers (fine-tuning), on its own stratified validation split. */
    public Result fineTune(List<DenseLayer> start, double[][] scaledX, int[] y, int classes) {
        List<DenseLayer> copy = new ArrayList<>();
        for (DenseLayer l : start) {
            copy.add(l.copy());
        }
        Dataset all = view(scaledX, y, classes);
        StratifiedSplit.Parts parts = holdOut(all);
        Dataset fitSet = parts != null ? parts.first() : all;
        Dataset valSet = parts != null ? parts.second() : all;
        return fit(copy, fitSet, valSet, options.weightDecays()[0], options.inputDropouts()[0], options.seed(),
                options.maxEpochs(), true);
    }

    /** The rows as the forward pass sees them (e.g. quantized). */
    private Dataset view(double[][] scaledX, int[] y, int classes) {
        double[][] x = new double[scaledX.length][];
        for (int i = 0; i < x.length; i++) {
            x[i] = inputView.apply(scaledX[i]);
        }
        return new Dataset(x, y, names(x[0].length), classNames(classes));
    }

    private List<DenseLayer> initialLayers(int inputs, int classes, SplittableRandom random) {
        List<DenseLayer> layers = new ArrayList<>();
        int fanIn = inputs;
        int[] hidden = options.hidden();
        for (int l = 0; l <= hidden.length; l++) {
            boolean last = l == hidden.length;
            int out = last ? classes : hidden[l];
            double limit = Math.sqrt(6.0 / (last ? fanIn + out : fanIn));
            double[][] w = new double[out][fanIn];
            double[] b = new double[out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < fanIn; i++) {
                    w[j][i] = (random.nextDouble() * 2 - 1) * limit;
                }
                b[j] = last ? 0 : 0.01;
            }
            layers.add(new DenseLayer(w, b, last ? Activation.SOFTMAX : options.hiddenActivation()));
            fanIn = out;
        }
        return layers;
    }

    /**
     * Adam on {@code fitSet}; with {@code stopEarly} keeps the weights of the epoch best on
     * {@code valSet} and stops after {@code patience} epochs without improvement, otherwise runs
     * {@code epochs} epochs and keeps the last weights.
     */
    private Result fit(List<DenseLayer> layers, Dataset fitSet, Dataset valSet, double decay, double dropout,
                       long runSeed, int epochs, boolean stopEarly) {
        Network net = new Network(layers, decay, dropout, new SplittableRandom(runSeed ^ 0x5DEECE66DL));
        SplittableRandom shuffle = new SplittableRandom(runSeed ^ 0x9E3779B97F4A7C15L);
        int[] order = new int[fitSet.rows()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // The starting point competes too, so fine-tuning never ends worse than it began.
        List<DenseLayer> best = net.snapshot();
        double[] initial = net.evaluate(valSet);
        double bestAcc = initial[0];
        double bestLoss = initial[1];
        int bestEpoch = 0;
        int sinceBest = 0;
        int epoch = 0;
        while (epoch < epochs && (!stopEarly || sinceBest < options.patience())) {
            epoch++;
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int start = 0; start < order.length; start += options.batchSize()) {
                int end = Math.min(order.length, start + options.batchSize());
                net.step(fitSet, order, start, end);
            }
            if (!stopEarly) {
                continue;
            }
            double[] eval = net.evaluate(valSet);
            double acc = eval[0];
            double loss = eval[1];
            if (acc > bestAcc || (acc == bestAcc && loss < bestLoss)) {
                bestAcc = acc;
                bestLoss = loss;
                bestEpoch = epoch;
                best = net.snapshot();
                sinceBest = 0;
            } else {
                sinceBest++;
            }
        }
        if (!stopEarly) {
            double[] eval = net.evaluate(valSet);
            return new Result(net.snapshot(), eval[0], eval[1], epoch, decay, dropout);
        }
        return new Result(best, bestAcc, bestLoss, bestEpoch, decay, dropout);
    }

    /**
     * The stratified validation split (seeded), or null when there is none to make: no fraction,
     * or too few rows. A class with a single row stays in the fitting part; the split does not
     * give up because of it (arrhythmia's training split has such a class, and without a
     * validation split early stopping and model selection would watch the training rows).
     */
    private StratifiedSplit.Parts holdOut(Dataset all) {
        if (!(options.validationFraction() > 0)) {
            return null;
        }
        StratifiedSplit.Parts parts = StratifiedSplit.split(all, options.validationFraction(), options.seed());
        return parts.second().rows() == 0 || parts.first().rows() == 0 ? null : parts;
    }

    private static List<String> names(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("f" + i);
        }
        return out;
    }

    private static List<String> classNames(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    /** Float weights, their projections, Adam moments and gradient buffers. */
    private final class Network {
        final int depth;
        final double[][][] w;
        final double[][] b;
        final double[][][] wq;
        final double[][] bq;
        final double[][][] gw;
        final double[][] gb;
        final double[][][] mw;
        final double[][][] vw;
        final double[][] mb;
        final double[][] vb;
        final double[][] act;
        /** Sums before the activation (the straight-through gradient of STEP looks at them). */
        final double[][] pre;
        final double[][] delta;
        final Activation[] acts;
        final double decay;
        final double dropoutRate;
        final SplittableRandom dropout;
        final double[] dropped;
        long t;

        Network(List<DenseLayer> layers, double decay, double dropoutRate, SplittableRandom dropout) {
            this.decay = decay;
            this.dropoutRate = dropoutRate;
            this.dropout = dropout;
            depth = layers.size();
            w = new double[depth][][];
            b = new double[depth][];
            acts = new Activation[depth];
            for (int l = 0; l < depth; l++) {
                w[l] = layers.get(l).weights();
                b[l] = layers.get(l).biases();
                acts[l] = layers.get(l).activation();
            }
            wq = shapeOf(w);
            bq = shapeOf(b);
            gw = shapeOf(w);
            gb = shapeOf(b);
            mw = shapeOf(w);
            vw = shapeOf(w);
            mb = shapeOf(b);
            vb = shapeOf(b);
            dropped = new double[w[0][0].length];
            act = new double[depth + 1][];
            pre = new double[depth + 1][];
            delta = new double[depth][];
            for (int l = 0; l < depth; l++) {
                act[l + 1] = new double[w[l].length];
                pre[l + 1] = new double[w[l].length];
                delta[l] = new double[w[l].length];
            }
        }

        private double[][][] shapeOf(double[][][] a) {
            double[][][] out = new double[a.length][][];
            for (int l = 0; l < a.length; l++) {
                out[l] = new double[a[l].length][a[l][0].length];
            }
            return out;
        }

        private double[][] shapeOf(double[][] a) {
            double[][] out = new double[a.length][];
            for (int l = 0; l < a.length; l++) {
                out[l] = new double[a[l].length];
            }
            return out;
        }

        void project() {
            for (int l = 0; l < depth; l++) {
                projection.project(l, w[l], b[l], wq[l], bq[l]);
            }
        }

        /** Forward pass with projected weights; returns softmax probabilities in act[depth]. */
        void forward(double[] x) {
            act[0] = x;
            for (int l = 0; l < depth; l++) {
                double[] in = act[l];
                double[] out = act[l + 1];
                for (int j = 0; j < out.length; j++) {
                    double s = bq[l][j];
                    double[] row = wq[l][j];
                    for (int i = 0; i < in.length; i++) {
                        s += row[i] * in[i];
                    }
                    pre[l + 1][j] = s;
                    out[j] = l < depth - 1 ? acts[l].apply(s) : s;
                }
            }
            double[] z = act[depth];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < z.length; j++) {
                z[j] = Math.exp(z[j] - max);
                sum += z[j];
            }
            for (int j = 0; j < z.length; j++) {
                z[j] /= sum;
            }
        }

        /** Inverted dropout of input features while training (the rates seen at inference stay). */
        double[] dropInputs(double[] x) {
            double p = dropoutRate;
            if (p <= 0) {
                return x;
            }
            for (int i = 0; i < x.length; i++) {
                dropped[i] = dropout.nextDouble() < p ? 0 : x[i] / (1 - p);
            }
            return dropped;
        }

        void step(Dataset data, int[] order, int start, int end) {
            project();
            for (int l = 0; l < depth; l++) {
                for (double[] row : gw[l]) {
                    java.util.Arrays.fill(row, 0);
                }
                java.util.Arrays.fill(gb[l], 0);
            }
            for (int k = start; k < end; k++) {
                int r = order[k];
                forward(dropInputs(data.row(r)));
                double[] p = act[depth];
                double[] d = delta[depth - 1];
                for (int j = 0; j < p.length; j++) {
                    d[j] = p[j] - (j == data.label(r) ? 1 : 0);
                }
                for (int l = depth - 1; l >= 0; l--) {
                    double[] in = act[l];
                    double[] dl = delta[l];
                    for (int j = 0; j < dl.length; j++) {
                        double[] g = gw[l][j];
                        for (int i = 0; i < in.length; i++) {
                            g[i] += dl[j] * in[i];
                        }
                        gb[l][j] += dl[j];
                    }
                    if (l > 0) {
                        double[] prev = delta[l - 1];
                        for (int i = 0; i < prev.length; i++) {
                            double s = 0;
                            for (int j = 0; j < dl.length; j++) {
                                s += wq[l][j][i] * dl[j];
                            }
                            // ReLU: its derivative; STEP: straight through where |sum| <= 1.
                            boolean pass = acts[l - 1] == Activation.STEP ? Math.abs(pre[l][i]) <= 1 : in[i] > 0;
                            prev[i] = pass ? s : 0;
                        }
                    }
                }
            }
            t++;
            double n = end - start;
            double lr = options.learningRate() * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
            for (int l = 0; l < depth; l++) {
                for (int j = 0; j < w[l].length; j++) {
                    for (int i = 0; i < w[l][j].length; i++) {
                        double g = gw[l][j][i] / n + decay * w[l][j][i];
                        mw[l][j][i] = BETA1 * mw[l][j][i] + (1 - BETA1) * g;
                        vw[l][j][i] = BETA2 * vw[l][j][i] + (1 - BETA2) * g * g;
                        w[l][j][i] -= lr * mw[l][j][i] / (Math.sqrt(vw[l][j][i]) + EPS);
                    }
                    if (l > 0 && acts[l - 1].biasFree()) {
                        b[l][j] = 0; // after threshold neurons: no bias (see Activation.STEP)
                        continue;
                    }
                    double g = gb[l][j] / n;
                    mb[l][j] = BETA1 * mb[l][j] + (1 - BETA1) * g;
                    vb[l][j] = BETA2 * vb[l][j] + (1 - BETA2) * g * g;
                    b[l][j] -= lr * mb[l][j] / (Math.sqrt(vb[l][j]) + EPS);
                }
            }
        }

        /** {accuracy, mean cross-entropy} with projected weights. */
        double[] evaluate(Dataset data) {
            project();
            int ok = 0;
            double loss = 0;
            for (int r = 0; r < data.rows(); r++) {
                forward(data.row(r));
                double[] p = act[depth];
                if (Mlp.argmax(p) == data.label(r)) {
                    ok++;
                }
                loss -= Math.log(Math.max(1e-12, p[data.label(r)]));
            }
            return new double[] {(double) ok / data.rows(), loss / data.rows()};
        }

        /** The float weights as they are now (what is saved; projection is applied at generation). */
        List<DenseLayer> snapshot() {
            List<DenseLayer> out = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                out.add(new DenseLayer(w[l], b[l], acts[l]).copy());
            }
            return out;
        }
    }
}
