package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The lecture's examples as a table (inputs, target, the network's prediction), shown in place of the decision
 * boundary: with 3 inputs per example there is no plane to draw, and the lecture reads its four predictions off a
 * list like this one.
 */
final class LectureTable {
    private final HTMLElement table = Dom.el("table", "bpl-lecture-table");

    LectureTable() {
        table.setAttribute("data-testid", "lecture-table");
        table.setHidden(true);
    }

    HTMLElement element() {
        return table;
    }

    /** One row per training example, with the trainer's current prediction. */
    void show(Dataset train, Trainer trainer) {
        table.setTextContent("");
        HTMLElement head = Dom.el("tr", "");
        for (String h : new String[] {"example", "inputs", "target y", "prediction"}) {
            head.appendChild(Dom.text("th", "", h));
        }
        table.appendChild(head);
        for (int i = 0; i < train.size(); i++) {
            HTMLElement tr = Dom.el("tr", "");
            double[] x = train.xs()[i];
            StringBuilder in = new StringBuilder();
            for (int d = 0; d < x.length; d++) {
                in.append(d == 0 ? "" : ", ").append(Numbers.format(x[d]));
            }
            tr.appendChild(Dom.text("td", "", Integer.toString(i + 1)));
            tr.appendChild(Dom.text("td", "bpl-mono", in.toString()));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.format(train.ys()[i])));
            tr.appendChild(Dom.text("td", "bpl-mono", Numbers.fixed(trainer.predict(x), 4)));
            table.appendChild(tr);
        }
    }
}
