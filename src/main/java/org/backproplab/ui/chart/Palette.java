package org.backproplab.ui.chart;

/**
 * The diverging, colour-blind-safe palette for grads and data: orange for negative, blue for positive, a light
 * neutral for zero, with intensity by |value| on a symmetric scale. Colours are hex strings, set as SVG fill
 * attributes so an exported drawing keeps them.
 */
public final class Palette {
    public static final String NEUTRAL = "#f4f4f2";
    static final String UNKNOWN = "#d4d4d4";
    private static final int[] NEUTRAL_RGB = {0xf4, 0xf4, 0xf2};
    private static final int[] WHITE_RGB = {0xff, 0xff, 0xff};
    private static final int[] POSITIVE_RGB = {0x3f, 0x8a, 0xd8}; // blue
    private static final int[] NEGATIVE_RGB = {0xe8, 0x84, 0x22}; // orange

    /**
     * The class colours for more than two classes: Okabe and Ito's colour-blind-safe set, in its order (orange, sky
     * blue, bluish green, yellow, blue, vermillion, reddish purple, black). Class 0 is orange and class 1 blue, as
     * -1 and +1 are in the binary picture. Points also differ by shape (see the trainer's PointShapes).
     */
    private static final int[][] CLASS_RGB = {
        {0xe6, 0x9f, 0x00}, {0x56, 0xb4, 0xe9}, {0x00, 0x9e, 0x73}, {0xf0, 0xe4, 0x42}, {0x00, 0x72, 0xb2},
        {0xd5, 0x5e, 0x00}, {0xcc, 0x79, 0xa7}, {0x00, 0x00, 0x00}};

    private static final int HEX_CACHE = 1024;
    private static final int[] hexKeys = new int[HEX_CACHE];
    private static final String[] hexValues = new String[HEX_CACHE];

    private Palette() {
    }

    /** How many class colours there are; class k and class k + CLASSES share one. */
    public static final int CLASSES = CLASS_RGB.length;

    /** Class c's colour at full strength, as a hex string (for points, legends and exported drawings). */
    public static String classColour(int c) {
        return mix(CLASS_RGB[Math.floorMod(c, CLASSES)], 1);
    }

    /**
     * Class c's colour as a canvas ImageData pixel (little-endian ABGR), mixed from the neutral by strength in [0,
     * 1]: the decision map shades each cell by how sure the network is of its class.
     */
    public static int classPixel(int c, double strength) {
        double a = Double.isNaN(strength) ? 0 : Math.max(0, Math.min(1, strength));
        return packed(CLASS_RGB[Math.floorMod(c, CLASSES)], a);
    }

    /** The fill for a value on a symmetric scale [-max, +max]. Zero, and any value when max is 0, is neutral. */
    public static String fill(double value, double max) {
        if (Double.isNaN(value)) {
            return UNKNOWN;
        }
        if (value == 0 || !(max > 0)) {
            return NEUTRAL;
        }
        double t = Math.min(1, Math.abs(value) / max);
        if (Double.isInfinite(max)) {
            t = Double.isInfinite(value) ? 1 : 0.5;
        }
        return mix(value > 0 ? POSITIVE_RGB : NEGATIVE_RGB, t);
    }

    /**
     * The same palette as a canvas ImageData pixel (little-endian ABGR) for t in [-1, 1]: -1 full orange, 0
     * neutral, +1 full blue. Heatmaps use it, so they match the boxes and legends.
     */
    public static int pixel(double t) {
        if (Double.isNaN(t)) {
            return 0xffd4d4d4;
        }
        return packed(t > 0 ? POSITIVE_RGB : NEGATIVE_RGB, Math.min(1, Math.abs(t)));
    }

    /** The colour a of the way from the neutral to end, as an ImageData pixel. */
    private static int packed(int[] end, double a) {
        int r = nearest(NEUTRAL_RGB[0] + (end[0] - NEUTRAL_RGB[0]) * a);
        int g = nearest(NEUTRAL_RGB[1] + (end[1] - NEUTRAL_RGB[1]) * a);
        int b = nearest(NEUTRAL_RGB[2] + (end[2] - NEUTRAL_RGB[2]) * a);
        return 0xff000000 | (b << 16) | (g << 8) | r;
    }

    public static String positive() {
        return mix(POSITIVE_RGB, 1);
    }

    public static String negative() {
        return mix(NEGATIVE_RGB, 1);
    }

    /**
     * The positive (blue) or negative (orange) colour at opacity a on a white panel, as one opaque colour: it looks
     * the same as the colour drawn with that opacity, and the browser has nothing to blend. The network diagram's
     * weights use it: hundreds of see-through lines redrawn while training took a software-drawing browser about
     * 2.5 ms a frame more.
     */
    public static String overWhite(boolean positive, double a) {
        return mix(WHITE_RGB, positive ? POSITIVE_RGB : NEGATIVE_RGB, a);
    }

    private static String mix(int[] end, double t) {
        return mix(NEUTRAL_RGB, end, t);
    }

    /** The colour t of the way from start to end, as a hex string. */
    private static String mix(int[] start, int[] end, double t) {
        int rgb = 0;
        for (int i = 0; i < 3; i++) {
            rgb = rgb << 8 | nearest(start[i] + (end[i] - start[i]) * t);
        }
        // The network diagram recolours its neurons many times a second while training: a colour already
        // made comes from this cache instead of a new string each time.
        int slot = (rgb ^ rgb >>> 12) & (HEX_CACHE - 1);
        if (hexKeys[slot] != rgb || hexValues[slot] == null) {
            StringBuilder hex = new StringBuilder("#");
            for (int shift = 20; shift >= 0; shift -= 4) {
                hex.append("0123456789abcdef".charAt(rgb >> shift & 15));
            }
            hexKeys[slot] = rgb;
            hexValues[slot] = hex.toString();
        }
        return hexValues[slot];
    }

    /**
     * x rounded to the nearest whole number, as an int. Not (int) Math.round: that makes a long, which TeaVM's
     * JavaScript keeps as a BigInt, allocated for every cell of a heatmap and every neuron of every frame.
     */
    public static int nearest(double x) {
        return (int) Math.floor(x + 0.5);
    }
}
