package org.backproplab.ui;

import org.teavm.jso.dom.html.HTMLElement;

/** One mounted widget: a frame with the chosen view and a footer that names the backend. */
final class Lab {
    private final HTMLElement host;
    private final HTMLElement root;
    private final GraphView graph;

    Lab(HTMLElement host, MountOptions options) {
        this.host = host;
        root = Dom.el("div", "bpl-lab");
        graph = new GraphView(options.program() != null ? options.program() : GraphView.LECTURE_PROGRAM);
        root.appendChild(graph.element());
        HTMLElement footer = Dom.el("footer", "bpl-footer");
        HTMLElement backend = Dom.text("span", "", options.backend().equals("wasm") ? "WebAssembly" : "JavaScript");
        backend.setAttribute("data-testid", "backend");
        backend.setAttribute("data-value", options.backend());
        footer.appendChild(Dom.text("span", "", "Backend: "));
        footer.appendChild(backend);
        root.appendChild(footer);
        host.appendChild(root);
    }

    void setProgram(String program) {
        graph.setProgram(program);
    }

    void backward() {
        graph.backward();
    }

    void destroy() {
        host.removeChild(root);
    }
}
