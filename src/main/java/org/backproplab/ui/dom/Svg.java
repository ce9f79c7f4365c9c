package org.backproplab.ui.dom;

import org.teavm.jso.dom.xml.Element;

/**
 * SVG element helpers shared by the graph, the charts and the trainer's drawings. Coordinates go through
 * {@link #r(double)}, so every drawing writes its numbers the same short way.
 */
public final class Svg {
    public static final String NS = "http://www.w3.org/2000/svg";

    private Svg() {
    }

    /** A new SVG element. */
    public static Element el(String tag) {
        return Dom.document().createElementNS(NS, tag);
    }

    /** Coordinates to one decimal place: shorter SVG, same picture. */
    public static String r(double x) {
        return r(new StringBuilder(8), x).toString();
    }

    /**
     * Appends x as {@link #r(double)} writes it. A path of a big graph has thousands of coordinates: writing each
     * straight into the path's text saves making a string of it first (a sixth of a 1,500-Value drawing's time).
     */
    public static StringBuilder r(StringBuilder out, double x) {
        int tenths = (int) Math.floor(Math.abs(x) * 10 + 0.5);
        if (x < 0 && tenths != 0) {
            out.append('-');
        }
        out.append(tenths / 10);
        if (tenths % 10 != 0) {
            out.append('.').append((char) ('0' + tenths % 10));
        }
        return out;
    }

    public static Element line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        Element l = el("line");
        l.setAttribute("x1", r(x1));
        l.setAttribute("y1", r(y1));
        l.setAttribute("x2", r(x2));
        l.setAttribute("y2", r(y2));
        l.setAttribute("stroke", stroke);
        l.setAttribute("stroke-width", Double.toString(strokeWidth));
        return l;
    }

    public static Element text(double x, double y, String content, String anchor, String fill) {
        Element t = el("text");
        t.setAttribute("x", r(x));
        t.setAttribute("y", r(y));
        t.setAttribute("text-anchor", anchor);
        t.setAttribute("fill", fill);
        t.setTextContent(content);
        return t;
    }

    /** A white outline behind a label's letters, so it stays readable where it crosses a line or the grid. */
    public static Element halo(Element text) {
        text.setAttribute("stroke", "#fff");
        text.setAttribute("stroke-width", "3.5");
        text.setAttribute("stroke-linejoin", "round");
        text.setAttribute("paint-order", "stroke");
        return text;
    }

    public static Element circle(double cx, double cy, double radius, String fill, String stroke) {
        Element c = el("circle");
        c.setAttribute("cx", r(cx));
        c.setAttribute("cy", r(cy));
        c.setAttribute("r", Double.toString(radius));
        c.setAttribute("fill", fill);
        c.setAttribute("stroke", stroke);
        return c;
    }

    public static Element path(String d, String stroke, double strokeWidth) {
        Element p = el("path");
        p.setAttribute("d", d);
        p.setAttribute("fill", "none");
        p.setAttribute("stroke", stroke);
        p.setAttribute("stroke-width", Double.toString(strokeWidth));
        p.setAttribute("stroke-linejoin", "round");
        p.setAttribute("stroke-linecap", "round");
        return p;
    }
}
