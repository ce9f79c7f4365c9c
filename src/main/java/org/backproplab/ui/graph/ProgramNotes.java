package org.backproplab.ui.graph;

import java.util.List;
import org.backproplab.engine.HandCheck;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.Program;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * What the lab made of a pasted notebook cell, under the program: each line it read but skipped (an import, a print,
 * a bare L) and why, and each {@code x.grad = …} line, which in the lecture is a grad worked out by hand. Those
 * answers are checked once Backward has filled in the grads: never before (a half-stepped or zeroed graph would
 * make a right answer look wrong), and always against the true grads, so with the = bug on a right answer is still
 * called right, and the panel says what the buggy Backward shows instead.
 */
final class ProgramNotes {
    /** More skipped lines than this are counted, not listed: a pasted notebook can print a lot. */
    private static final int MAX_SHOWN = 12;

    private final HTMLElement panel = Dom.el("div", "bpl-panel bpl-program-notes");
    private final HTMLElement answerHint = Dom.el("p", "bpl-hint");
    private final HTMLElement answers = Dom.el("ul", "bpl-answers");
    private final HTMLElement notes = Dom.el("ul", "bpl-notes");

    ProgramNotes() {
        panel.setAttribute("data-testid", "program-notes");
        panel.appendChild(Dom.text("h2", "", "Notes on your program"));
        answerHint.setAttribute("data-testid", "answers-hint");
        panel.appendChild(answerHint);
        answers.setAttribute("aria-label", "Your grads");
        panel.appendChild(answers);
        notes.setAttribute("aria-label", "Lines the lab skipped");
        panel.appendChild(notes);
        panel.setHidden(true);
    }

    HTMLElement element() {
        return panel;
    }

    /** The drawing is an older program's (the text has an error): its notes are not the text's. */
    void hide() {
        panel.setHidden(true);
    }

    /**
     * Shows this evaluation's notes and answers; the answers get a verdict when {@code gradsShown}, that is when the
     * grads on screen are a whole Backward (with the = bug if {@code buggy}).
     */
    void update(Evaluation evaluation, boolean gradsShown, boolean buggy) {
        Program program = evaluation.program();
        Dom.clear(answers);
        Dom.clear(notes);
        showAnswers(evaluation, gradsShown, buggy);
        int shown = 0;
        for (Program.Note n : program.notes()) {
            if (isAnswer(program, n)) {
                continue; // the answers above say more about these lines
            }
            if (shown++ < MAX_SHOWN) {
                HTMLElement li = Dom.text("li", "", n.describe());
                li.setAttribute("data-testid", "program-note");
                li.setAttribute("data-line", Integer.toString(n.line()));
                notes.appendChild(li);
            }
        }
        if (shown > MAX_SHOWN) {
            notes.appendChild(Dom.text("li", "", "… and " + (shown - MAX_SHOWN) + " more lines skipped."));
        }
        notes.setHidden(shown == 0);
        panel.setHidden(shown == 0 && program.answers().isEmpty());
    }

    private void showAnswers(Evaluation evaluation, boolean gradsShown, boolean buggy) {
        List<Program.Answer> list = evaluation.program().answers();
        answers.setHidden(list.isEmpty());
        answerHint.setHidden(list.isEmpty());
        if (list.isEmpty()) {
            return;
        }
        answerHint.setTextContent(!gradsShown ? "Your .grad lines are grads worked out by hand. Press Backward to "
                + "check them." : buggy ? "Checked against the true grads: Backward is showing the = bug, so some "
                + "of its grads are wrong." : "Checked against the grads Backward gives.");
        // The true grads, on a copy: the drawing's own may be the = bug's.
        Evaluation copy = Evaluator.evaluate(evaluation.program(), evaluation.outputName());
        copy.output().backward();
        for (Program.Answer a : list) {
            answers.appendChild(answer(a, evaluation, copy, gradsShown, buggy));
        }
    }

    /**
     * By-hand mode's verdict on one answer: right to 1e-6 relative or to the 4 decimals shown, and if wrong, the
     * rule that applies. Every other grad counts as known, so the rule is never "find another grad first". Null
     * if v does not feed the output.
     */
    private static HandCheck.Verdict verdict(Value output, Value v, double answer) {
        HandCheck check = new HandCheck(output, true, StepPanel::label);
        if (!check.isAsked(v)) {
            return null;
        }
        for (Value other : check.asked()) {
            if (other != v) {
                check.reveal(other);
            }
        }
        return check.check(v, answer);
    }

    /** One x.grad = … line and, once Backward has run, whether it is right. */
    private static HTMLElement answer(Program.Answer a, Evaluation shown, Evaluation copy, boolean gradsShown,
                                      boolean buggy) {
        Value onScreen = shown.bindings().get(a.target()).value();
        Value v = copy.bindings().get(a.target()).value();
        String name = a.name().text();
        HTMLElement li = Dom.el("li", "");
        li.setAttribute("data-testid", "answer");
        li.setAttribute("data-name", name);
        li.setAttribute("data-answer", Double.toString(a.grad()));
        li.appendChild(Dom.text("span", "bpl-mono", "line " + a.name().line() + ": " + name + ".grad = "
                + shown.program().source().substring(a.valueStart(), a.valueEnd()))); // as the student wrote it
        String check;
        String sentence;
        if (v == null) {
            check = "none";
            sentence = name + " is a plain number here, not a Value, so it has no grad.";
        } else if (!gradsShown) {
            check = "unchecked";
            sentence = "";
        } else {
            li.setAttribute("data-label", v.label);
            li.setAttribute("data-grad", Double.toString(onScreen.grad));
            HandCheck.Verdict verdict = verdict(copy.output(), v, a.grad());
            boolean feeds = verdict != null;
            boolean right = feeds ? verdict.state() == HandCheck.State.RIGHT : a.grad() == 0;
            check = right ? "right" : "wrong";
            sentence = (right ? "✓ right: " : "✗ not quite: ")
                    + (!feeds ? name + " does not feed " + shown.outputName() + ", so its grad stays 0."
                    : "the grad is " + Numbers.compact(v.grad, 6) + (buggy && onScreen.grad != v.grad
                    ? " (Backward with the = bug shows " + Numbers.compact(onScreen.grad, 6) + ")." : ".")
                    + (right ? "" : " " + verdict.feedback()));
        }
        li.setAttribute("data-check", check);
        if (!sentence.isEmpty()) {
            String look = check.equals("right") ? "bpl-ok" : check.equals("wrong") ? "bpl-mismatch" : "";
            li.appendChild(Dom.text("span", look, " " + sentence));
        }
        return li;
    }

    private static boolean isAnswer(Program program, Program.Note n) {
        for (Program.Answer a : program.answers()) {
            if (a.name().line() == n.line() && a.name().column() == n.column()) {
                return true;
            }
        }
        return false;
    }
}
