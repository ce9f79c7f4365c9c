package org.backproplab.ui.graph;

import java.util.function.BooleanSupplier;
import org.backproplab.expr.PythonExport;
import org.backproplab.ui.dom.Download;
import org.backproplab.ui.dom.ExportMenu;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;

/**
 * The files the graph view saves, from its Export menu: the drawing as SVG or PNG, the program as Python that
 * runs under micrograd, and a worksheet to print for backprop by hand. Each first re-reads a just-edited program (as Backward does), so a file always matches
 * the text; if the text has an error, nothing is saved and the error shows.
 */
final class GraphExports {
    /** Downloads are backprop-graph.svg, .png and .py. */
    private static final String NAME = "backprop-graph";

    private final GraphView view;
    private final GraphScene scene;
    private final BooleanSupplier askOutput;

    /** askOutput says whether a worksheet asks for the output's grad too, as by-hand mode does when ticked. */
    GraphExports(GraphView view, GraphScene scene, BooleanSupplier askOutput) {
        this.view = view;
        this.scene = scene;
        this.askOutput = askOutput;
    }

    HTMLElement menu() {
        return new ExportMenu("export", "Save the graph or the program as a file")
                .item("Graph as SVG drawing", "export-svg", this::saveSvg)
                .item("Graph as PNG picture", "export-png", this::savePng)
                .item("Program as Python (micrograd)", "export-python", this::savePython)
                .item("Worksheet to print: the grads left blank", "export-worksheet", this::saveWorksheet)
                .element();
    }

    private void saveSvg() {
        if (view.upToDate()) {
            Download.text(NAME + ".svg", "image/svg+xml", svg());
        }
    }

    private void savePng() {
        if (!view.upToDate()) {
            return;
        }
        Download.svgAsPng(svg(), scene.width(), scene.height(), NAME + ".png", ok -> {
            if (!ok) {
                view.showNotice("The browser could not draw the graph as a picture (it may be too big): "
                        + "Graph as SVG drawing still works.");
            }
        });
    }

    private void savePython() {
        if (view.upToDate()) {
            Download.text(NAME + ".py", "text/x-python",
                    PythonExport.toPython(view.evaluation().program(), view.evaluation().outputName()));
        }
    }

    /** backprop-worksheet.html: the graph with blank grad boxes, and the answer key on a second page. */
    private void saveWorksheet() {
        if (view.upToDate()) {
            Download.text("backprop-worksheet.html", "text/html",
                    Worksheet.html(scene, view.evaluation(), askOutput.getAsBoolean()));
        }
    }

    /**
     * The whole graph as a standalone SVG document, framed to its own size: every box with its text (a big graph
     * shown far out has none yet, so it is built now), and never the far-out look that hides it.
     */
    private String svg() {
        scene.buildTexts();
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + standalone(scene.svg(),
                Svg.r(scene.width()), Svg.r(scene.height()));
    }

    @JSBody(params = {"svg", "w", "h"}, script = "var bplCopy = svg.cloneNode(true);"
            + "bplCopy.setAttribute('class', 'bpl-svg');"
            + "bplCopy.setAttribute('viewBox', '0 0 ' + w + ' ' + h); bplCopy.setAttribute('width', w);"
            + "bplCopy.setAttribute('height', h); bplCopy.removeAttribute('style');"
            + "var bplView = bplCopy.querySelector('g'); if (bplView) { bplView.removeAttribute('transform'); }"
            + "bplCopy.querySelectorAll('foreignObject').forEach(function (bplField) { bplField.remove(); });"
            + "var bplBack = document.createElementNS('http://www.w3.org/2000/svg', 'rect');"
            + "bplBack.setAttribute('width', w); bplBack.setAttribute('height', h);"
            + "bplBack.setAttribute('fill', '#ffffff'); bplCopy.insertBefore(bplBack, bplCopy.firstChild);"
            + "return new XMLSerializer().serializeToString(bplCopy);")
    private static native String standalone(Element svg, String w, String h);
}
