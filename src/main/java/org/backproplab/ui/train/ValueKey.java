package org.backproplab.ui.train;

import org.backproplab.engine.Numbers;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/** The regression map's colour key: the diverging scale from −max to +max, under the plot. */
final class ValueKey {
    private static final int BAR = 160;

    private final HTMLElement root = Dom.el("div", "bpl-value-key");
    private final HTMLElement low = Dom.el("span", "bpl-value-key-end");
    private final HTMLElement high = Dom.el("span", "bpl-value-key-end");
    private final HTMLCanvasElement bar = (HTMLCanvasElement) Dom.el("canvas", "bpl-value-key-bar");

    ValueKey() {
        root.setAttribute("data-testid", "value-key");
        root.appendChild(Dom.text("span", "", "Predicted value:"));
        root.appendChild(low);
        bar.setWidth(BAR);
        bar.setHeight(1);
        bar.setAttribute("aria-hidden", "true");
        root.appendChild(bar);
        root.appendChild(high);
        root.setHidden(true);
    }

    HTMLElement element() {
        return root;
    }

    /** Shows the key for a scale from −max to +max, or hides it (max 0: a classification map). */
    void show(double max) {
        root.setHidden(!(max > 0));
        if (!(max > 0)) {
            return;
        }
        root.setAttribute("data-max", Double.toString(max));
        low.setTextContent("−" + Numbers.compact(max, 3));
        high.setTextContent("+" + Numbers.compact(max, 3));
        int[] pixels = new int[BAR];
        for (int i = 0; i < BAR; i++) {
            pixels[i] = ValueScale.cell(max * (2.0 * i / (BAR - 1) - 1), max);
        }
        putRow((CanvasRenderingContext2D) bar.getContext("2d"), pixels, BAR);
    }

    @JSBody(params = {"g", "pixels", "n"}, script = "var bplImg = g.createImageData(n, 1);"
            + "new Uint32Array(bplImg.data.buffer).set(pixels); g.putImageData(bplImg, 0, 0);")
    private static native void putRow(CanvasRenderingContext2D g, @JSByRef(optional = true) int[] pixels, int n);
}
