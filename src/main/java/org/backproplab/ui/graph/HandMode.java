package org.backproplab.ui.graph;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.BackwardLine;
import org.backproplab.engine.BackwardTrace;
import org.backproplab.engine.HandCheck;
import org.backproplab.engine.HandCheck.State;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Program;
import org.backproplab.ui.chart.Palette;
import org.backproplab.ui.dom.Settings;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Backprop by hand, as the lecture does it before any code (#hand=1): each Value's grad is a blank field in its
 * box ({@link AnswerFields}), the student works them out from the output back, and {@link HandCheck} says right,
 * wrong with the rule that applies (never the number), or which grad to find first. A right answer colours its box,
 * puts "upstream × local = contribution" on the edges its grad came in on, and shows micrograd's {@code _backward}
 * line with the numbers in ({@link HandPanel}). The drawing's own grads stay unknown all along: the true ones live
 * in HandCheck, apart from the Values. Answers a pasted notebook cell writes as {@code a.grad = 6.0} are taken as
 * typed ones.
 */
final class HandMode implements AnswerFields.Listener {
    /** More fields than this make a page nobody can work through by hand: the panel says so instead. */
    static final int MAX_ASKED = 200;

    private final GraphView view;
    private final GraphCanvas canvas;
    private final StepPanel steps;
    private final HandToggle toggle = new HandToggle(this::setOn);
    private Runnable changed = () -> { };
    private final HandPanel panel = new HandPanel(this::hint, this::reveal, this::startOver, this::askChanged);
    private final AnswerFields fields;
    private boolean on;
    private HandCheck check;
    private String shape = "";
    private String programAnswers = "";
    private double maxGrad;
    private int selected = -1;
    private int checks;
    private boolean startingOver;

    HandMode(GraphView view, GraphCanvas canvas, StepPanel steps) {
        this.view = view;
        this.canvas = canvas;
        this.steps = steps;
        fields = new AnswerFields(canvas.scene(), this);
        panel.element().setHidden(true);
    }

    HTMLElement panel() {
        return panel.element();
    }

    /** The "Do it by hand" switch, for the toolbar. */
    HTMLElement toggle() {
        return toggle.element();
    }

    boolean on() {
        return on;
    }

    boolean askOutput() {
        return panel.askOutput();
    }

    /** Once the view has its first graph: by hand if the state says hand=1, asking the output's grad if askout=1. */
    void start(Settings state, boolean canEdit, Runnable changed) {
        this.changed = changed;
        panel.setAskOutput(state.flag("askout", false));
        boolean byHand = state.flag("hand", false);
        toggle.lock(byHand && !canEdit);
        if (byHand) {
            setOn(true);
        }
    }

    /**
     * By-hand mode on, with blank fields for the graph on show, or off. Either way the drawing forgets its grads:
     * on, so they don't give the answers away; off, so they come back unknown until Backward runs.
     */
    void setOn(boolean turnOn) {
        toggle.show(turnOn, view.element());
        if (turnOn == on) {
            return;
        }
        on = turnOn;
        steps.stop();
        steps.element().setHidden(on);
        panel.element().setHidden(!on);
        if (on) {
            view.element().getClassList().add("bpl-hand-on");
            view.setBuggy(false);
            shape = "";
        } else {
            view.element().getClassList().remove("bpl-hand-on");
            fields.remove();
            check = null;
        }
        if (!view.evaluate(true) && view.evaluation() != null) { // the program has an error: the last good graph
            canvas.clearHighlight();
            canvas.show(view.evaluation().output(), false);
            update(view.evaluation());
            changed.run();
        }
    }

    /**
     * The program ran again (a new program, an edited one, a leaf scrubbed). A graph of the same shape keeps the
     * answers, checked again against the new numbers; another shape starts blank. Answers written in the program
     * ({@code a.grad = 6.0}) are taken whenever they change.
     */
    void update(Evaluation evaluation) {
        if (!on || evaluation == null) {
            return;
        }
        HandCheck next = new HandCheck(evaluation.output(), askOutput(), StepPanel::label);
        if (next.total() > MAX_ASKED) {
            fields.remove();
            check = null;
            shape = "";
            panel.say("This graph has " + next.total() + " Values to find the grad of: by hand works up to "
                    + MAX_ASKED + ". Pick a smaller example, or turn by-hand mode off.", "info");
            panel.progress(0, 0, 0);
            panel.finished(null);
            return;
        }
        String nextShape = shapeOf(next);
        boolean same = nextShape.equals(shape) && fields.size() == next.total();
        List<State> before = new ArrayList<>();
        for (int k = 0; same && k < fields.size(); k++) {
            before.add(check.state(check.asked().get(k)));
        }
        check = next;
        shape = nextShape;
        maxGrad = 0;
        for (Value v : check.asked()) {
            maxGrad = Double.isFinite(check.grad(v)) ? Math.max(maxGrad, Math.abs(check.grad(v))) : maxGrad;
        }
        if (same) {
            fields.attach(check.asked());
            recheck(before);
        } else {
            fields.make(check.asked());
            selected = -1;
            if (!askOutput()) { // the output's grad is given: d(out)/d(out) = 1
                fields.setText(0, "1.0");
            }
            for (int k = 0; k < fields.size(); k++) {
                show(k);
            }
            panel.say("Start at the output and work back: each grad is d" + StepPanel.label(evaluation.output())
                    + "/d(that Value).", "info");
            panel.code(List.of(), List.of(), null);
            canvas.clearHighlight();
        }
        if (!same && !startingOver) {
            programAnswers = ""; // new fields: take the program's answers into them
        }
        takeProgramAnswers(evaluation);
        fields.settleTabOrder();
        progress();
    }

    /** The same fields on new numbers: revealed grads are revealed again, checked answers checked again. */
    private void recheck(List<State> before) {
        for (int k = 0; k < fields.size(); k++) {
            if (before.get(k) == State.REVEALED) {
                fields.setText(k, BackwardLine.number(check.reveal(check.asked().get(k)), false));
            } else if (before.get(k) != State.EMPTY && !fields.text(k).isEmpty()) {
                check(k, false);
            }
            show(k);
        }
    }

    /** What the fields stand for: the asked Values' names and ops, output first. */
    private static String shapeOf(HandCheck h) {
        StringBuilder s = new StringBuilder(h.total() + ":");
        for (Value v : h.asked()) {
            s.append(v.label).append('/').append(v.op()).append(';');
        }
        return s.toString();
    }

    /** A box as its answer stands: data-check, and the grad's colour once it is right or revealed. */
    private void show(int k) {
        Value v = check.asked().get(k);
        State state = check.state(v);
        boolean known = state == State.RIGHT || state == State.REVEALED;
        fields.show(k, state, known ? Palette.fill(check.grad(v), maxGrad) : null,
                state == State.REVEALED || given(k));
    }

    /** The output's field, when its grad is given as 1 rather than asked. */
    private boolean given(int k) {
        return k == 0 && !askOutput();
    }

    // ---- checking ----

    @Override
    public void check(int k) {
        check(k, true);
    }

    /** Checks field k; byUser says the student asked (Enter, leaving the field), which counts and is reported. */
    private void check(int k, boolean byUser) {
        Value v = check.asked().get(k);
        String text = fields.text(k);
        fields.checked(k);
        if (check.state(v) == State.REVEALED || given(k)) {
            return;
        }
        String name = StepPanel.label(v);
        if (text.isEmpty()) {
            check.clear(v);
            show(k);
            if (byUser) {
                panel.say("Type a number for " + name + ".grad, such as -2 or 0.5.", "info");
                counted();
            }
            return;
        }
        Numbers.Reading typed = Numbers.read(name + ".grad", text);
        if (!typed.ok()) {
            if (byUser) {
                fields.markInvalid(k);
                panel.say(typed.error() + ".", "wrong");
                counted();
            }
            return;
        }
        HandCheck.Verdict verdict = check.check(v, typed.value());
        show(k);
        if (!byUser) {
            return;
        }
        selected = k;
        if (verdict.state() == State.RIGHT) {
            explain(k, verdict.feedback());
        } else { // the rule only: no edge notes or code, which would hold the number
            canvas.clearHighlight();
            panel.code(List.of(), List.of(), null);
            panel.say(verdict.feedback(), "wrong");
        }
        counted();
    }

    /** A check the student asked for: the progress, the finish message and the page's onChange hear of it. */
    private void counted() {
        checks++;
        fields.settleTabOrder();
        progress();
        changed.run();
    }

    /** The feedback, the code and the edge notes for a grad that is now known (right or revealed). */
    private void explain(int k, String sentence) {
        Value v = check.asked().get(k);
        List<BackwardTrace.Contribution> terms = check.contributions(v);
        List<String> froms = new ArrayList<>();
        List<BackwardLine> lines = new ArrayList<>();
        String name = StepPanel.label(v);
        if (terms.isEmpty()) {
            froms.add("micrograd's backward() starts at the output:");
            lines.add(new BackwardLine("self.grad = 1", name + ".grad = 1.0", 1.0));
        }
        for (BackwardTrace.Contribution t : terms) {
            froms.add("from " + StepPanel.label(t.parent()) + " = " + formula(t.parent()) + ":");
            lines.add(BackwardLine.of(t.parent(), t.operand(), name, t.upstream()));
        }
        panel.code(froms, lines, terms.size() > 1 ? name + ".grad = " + BackwardLine.number(check.grad(v), false)
                + ", the sum of its " + terms.size() + " contributions" : null);
        canvas.highlightUses(v, terms, false);
        panel.say(sentence, check.state(v) == State.RIGHT ? "right" : "info");
    }

    /** How a result is computed from its inputs' names: "a * b", "tanh(n)", "x**2". */
    private static String formula(Value v) {
        String first = StepPanel.label(v.child(0));
        if (v.arity() == 2) {
            return first + " " + v.op() + " " + StepPanel.label(v.child(1));
        }
        return v.kind().isFunction() ? v.op() + "(" + first + ")" : first + v.op();
    }

    private void progress() {
        if (check == null) {
            return;
        }
        List<Value> revealed = check.revealed();
        panel.progress(check.right(), check.total(), revealed.size());
        if (!check.finished()) {
            panel.finished(null);
        } else if (revealed.isEmpty()) {
            panel.finished("Done: all " + check.total() + " grads right, every one worked out by you.");
        } else {
            StringBuilder names = new StringBuilder();
            for (Value v : revealed) {
                names.append(names.length() == 0 ? "" : ", ").append(StepPanel.label(v));
            }
            panel.finished("Done: " + check.right() + " of " + check.total() + " worked out; revealed: " + names
                    + ". Try those again: Start over, or another example.");
        }
    }

    /** {@code a.grad = 6.0} lines of the program, taken as typed answers whenever they change. */
    private void takeProgramAnswers(Evaluation evaluation) {
        Program program = evaluation.program();
        StringBuilder now = new StringBuilder();
        for (Program.Answer a : program.answers()) {
            now.append(a.target()).append('=').append(a.grad()).append(';');
        }
        if (now.toString().equals(programAnswers)) {
            return;
        }
        programAnswers = now.toString();
        List<Evaluation.Binding> bindings = evaluation.bindings();
        for (Program.Answer a : program.answers()) {
            Value v = a.target() >= 0 && a.target() < bindings.size() ? bindings.get(a.target()).value() : null;
            int k = v == null || !check.isAsked(v) ? -1 : check.asked().indexOf(v);
            if (k >= 0 && !given(k) && check.state(v) != State.REVEALED) {
                fields.setText(k, Numbers.format(a.grad()));
                check(k, false);
            }
        }
    }

    // ---- the helpers ----

    @Override
    public void selected(int k) {
        selected = k;
        canvas.reveal(check.asked().get(k)); // Tab may have gone to a box off screen
    }

    /**
     * The field to help with: the one last focused or checked (for Reveal, only if its grad is still to find),
     * else the first whose grad is still to find, in the order backward visits them.
     */
    private int target(boolean stillToFind) {
        if (selected >= 0 && selected < fields.size() && (!stillToFind || toFind(selected))) {
            return selected;
        }
        for (int k = 0; k < fields.size(); k++) {
            if (toFind(k)) {
                return k;
            }
        }
        return -1;
    }

    private boolean toFind(int k) {
        State s = check.state(check.asked().get(k));
        return !given(k) && (s == State.EMPTY || s == State.WRONG);
    }

    private void hint() {
        int k = check == null ? -1 : target(false);
        if (k < 0) {
            return;
        }
        Value v = check.asked().get(k);
        canvas.highlightUses(v, check.contributions(v), true);
        panel.code(List.of(), List.of(), null);
        panel.say(check.hint(v), "info");
    }

    private void reveal() {
        int k = check == null ? -1 : target(true);
        if (k < 0) {
            return; // every grad is found
        }
        selected = k;
        Value v = check.asked().get(k);
        String text = BackwardLine.number(check.reveal(v), false);
        fields.setText(k, text);
        show(k);
        explain(k, StepPanel.label(v) + ".grad = " + text + ": revealed, so it counts as revealed, not as right.");
        counted();
    }

    private void startOver() {
        if (check != null) {
            shape = "";
            startingOver = true; // blank, the program's answers too
            update(view.evaluation());
            startingOver = false;
            counted();
        }
    }

    private void askChanged() {
        if (on) {
            shape = "";
            update(view.evaluation());
        }
        changed.run();
    }

    // ---- state for links and for the page ----

    /** hand=1 and askout=1, when they are on. */
    void writeState(Settings state) {
        if (on) {
            state.putFlag("hand", true);
        }
        if (askOutput()) {
            state.putFlag("askout", true);
        }
    }

    /** The answers' progress, for the page's onChange and the handle's state(): right, total, revealed, checks. */
    void writeProgress(Settings state) {
        if (on && check != null) {
            state.put("right", Integer.toString(check.right())).put("total", Integer.toString(check.total()))
                    .put("revealed", Integer.toString(check.revealed().size()))
                    .put("checks", Integer.toString(checks)).putFlag("done", check.finished());
        }
    }

    /** The check behind the fields, or null when by-hand mode is off. */
    HandCheck check() {
        return check;
    }
}
