package org.backproplab.ui.graph;

import java.util.List;
import org.backproplab.engine.BackwardLine;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.HandCheck;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Edits;
import org.backproplab.expr.Evaluation;
import org.backproplab.ui.dom.Svg;
import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Element;
import org.teavm.jso.dom.xml.NodeList;

/**
 * Export → Worksheet: a page to print and hand out for backprop by hand. Page one is the graph with every data value
 * filled in and a box to write each grad in (the output's given as 1, unless it is asked too; constants get none),
 * with the program beside it; page two is the answer key, each grad with micrograd's {@code _backward} lines that
 * give it. The file is a standalone HTML page with its own print styles, built as a DOM and serialised, so the
 * program's text and labels only ever go in as text.
 */
final class Worksheet {
    /** The page's look on paper. No '<', '>' or '&': serialised, they would be escaped inside the style element. */
    private static final String STYLE = "@page { size: A4 landscape; margin: 12mm; }"
            + "body { margin: 16px; font: 14px/1.4 system-ui, sans-serif; color: #1d2430; }"
            + "h1 { font-size: 20px; margin: 0 0 2px; } h2 { font-size: 17px; margin: 0 0 8px; }"
            + "p { margin: 2px 0 8px; max-width: 60em; } .name { margin: 10px 0 12px; }"
            + ".sheet { display: flex; gap: 18px; align-items: flex-start; }"
            + "figure { flex: 1; margin: 0; min-width: 0; } figure svg { display: block; width: 100%; height: auto;"
            + " max-height: 150mm; }"
            + "pre { margin: 0; padding: 8px 10px; font: 12px/1.5 ui-monospace, Menlo, Consolas, monospace;"
            + " border: 1px solid #c8ced8; border-radius: 6px; white-space: pre-wrap; max-width: 32em; }"
            + ".program h2 { font-size: 13px; margin: 0 0 4px; color: #5b6472; }"
            + ".key { break-before: page; page-break-before: always; margin-top: 28px; padding-top: 14px;"
            + " border-top: 2px dashed #c8ced8; }"
            + "table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top;"
            + " padding: 4px 10px; border-bottom: 1px solid #d3d8e0; }"
            + "td.num, td.code { font-family: ui-monospace, Menlo, Consolas, monospace; }"
            + "td.num { white-space: nowrap; }"
            + "td.code div { white-space: pre-wrap; }"
            + "@media print { body { margin: 0; } .key { margin-top: 0; padding-top: 0; border-top: 0; } }";

    private Worksheet() {
    }

    /** The worksheet for the evaluation drawn in scene, as the text of an HTML file. */
    static String html(GraphScene scene, Evaluation evaluation, boolean askOutput) {
        scene.buildTexts(); // a big graph far out has no texts yet
        Value output = evaluation.output();
        HandCheck check = new HandCheck(output, askOutput, StepPanel::label);
        HTMLDocument doc = newDocument("Backprop by hand: worksheet");
        Element meta = doc.createElement("meta");
        meta.setAttribute("charset", "utf-8");
        doc.getHead().appendChild(meta);
        Element csp = doc.createElement("meta"); // a file that fetches nothing and runs nothing
        csp.setAttribute("http-equiv", "Content-Security-Policy");
        csp.setAttribute("content", "default-src 'none'; style-src 'unsafe-inline'");
        doc.getHead().appendChild(csp);
        doc.getHead().appendChild(text(doc, "style", STYLE));

        HTMLElement body = doc.getBody();
        String out = StepPanel.label(output);
        body.appendChild(text(doc, "h1", "Backprop by hand"));
        body.appendChild(text(doc, "p", "Write in each box the grad of that Value: d" + out + "/d(that Value). "
                + (askOutput ? "Start at " + out + " itself" : "Start from " + out + ".grad = 1") + " and work back "
                + "one operation at a time: a + passes the grad on unchanged, a × multiplies it by the other input's "
                + "data, and a Value used more than once adds up the contributions of all its uses."));
        Element name = text(doc, "p", "Name: ______________________________    Date: ______________");
        name.setAttribute("class", "name");
        body.appendChild(name);
        Element sheet = doc.createElement("div");
        sheet.setAttribute("class", "sheet");
        Element figure = doc.createElement("figure");
        figure.appendChild(doc.importNode(blankGraph(scene, check), true));
        sheet.appendChild(figure);
        Element program = doc.createElement("div");
        program.setAttribute("class", "program");
        program.appendChild(text(doc, "h2", "The program"));
        program.appendChild(text(doc, "pre", Edits.withoutAnswers(evaluation.program()).trim()));
        sheet.appendChild(program);
        body.appendChild(sheet);
        body.appendChild(answerKey(doc, check));
        return serialise(doc);
    }

    /** A copy of the drawing, framed to its size, with data filled in and the grad rows turned into blank boxes. */
    private static Element blankGraph(GraphScene scene, HandCheck check) {
        Element svg = (Element) scene.svg().cloneNode(true);
        String w = Svg.r(scene.layout().width());
        String h = Svg.r(scene.layout().height());
        svg.setAttribute("class", "bpl-svg");
        svg.setAttribute("viewBox", "0 0 " + w + " " + h);
        svg.setAttribute("width", w);
        svg.setAttribute("height", h);
        svg.removeAttribute("style");
        svg.removeAttribute("role");
        svg.setAttribute("aria-label", "The graph, with a box for each grad");
        svg.querySelector("g").removeAttribute("transform"); // the screen's pan and zoom
        // nothing of the screen's state: fields, highlights and notes, colours, and the grads the attributes hold
        remove(svg.querySelectorAll("foreignObject, [data-testid=edge-note], line"));
        NodeList<? extends Element> marked = svg.querySelectorAll(".h, .cur, .recv");
        for (int k = 0; k < marked.getLength(); k++) {
            String c = marked.get(k).getAttribute("class");
            marked.get(k).setAttribute("class", c.startsWith("e") ? "e" : c.startsWith("o") ? "o" : "n");
        }
        NodeList<? extends Element> boxes = svg.querySelectorAll("g[data-testid=node]");
        for (int k = 0; k < boxes.getLength(); k++) {
            Element box = boxes.get(k);
            Value v = scene.value((int) Numbers.parse(box.getAttribute("data-index")));
            for (String a : new String[] {"data-grad", "data-check", "aria-label", "tabindex", "role"}) {
                box.removeAttribute(a);
            }
            Element rect = box.querySelector("rect");
            rect.removeAttribute("style");
            rect.setAttribute("fill", "#ffffff");
            gradRow(box, Numbers.parse(rect.getAttribute("width")), v, check);
        }
        return svg;
    }

    /** The grad row: "grad" and a box to write in; the given output's 1; nothing for a constant. */
    private static void gradRow(Element box, double width, Value v, HandCheck check) {
        Element text = box.querySelector("text.gr");
        if (text == null) {
            return;
        }
        boolean given = v == check.output() && check.state(v) == HandCheck.State.RIGHT;
        if (!check.isAsked(v) || given) {
            text.setTextContent(given ? "grad 1" : "");
            return;
        }
        double left = -width / 2 + GraphScene.PAD;
        double top = 3 - GraphScene.BOX_HEIGHT / 2 + 2 * GraphScene.ROW;
        text.setTextContent("grad");
        text.setAttribute("x", Svg.r(left));
        text.setAttribute("style", "text-anchor:start");
        Element blank = Svg.el("rect");
        blank.setAttribute("class", "blank");
        double start = left + 4 * GraphScene.FONT_SIZE * 0.62 + 4;
        blank.setAttribute("x", Svg.r(start));
        blank.setAttribute("y", Svg.r(top + 2));
        blank.setAttribute("width", Svg.r(width / 2 - 5 - start));
        blank.setAttribute("height", Svg.r(GraphScene.ROW - 4));
        blank.setAttribute("fill", "#ffffff");
        blank.setAttribute("stroke", "#1d2430");
        blank.setAttribute("stroke-width", "0.8");
        box.appendChild(blank);
    }

    /** Page two: every asked Value's grad, and the lines of micrograd's code that give it. */
    private static Element answerKey(HTMLDocument doc, HandCheck check) {
        Element key = doc.createElement("section");
        key.setAttribute("class", "key");
        key.appendChild(text(doc, "h2", "Answer key"));
        Element table = doc.createElement("table");
        Element head = doc.createElement("tr");
        for (String title : new String[] {"Value", "data", "grad", "how: micrograd's _backward, with the numbers in"}) {
            head.appendChild(text(doc, "th", title));
        }
        table.appendChild(head);
        for (Value v : check.asked()) {
            String name = StepPanel.label(v);
            Element row = doc.createElement("tr");
            row.appendChild(text(doc, "td", name));
            row.appendChild(number(doc, v.data));
            row.appendChild(number(doc, check.grad(v)));
            Element how = doc.createElement("td");
            how.setAttribute("class", "code");
            List<BackwardTrace.Contribution> terms = check.contributions(v);
            if (terms.isEmpty()) {
                how.appendChild(text(doc, "div", name + ".grad = 1.0   (the output: d" + name + "/d" + name + ")"));
            }
            for (BackwardTrace.Contribution t : terms) {
                BackwardLine line = BackwardLine.of(t.parent(), t.operand(), name, t.upstream());
                how.appendChild(text(doc, "div", line.withNumbers() + "   → " + BackwardLine.number(
                        line.contribution(), false) + "   (" + line.code() + ")"));
            }
            row.appendChild(how);
            table.appendChild(row);
        }
        key.appendChild(table);
        return key;
    }

    private static Element text(HTMLDocument doc, String tag, String content) {
        Element e = doc.createElement(tag);
        e.setTextContent(content);
        return e;
    }

    private static Element number(HTMLDocument doc, double x) {
        Element cell = text(doc, "td", Numbers.fixed(x, 4));
        cell.setAttribute("class", "num");
        return cell;
    }

    private static void remove(NodeList<? extends Element> nodes) {
        for (int k = nodes.getLength() - 1; k >= 0; k--) {
            nodes.get(k).getParentNode().removeChild(nodes.get(k));
        }
    }

    @JSBody(params = "title", script = "return document.implementation.createHTMLDocument(title);")
    private static native HTMLDocument newDocument(String title);

    @JSBody(params = "doc", script = "return '<!DOCTYPE html>\\n'"
            + " + new XMLSerializer().serializeToString(doc.documentElement);")
    private static native String serialise(HTMLDocument doc);
}
