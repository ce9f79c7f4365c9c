package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;

/**
 * The trainer's classes. A custom point keeps its label as x, y, label: -1 or +1 when it is one of two classes (as
 * links have always written them), or a class index 0..4. Both spellings name a class: -1 and 0 are class 0, +1 is
 * class 1, and 2, 3, 4 are themselves, so a link's points mean the same whichever way they were written. With only
 * classes 0 and 1 the points are micrograd's binary set (one score, its sign); with more, one score per class.
 */
final class Classes {
    /** The most classes the page draws and offers (spiral's arms, blobs, the class picker, a CSV, a run file). */
    static final int MAX = 5;

    private Classes() {
    }

    /** A custom point's class: -1 and 0 are class 0, +1 class 1, 2..4 themselves. */
    static int of(double label) {
        return label < 0 ? 0 : (int) label;
    }

    /** How many classes the custom points make: 2, or the highest class used + 1. */
    static int count(List<double[]> points) {
        int k = 2;
        for (double[] p : points) {
            k = Math.max(k, of(p[2]) + 1);
        }
        return k;
    }

    /**
     * The custom points as a dataset: -1/+1 labels for two classes, class indices for more, or with targets (a
     * regression's custom points) their third numbers as they are.
     */
    static Dataset dataset(List<double[]> points, boolean targets) {
        boolean binary = count(points) == 2;
        double[][] xs = new double[points.size()][];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            double[] p = points.get(i);
            xs[i] = new double[] {p[0], p[1]};
            ys[i] = targets ? p[2] : binary ? (of(p[2]) == 1 ? 1 : -1) : of(p[2]);
        }
        return new Dataset(xs, ys, targets ? Dataset.Labels.TARGETS
                : binary ? Dataset.Labels.SIGNS : Dataset.Labels.CLASSES);
    }

    /** A dataset's points as custom points: their -1/+1 labels kept, class indices kept. */
    static List<double[]> points(Dataset d) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            double y = d.ys()[i];
            double label = d.labels() == Dataset.Labels.SIGNS ? (y > 0 ? 1 : -1) : y;
            points.add(new double[] {d.xs()[i][0], d.xs()[i][1], label});
        }
        return points;
    }

    /** Two classes' indices 0 and 1 as -1 and +1, for the one-score losses (blobs with two centres). */
    static Dataset asSigns(Dataset d) {
        if (d.labels() != Dataset.Labels.CLASSES || d.classes() > 2) {
            return d;
        }
        double[] ys = new double[d.size()];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = d.ys()[i] == 1 ? 1 : -1;
        }
        return new Dataset(d.xs(), ys);
    }

    /** The link's pts value: x,y,label triples separated by ';', labels -1/1 for two classes, else 0..k-1. */
    static String write(List<double[]> points) {
        boolean binary = count(points) == 2;
        StringBuilder pts = new StringBuilder();
        for (double[] p : points) {
            if (pts.length() > 0) {
                pts.append(';');
            }
            int c = of(p[2]);
            pts.append(Numbers.shortLiteral(p[0])).append(',').append(Numbers.shortLiteral(p[1])).append(',')
                    .append(binary ? (c == 1 ? "1" : "-1") : Integer.toString(c));
        }
        return pts.toString();
    }

    /**
     * The points of a link's pts value, or null if any triple is not x,y (each within Dataset.MAX_COORDINATE) and a
     * label -1 or 0 to MAX - 1.
     */
    static List<double[]> parse(String text) {
        List<double[]> pts = new ArrayList<>();
        if (text.trim().isEmpty()) {
            return pts;
        }
        for (String triple : Text.split(text, ';')) {
            double[] v = Numbers.parseList(triple);
            if (v == null || v.length != 3 || !isLabel(v[2]) || !inRange(v)) {
                return null;
            }
            pts.add(v);
        }
        return pts;
    }

    /** Whether a link's point has x and y within Dataset.MAX_COORDINATE, as every other way in keeps them. */
    static boolean inRange(double[] p) {
        return Math.abs(p[0]) <= Dataset.MAX_COORDINATE && Math.abs(p[1]) <= Dataset.MAX_COORDINATE;
    }

    /** -1, or a class index 0 to MAX - 1. */
    static boolean isLabel(double v) {
        return v == -1 || (v == Math.rint(v) && v >= 0 && v < MAX);
    }

    /** The CSV lines' labels: class indices (0..MAX-1) if any label is a whole number from 2 up, else binary. */
    static Dataset.Labels csvLabels(String text) {
        for (String line : Text.split(text, '\n')) {
            String[] fields = Text.fields(line, ',');
            double label = fields.length == 3 ? Numbers.parse(fields[2].trim()) : Double.NaN;
            if (label >= 2 && label == Math.rint(label)) {
                return Dataset.Labels.CLASSES;
            }
        }
        return Dataset.Labels.SIGNS;
    }
}
