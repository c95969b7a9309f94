package org.pmlp.data;

import java.util.List;

/**
 * A labelled table of numeric features: row i has features {@code x[i]} and class index
 * {@code y[i]}, which names {@code classLabels.get(y[i])}.
 */
public final class Dataset {
    private final double[][] x;
    private final int[] y;
    private final List<String> featureNames;
    private final List<String> classLabels;

    public Dataset(double[][] x, int[] y, List<String> featureNames, List<String> classLabels) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("rows " + x.length + " != labels " + y.length);
        }
        this.x = x;
        this.y = y;
        this.featureNames = List.copyOf(featureNames);
        this.classLabels = List.copyOf(classLabels);
    }

    public int rows() {
        return x.length;
    }

    public int features() {
        return featureNames.size();
    }

    public int classes() {
        return classLabels.size();
    }

    public double[] row(int i) {
        return x[i];
    }

    public int label(int i) {
        return y[i];
    }

    public double[][] x() {
        return x;
    }

    public int[] y() {
        return y;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    public List<String> classLabels() {
        return classLabels;
    }

    /** The rows at the given indices, in that order. */
    public Dataset subset(int[] indices) {
        double[][] sx = new double[indices.length][];
        int[] sy = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            sx[k] = x[indices[k]];
            sy[k] = y[indices[k]];
        }
        return new Dataset(sx, sy, featureNames, classLabels);
    }

    /** Number of rows of each class. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : y) {
            counts[label]++;
        }
        return counts;
    }
}
