package org.backproplab.ui.graph;

import org.backproplab.layout.Layout;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.xml.Element;

/**
 * The edges of the drawing as SVG path data: smooth S-curves through the points the layout gives, so an edge
 * leaves its source and enters its target horizontally, as in graphviz's drawings.
 */
final class Curves {
    private Curves() {
    }

    /**
     * An edge through all its points; if ownPartOnly, only its last segment, from where it leaves its source's
     * trunk (which {@link #trunk} draws once for all the edges that share it).
     */
    static String edge(Layout layout, int e, boolean ownPartOnly) {
        int points = layout.pointCount(e);
        int first = ownPartOnly ? layout.ownPartStart(e) : 0;
        StringBuilder d = new StringBuilder();
        double x0 = layout.pointX(e, first);
        double y0 = layout.pointY(e, first);
        Svg.r(Svg.r(d.append('M'), x0).append(' '), y0);
        for (int p = first + 1; p < points; p++) {
            double x1 = layout.pointX(e, p);
            double y1 = layout.pointY(e, p);
            sCurve(d, x0, y0, x1, y1);
            x0 = x1;
            y0 = y1;
        }
        return d.toString();
    }

    /** The shared way of a Value's long edges across the columns (see {@link Layout#bundled}). */
    static String trunk(Layout layout, int v) {
        StringBuilder d = new StringBuilder();
        double x0 = layout.trunkX(v, 0);
        double y0 = layout.trunkY(v, 0);
        Svg.r(Svg.r(d.append('M'), x0).append(' '), y0);
        for (int p = 1; p < layout.trunkPointCount(v); p++) {
            double x1 = layout.trunkX(v, p);
            double y1 = layout.trunkY(v, p);
            sCurve(d, x0, y0, x1, y1);
            x0 = x1;
            y0 = y1;
        }
        return d.toString();
    }

    /** One S-curve from one point to another, as an edge of the summary drawing. */
    static String between(double x0, double y0, double x1, double y1) {
        StringBuilder d = new StringBuilder();
        Svg.r(Svg.r(d.append('M'), x0).append(' '), y0);
        sCurve(d, x0, y0, x1, y1);
        return d.toString();
    }

    private static void sCurve(StringBuilder d, double x0, double y0, double x1, double y1) {
        double mid = (x0 + x1) / 2;
        Svg.r(d.append(" C"), mid).append(' ');
        Svg.r(d, y0).append(' ');
        Svg.r(d, mid).append(' ');
        Svg.r(d, y1).append(' ');
        Svg.r(d, x1).append(' ');
        Svg.r(d, y1);
    }

    /** The arrow head at the end of an edge, in a defs element, under this id. */
    static Element arrowMarker(String id, String colour) {
        Element defs = Svg.el("defs");
        Element marker = Svg.el("marker");
        marker.setAttribute("id", id);
        marker.setAttribute("viewBox", "0 0 10 10");
        marker.setAttribute("refX", "9");
        marker.setAttribute("refY", "5");
        marker.setAttribute("markerWidth", "7");
        marker.setAttribute("markerHeight", "7");
        marker.setAttribute("orient", "auto");
        Element tip = Svg.el("path");
        tip.setAttribute("d", "M0,0 L10,5 L0,10 z");
        tip.setAttribute("fill", colour);
        marker.appendChild(tip);
        defs.appendChild(marker);
        return defs;
    }
}
