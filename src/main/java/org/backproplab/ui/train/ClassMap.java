package org.backproplab.ui.train;

import org.backproplab.nn.Loss;
import org.backproplab.ui.chart.Palette;

/**
 * The decision map of a network with one score per class: each cell takes the colour of the class with the largest
 * score (a tie going to the lower class, as accuracy counts it), shaded by how sure the softmax is of that class.
 * Where two classes are nearly equal the cell is pale, so the boundaries show as light seams between solid regions.
 */
final class ClassMap {
    /** A network's scores, one per class, for a point of the plane. */
    interface Scores {
        void predict(double[] x, double[] scores);
    }

    /** The strongest shade, kept lighter than the points drawn on it (as the binary map's 0.62). */
    private static final double DARKEST = 0.62;

    private final Scores model;
    private double[] scores = new double[0];

    ClassMap(Scores model) {
        this.model = model;
    }

    /** This map, for a network with k scores. */
    ClassMap forClasses(int k) {
        if (scores.length != k) {
            scores = new double[k];
        }
        return this;
    }

    /** The cell's pixel at point x (little-endian ABGR, for ImageData). */
    int pixel(double[] x) {
        model.predict(x, scores);
        int k = scores.length;
        int c = Loss.argmax(scores, 0, k);
        return Palette.classPixel(c, shade(winningProbability(scores, c), k));
    }

    /**
     * The softmax probability of class c, 1 / Σ exp(s_j − s_c): the largest score is subtracted, as the loss does,
     * so no exp overflows.
     */
    static double winningProbability(double[] s, int c) {
        double sum = 0;
        for (double v : s) {
            sum += Math.exp(v - s[c]);
        }
        return 1 / sum;
    }

    /** How strongly a cell is coloured: 0 when the winner's probability is a k-way tie (1/k), DARKEST when it is 1. */
    static double shade(double p, int k) {
        double chance = 1.0 / k;
        double t = (p - chance) / (1 - chance);
        return Double.isNaN(t) ? 0 : DARKEST * Math.max(0, Math.min(1, t));
    }
}
