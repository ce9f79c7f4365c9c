package org.backproplab.layout;

import org.backproplab.engine.Numbers;

/**
 * One axis of a chart: a map from data to pixels, linear or log10 (for quantities that span decades, such as an
 * error against h from 1e-1 to 1e-32), and the ticks that label it. Linear ticks are 1, 2 or 5 times a power of
 * ten; log ticks are whole powers of ten, every one or every few, as many as fit with the spacing asked for.
 * Pure geometry: no browser, so the same numbers on every backend.
 */
public final class Scale {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final int[] DECADE_STRIDES = {1, 2, 3, 4, 5, 10, 20, 50, 100};

    /** The ticks of an axis: major ones with their labels, and minor ones for a lighter grid. */
    public record Ticks(double[] at, String[] labels, double[] minor) {
        /**
         * About how wide the widest label is in a sans-serif font of the given size, in pixels, a little generous,
         * so a chart can leave room for it without asking the browser (which would force a layout).
         */
        public double labelWidth(double fontSize) {
            double widest = 0;
            for (String label : labels) {
                double em = 0;
                for (int i = 0; i < label.length(); i++) {
                    char c = label.charAt(i);
                    em += c == '.' ? 0.32 : SUPERSCRIPTS.indexOf(c) >= 0 || c == '⁻' ? 0.42 : 0.62;
                }
                widest = Math.max(widest, em * fontSize);
            }
            return widest;
        }
    }

    private final boolean log;
    private final double from;  // the data at the start pixel (log10 of it on a log scale)
    private final double to;    // the data at the end pixel
    private final double start;
    private final double end;

    private Scale(boolean log, double from, double to, double start, double end) {
        this.log = log;
        this.from = from;
        this.to = to == from ? from + 1 : to;
        this.start = start;
        this.end = end;
    }

    /** from is drawn at pixel start and to at pixel end; either order, so an axis can run backwards. */
    public static Scale linear(double from, double to, double start, double end) {
        return new Scale(false, from, to, start, end);
    }

    /** A log10 scale; from and to must be positive. */
    public static Scale log(double from, double to, double start, double end) {
        return new Scale(true, Math.log10(from), Math.log10(to), start, end);
    }

    public boolean isLog() {
        return log;
    }

    /** The smaller end of the domain, as data. */
    public double min() {
        return value(Math.min(from, to));
    }

    /** The larger end of the domain, as data. */
    public double max() {
        return value(Math.max(from, to));
    }

    /** The pixel of a data value (on a log scale, 0 and negatives go to -infinity's side: NaN or -Infinity). */
    public double apply(double v) {
        return applyUnit(unit(v));
    }

    /** A data value in the scale's own unit: itself on a linear scale, its log10 on a log scale. */
    public double unit(double v) {
        return log ? Math.log10(v) : v;
    }

    /** The pixel of a value given in the scale's own unit (see {@link #unit}). */
    public double applyUnit(double u) {
        return start + (u - from) / (to - from) * (end - start);
    }

    /** The data value at a pixel. */
    public double invert(double pixel) {
        return value(from + (pixel - start) / (end - start) * (to - from));
    }

    private double value(double u) {
        return log ? Math.pow(10, u) : u;
    }

    /**
     * Ticks at least minSpacing pixels apart. On a log scale the decades between them are minor ticks, unless they
     * are under 4 pixels apart (a loss that grew to 1e200), where a grid line at each would fill the chart.
     */
    public Ticks ticks(double minSpacing) {
        double pixels = Math.abs(end - start);
        int fit = Math.max(1, (int) Math.floor(pixels / minSpacing));
        return log ? logTicks(fit, pixels / Math.abs(to - from) >= 4) : linearTicks(fit);
    }

    private Ticks linearTicks(int fit) {
        double lo = Math.min(from, to);
        double hi = Math.max(from, to);
        double step = niceStep((hi - lo) / Math.max(1, fit));
        int first = (int) Math.ceil(lo / step - 1e-9);
        int last = (int) Math.floor(hi / step + 1e-9);
        int n = Math.max(0, last - first + 1);
        double[] at = new double[n];
        String[] labels = new String[n];
        boolean scientific = step < 1e-4 || Math.max(Math.abs(lo), Math.abs(hi)) >= 1e6;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        for (int i = 0; i < n; i++) {
            at[i] = (first + i) * step;
            String text = first + i == 0 ? "0" : scientific ? shortScientific(at[i]) : Numbers.fixed(at[i],
                    decimals);
            labels[i] = text.startsWith("-") ? "−" + text.substring(1) : text;
        }
        return new Ticks(at, labels, new double[0]);
    }

    /** "1e287" and "2.5e-7", not "1.00e287": ticks are round numbers, and a long label may not fit beside the axis. */
    private static String shortScientific(double v) {
        return Numbers.trimmed(v, 3);
    }

    /** The smallest of 1, 2, 5 or 10 times a power of ten that is at least raw. */
    public static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double[] multiples = {1, 2, 5, 10};
        for (double m : multiples) {
            if (m * magnitude >= raw * (1 - 1e-9)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private Ticks logTicks(int fit, boolean withMinor) {
        int first = (int) Math.ceil(Math.min(from, to) - 1e-9);
        int last = (int) Math.floor(Math.max(from, to) + 1e-9);
        int decades = Math.max(0, last - first);
        int stride = DECADE_STRIDES[DECADE_STRIDES.length - 1];
        for (int s : DECADE_STRIDES) {
            if (multiples(first, last, s) <= fit + 1) {
                stride = s;
                break;
            }
        }
        int count = multiples(first, last, stride);
        double[] at = new double[count];
        String[] labels = new String[count];
        double[] minor = new double[decades + 1 - count];
        int major = 0;
        int other = 0;
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, stride) == 0) {
                at[major] = Math.pow(10, e);
                labels[major++] = powerOfTen(e);
            } else {
                minor[other++] = Math.pow(10, e);
            }
        }
        return new Ticks(at, labels, withMinor ? minor : new double[0]);
    }

    /** How many multiples of stride lie in [first, last]. */
    private static int multiples(int first, int last, int stride) {
        return Math.floorDiv(last, stride) - Math.floorDiv(first + stride - 1, stride) + 1;
    }

    /** "10⁻⁸": a power of ten as it is printed on a log axis. */
    public static String powerOfTen(int exponent) {
        StringBuilder s = new StringBuilder("10");
        String digits = Integer.toString(Math.abs(exponent));
        if (exponent < 0) {
            s.append('⁻');
        }
        for (int i = 0; i < digits.length(); i++) {
            s.append(SUPERSCRIPTS.charAt(digits.charAt(i) - '0'));
        }
        return s.toString();
    }
}
