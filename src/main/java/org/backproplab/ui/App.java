package org.backproplab.ui;

import org.backproplab.engine.Value;
import org.teavm.jso.JSExport;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

public final class App {
    public static void main(String[] args) {
        HTMLElement p = HTMLDocument.current().createElement("p");
        Value a = new Value(2, "a");
        Value l = a.mul(a);
        l.backward();
        p.setTextContent("grad " + a.grad);
        HTMLDocument.current().getBody().appendChild(p);
    }

    @JSExport
    public static String backpropLabHello(String who) {
        return "hello " + who;
    }
}
