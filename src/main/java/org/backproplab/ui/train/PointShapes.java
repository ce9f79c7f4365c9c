package org.backproplab.ui.train;

import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.xml.Element;

/**
 * Each class's mark: a shape as well as a colour, so the classes can be told apart without colour vision and in a
 * grey print: circle, square, triangle, diamond, cross, then a triangle pointing down, an x and a pentagon. The same
 * shapes are drawn on the plot's canvas and as SVG in its legend.
 */
final class PointShapes {
    /** Every shape's outline, as x, y pairs around (0, 0) with radius about 1; null for the circle. */
    private static final double[][] OUTLINES = {
        null,
        {-0.85, -0.85, 0.85, -0.85, 0.85, 0.85, -0.85, 0.85},
        {0, -1.15, 1.05, 0.75, -1.05, 0.75},
        {0, -1.2, 1.2, 0, 0, 1.2, -1.2, 0},
        plus(0),
        {0, 1.15, 1.05, -0.75, -1.05, -0.75},
        plus(Math.PI / 4),
        pentagon()};

    static final String OUTLINE = "#1d2430";

    private PointShapes() {
    }

    /** Draws class c's mark centred at (cx, cy) with radius r: filled for a training point, white inside for a test one. */
    static void draw(CanvasRenderingContext2D g, double cx, double cy, double r, int c, boolean hollow) {
        double[] o = OUTLINES[Math.floorMod(c, OUTLINES.length)];
        g.beginPath();
        if (o == null) {
            g.arc(cx, cy, r, 0, Math.PI * 2);
        } else {
            g.moveTo(cx + o[0] * r, cy + o[1] * r);
            for (int i = 2; i < o.length; i += 2) {
                g.lineTo(cx + o[i] * r, cy + o[i + 1] * r);
            }
            g.closePath();
        }
        String colour = Palette.classColour(c);
        g.setFillStyle(hollow ? "#ffffff" : colour);
        g.fill();
        if (hollow) { // a ring of the class colour with a dark core line, visible on every shade of the map
            g.setStrokeStyle(colour);
            g.setLineWidth(2.6);
            g.stroke();
        }
        g.setStrokeStyle(OUTLINE);
        g.setLineWidth(hollow ? 0.8 : 1.1);
        g.stroke();
    }

    /** Class c's mark as an SVG element of radius r centred at (cx, cy), for a legend. */
    static Element svg(double cx, double cy, double r, int c) {
        double[] o = OUTLINES[Math.floorMod(c, OUTLINES.length)];
        Element e;
        if (o == null) {
            e = Svg.el("circle");
            e.setAttribute("cx", Svg.r(cx));
            e.setAttribute("cy", Svg.r(cy));
            e.setAttribute("r", Svg.r(r));
        } else {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < o.length; i += 2) {
                points.append(i == 0 ? "" : " ").append(Svg.r(cx + o[i] * r)).append(',').append(Svg.r(cy + o[i + 1] * r));
            }
            e = Svg.el("polygon");
            e.setAttribute("points", points.toString());
        }
        e.setAttribute("fill", Palette.classColour(c));
        e.setAttribute("stroke", OUTLINE);
        e.setAttribute("stroke-width", "1");
        return e;
    }

    /** A plus sign's outline, turned by angle (π/4 makes an x). */
    private static double[] plus(double angle) {
        double a = 0.36;
        double[] p = {-a, -1, a, -1, a, -a, 1, -a, 1, a, a, a, a, 1, -a, 1, -a, a, -1, a, -1, -a, -a, -a};
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int i = 0; i < p.length; i += 2) {
            double x = p[i];
            p[i] = x * cos - p[i + 1] * sin;
            p[i + 1] = x * sin + p[i + 1] * cos;
        }
        return p;
    }

    private static double[] pentagon() {
        double[] p = new double[10];
        for (int i = 0; i < 5; i++) {
            double t = -Math.PI / 2 + i * 2 * Math.PI / 5;
            p[2 * i] = 1.1 * Math.cos(t);
            p[2 * i + 1] = 1.1 * Math.sin(t);
        }
        return p;
    }

    /** A regression point: its target's colour on the map's scale, with a dark edge (a ring for a test point). */
    static void target(CanvasRenderingContext2D g, String fill, boolean hollow, double cx, double cy) {
        g.beginPath();
        g.arc(cx, cy, 5.5, 0, Math.PI * 2);
        g.setFillStyle(hollow ? "#ffffff" : fill);
        g.fill();
        g.setStrokeStyle(hollow ? fill : "#1d2430");
        g.setLineWidth(hollow ? 2 : 1.3);
        g.stroke();
        if (hollow) { // a test ring in a light colour needs a dark edge too
            g.beginPath();
            g.arc(cx, cy, 7, 0, Math.PI * 2);
            g.setStrokeStyle("#1d2430");
            g.setLineWidth(1);
            g.stroke();
        }
    }

    /** A binary point: + or − in white on its colour (a ring for a test point). */
    static void sign(CanvasRenderingContext2D g, boolean positive, boolean hollow, double cx, double cy) {
        String fill = positive ? "#164d8f" : "#a84a00";
        g.beginPath();
        g.arc(cx, cy, 5.5, 0, Math.PI * 2);
        g.setFillStyle(hollow ? "#ffffff" : fill);
        g.fill();
        g.setStrokeStyle(hollow ? fill : "#ffffff");
        g.setLineWidth(hollow ? 2 : 1.3);
        g.stroke();
        g.beginPath();
        g.moveTo(cx - 3, cy);
        g.lineTo(cx + 3, cy);
        if (positive) {
            g.moveTo(cx, cy - 3);
            g.lineTo(cx, cy + 3);
        }
        g.setStrokeStyle(hollow ? fill : "#ffffff");
        g.setLineWidth(1.4);
        g.stroke();
    }
}
