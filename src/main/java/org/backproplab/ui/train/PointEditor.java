package org.backproplab.ui.train;

import java.util.List;
import org.backproplab.data.Csv;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Numbers;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.html.HTMLTextAreaElement;

/**
 * The custom dataset's points, shown in the Data panel when the dataset is custom: click the plot to add a point of
 * the chosen class (shift-click: the other class; a regression's point takes a typed target), right-click (or
 * "remove" mode) to take away the nearest one, clear them all, or paste them as CSV. A CSV with a bad line replaces
 * nothing and says which line.
 */
final class PointEditor {
    private final TrainView view;
    private final boolean canEdit;
    private final HTMLElement root = Dom.el("div", "bpl-custom");
    private final HTMLSelectElement clickMode = SettingsPanel.select("click-mode", "add", "remove", "inspect");
    /** The class a click adds: +1 and -1 (classes 1 and 0), then classes 2 to 4 (see Classes). */
    private final HTMLSelectElement pointClass = SettingsPanel.select("point-class", "+1", "-1", "2", "3", "4");
    /** A regression's click adds a point with this target (shift-click: its negative) in place of a class. */
    private final HTMLInputElement pointTarget = Dom.numberField("0.5", "point-target");
    private final HTMLElement classLabel = Dom.labelled(pointClass, "class");
    private final HTMLElement targetLabel = Dom.labelled(pointTarget, "target");
    private final HTMLElement hint = Dom.el("p", "bpl-hint");
    private final HTMLTextAreaElement csv = (HTMLTextAreaElement) Dom.el("textarea", "bpl-csv");
    private final HTMLElement csvBox = Dom.el("div", "bpl-csv-box");

    /** With canEdit false (a fixed exercise) clicks on the plot never change the points. */
    PointEditor(TrainView view, boolean canEdit) {
        this.view = view;
        this.canEdit = canEdit;
        root.appendChild(hint);
        HTMLElement modeRow = Dom.el("div", "bpl-row");
        modeRow.appendChild(Dom.labelled(clickMode, "click to"));
        modeRow.appendChild(classLabel);
        modeRow.appendChild(targetLabel);
        String[] names = {"+1 (class 1)", "−1 (class 0)", "class 2", "class 3", "class 4"};
        for (int i = 0; i < names.length; i++) {
            ((HTMLElement) pointClass.getChildNodes().item(i)).setTextContent(names[i]);
        }
        root.appendChild(modeRow);
        Dom.on(clickMode, "change", e -> view.showPlotHint());
        HTMLElement csvRow = Dom.el("div", "bpl-row");
        csvRow.appendChild(Dom.button("Paste CSV…", "paste-csv", () -> csvBox.setHidden(!csvBox.isHidden())));
        csvRow.appendChild(Dom.button("Clear points", "clear-points", () -> {
            view.settings().custom.clear();
            view.dataChanged("All points removed: click the plot to add some.");
        }));
        root.appendChild(csvRow);
        csv.setAttribute("data-testid", "csv");
        csv.setAttribute("aria-label", "Points as CSV: x,y,label per line (label -1 or 1, or a class 0 to 4)");
        csv.setAttribute("placeholder", "x,y,label\n0.5,1.2,1\n-0.3,0.8,-1\n(or classes 0 to 4: 0.1,0.4,2)");
        csv.setRows(6);
        csvBox.appendChild(csv);
        csvBox.appendChild(Dom.button("Use these points", "csv-apply", this::applyCsv));
        csvBox.setHidden(true);
        root.appendChild(csvBox);
    }

    HTMLElement element() {
        return root;
    }

    /** Shown only for the custom dataset. */
    void show(TrainSettings settings) {
        root.setHidden(settings.dataset != DatasetChoice.CUSTOM);
        boolean targets = settings.regression(); // a regression's points have a real target in place of a class
        classLabel.setHidden(targets);
        targetLabel.setHidden(!targets);
        hint.setTextContent(targets ? "Click the plot to add a point with the target below (shift-click: its "
                + "negative); right-click removes the nearest point." : "Click the plot to add a point of the chosen "
                + "class (shift-click: the other class); right-click removes the nearest point.");
        csv.setAttribute("aria-label", targets ? "Points as CSV: x1,x2,target per line" : "Points as CSV: x,y,label per "
                + "line");
        csv.setAttribute("placeholder", targets ? "x1,x2,target\n0.5,1.2,0.85\n-0.3,0.8,0.25"
                : "x,y,label\n0.5,1.2,1\n-0.3,0.8,-1");
    }

    /** Whether a click on the plot edits the points (custom data, editing allowed, "click to" add or remove). */
    boolean clicksEdit() {
        return view.settings().dataset == DatasetChoice.CUSTOM && canEdit && !clickMode.getValue().equals("inspect");
    }

    /** What a click on the plot does, for its caption: in custom mode it adds a point and opens no graph. */
    String clickHint() {
        return clicksEdit() ? "Click to add a point (shift-click: " + (view.settings().regression() ? "the negative "
                + "target" : "the other class") + "), right-click to remove one; to see a point's scalar graph, choose "
                + "“click to: inspect” or press Inspect."
                : "Click a point to see its scalar graph.";
    }

    /**
     * A click on the plot at data coordinates (x, y): adds or removes a custom point and returns true, or returns
     * false when the click is not an edit (another dataset, a locked exercise, or "click to: inspect").
     */
    boolean clicked(double x, double y, boolean shift, boolean secondary) {
        TrainSettings settings = view.settings();
        if (!clicksEdit()) {
            return false;
        }
        if (secondary || clickMode.getValue().equals("remove")) {
            removeNearest(settings.custom, x, y);
            return true;
        }
        if (!Classes.inRange(new double[] {x, y})) { // the plot's margin around points near ±1e6 reaches past it
            view.say("No point added: a point's x and y must each be " + Dataset.COORDINATE_RANGE + ".", true);
            return true;
        }
        if (settings.regression()) {
            return addTarget(settings, x, y, shift);
        }
        double label = Numbers.parse(pointClass.getValue());
        if (shift && Math.abs(label) == 1) {
            label = -label;
        }
        int before = Classes.count(settings.custom);
        settings.custom.add(new double[] {x, y, label});
        int now = Classes.count(settings.custom);
        view.dataChanged("Added a " + (label == 1 ? "+1" : label == -1 ? "−1" : "class " + (int) label) + " point: "
                + settings.custom.size() + " in all." + (now != before ? " Now " + now + " classes: the network has "
                + "one score per class, and learns with softmax cross-entropy." : ""));
        return true;
    }

    /**
     * A regression's point: the typed target, or a message naming the field (and no point) when it isn't one. A
     * target is kept within ±Dataset.MAX_TARGET, as every other way in keeps it: a slip such as 1e300 would make
     * every loss infinite.
     */
    private boolean addTarget(TrainSettings settings, double x, double y, boolean shift) {
        Numbers.Reading target = Numbers.readBetween("target", pointTarget.getValue(), false, -Dataset.MAX_TARGET,
                Dataset.MAX_TARGET);
        if (!target.ok()) {
            view.say("No point added. " + target.error() + ".", true);
            return true;
        }
        double value = shift ? -target.value() : target.value();
        settings.custom.add(new double[] {x, y, value});
        view.dataChanged("Added a point with target " + Numbers.compact(value, 4) + ": " + settings.custom.size()
                + " in all.");
        return true;
    }

    private void removeNearest(List<double[]> points, double x, double y) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            double d = Math.hypot(p[0] - x, p[1] - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best >= 0) {
            points.remove(best);
            view.dataChanged("Removed a point: " + points.size() + " left.");
        }
    }

    private void applyCsv() {
        boolean targets = view.settings().regression();
        Csv.Result result = Csv.parse(csv.getValue(), targets ? Dataset.Labels.TARGETS
                : Classes.csvLabels(csv.getValue()), Classes.MAX);
        if (!result.ok()) {
            StringBuilder text = new StringBuilder("The CSV was not used, nothing was replaced. ");
            int shown = 0;
            for (Csv.LineError e : result.errors()) {
                if (shown++ == 5) {
                    text.append(" …and ").append(result.errors().size() - 5).append(" more.");
                    break;
                }
                text.append("Line ").append(e.line()).append(": ").append(e.reason()).append(". ");
            }
            view.say(text.toString().trim(), true);
            return;
        }
        if (result.points().dims() != 2) {
            view.say("The CSV was not used: each line needs " + (targets ? "x1,x2,target" : "x,y,label")
                    + " (2 coordinates).", true);
            return;
        }
        TrainSettings settings = view.settings();
        settings.dataset = DatasetChoice.CUSTOM;
        settings.targets = targets;
        settings.custom = Classes.points(result.points()); // a target, a -1/+1 label or a class, as the CSV has it
        settings.init = null;
        csvBox.setHidden(true);
        view.dataChanged("Using the " + settings.custom.size() + " points from the CSV.");
    }
}
