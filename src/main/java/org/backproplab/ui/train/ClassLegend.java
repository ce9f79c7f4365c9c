package org.backproplab.ui.train;

import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The key under the plot when each point has a class: every class's mark (shape and colour) with its index, the
 * number a CSV or a run file gives it. Hidden for the binary picture, whose + and − marks explain themselves.
 */
final class ClassLegend {
    private final HTMLElement root = Dom.el("div", "bpl-class-legend");

    ClassLegend() {
        root.setAttribute("data-testid", "class-legend");
        root.setHidden(true);
    }

    /** What the plot's background and marks mean, for the caption under it. */
    static String plotHint(boolean classes) {
        return classes ? "Background: the class with the largest score, paler where the network is less sure. Filled "
                + "marks: training points; white inside: test points. "
                : "Background: the network's score (blue > 0, orange < 0); the dark line is where it is 0. Filled "
                + "dots: training points; rings: test points. ";
    }

    HTMLElement element() {
        return root;
    }

    /** One entry per class for k classes; none (hidden) for k = 0. */
    void show(int k) {
        root.setTextContent("");
        root.setHidden(k == 0);
        root.setAttribute("data-classes", Integer.toString(k));
        for (int c = 0; c < k; c++) {
            HTMLElement item = Dom.el("span", "bpl-class-legend-item");
            item.setAttribute("data-class", Integer.toString(c));
            Element svg = Svg.el("svg");
            svg.setAttribute("width", "16");
            svg.setAttribute("height", "16");
            svg.setAttribute("viewBox", "0 0 16 16");
            svg.setAttribute("aria-hidden", "true");
            svg.appendChild(PointShapes.svg(8, 8, 6, c));
            item.appendChild(svg);
            item.appendChild(Dom.text("span", "", "class " + c));
            root.appendChild(item);
        }
    }
}
