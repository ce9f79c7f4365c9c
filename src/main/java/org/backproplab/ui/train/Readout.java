package org.backproplab.ui.train;

import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One read-out of the run bar (step, loss, accuracy, …): its text, and its full-precision number in data-value.
 * The bar is redrawn ten times a second while training, so each is written only when it changes: writing text makes
 * the browser lay it out again, and Double.toString is slow in TeaVM's JavaScript.
 */
final class Readout {
    private final HTMLElement element;
    private boolean written;
    private double value;
    private String text;

    Readout(String testId) {
        element = Dom.el("span", testId.startsWith("test") ? "bpl-figure-test" : "bpl-figure-value");
        element.setAttribute("data-testid", testId);
        element.setAttribute("aria-live", "off");
    }

    HTMLElement element() {
        return element;
    }

    void show(double newValue, String newText) {
        // compare as Double.toString would write them: NaN is the same as NaN, and 0.0 is not -0.0
        if (!written || Double.compare(newValue, value) != 0) {
            element.setAttribute("data-value", Double.toString(newValue));
            value = newValue;
        }
        if (!written || !newText.equals(text)) {
            element.setTextContent(newText);
            text = newText;
        }
        written = true;
    }
}
