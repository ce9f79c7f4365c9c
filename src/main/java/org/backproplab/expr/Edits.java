package org.backproplab.expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;
import org.backproplab.engine.Value;

/**
 * Changes to program text that keep it the single source of truth: when the graph view nudges or scrubs a leaf,
 * the new number is written where the leaf's number is (the right side of a = 2.0, or inside
 * Value(2.0, label='a')), and the label, comments and spacing stay as they were.
 */
public final class Edits {
    private Edits() {
    }

    /**
     * The program's source with the given leaves set to new numbers. Each key names a leaf by its variable or by its
     * label (what the drawing shows), for a = Value(2.0, label='a') both a; a name that makes several leaves (a name
     * assigned again) means the last of them, as the name does in later lines.
     */
    public static String setValues(Program program, Map<String, Double> values) {
        List<Program.Assignment> assignments = program.assignments();
        String[] labels = new String[assignments.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = assignments.get(i).value() instanceof Expr.ValueCall call && call.label() != null
                    ? call.labelText() : assignments.get(i).variable();
        }
        for (Program.Label label : program.labels()) {
            labels[label.target()] = label.label();
        }
        List<Program.Assignment> targets = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int i = assignments.size() - 1; i >= 0; i--) { // from the end: the last leaf of a name wins
            Program.Assignment a = assignments.get(i);
            String key = values.containsKey(a.variable()) ? a.variable() : labels[i];
            if (a.leaf() && values.containsKey(key) && done.add(key)) {
                targets.add(a);
                numbers.add(values.get(key));
            }
        }
        java.util.Collections.reverse(targets);
        java.util.Collections.reverse(numbers);
        return replace(program.source(), targets, numbers);
    }

    /** The program's source with these leaves of its evaluation set to new numbers; other Values are left alone. */
    public static String setLeaves(Evaluation evaluation, Map<Value, Double> values) {
        List<Program.Assignment> targets = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        Set<Value> made = new HashSet<>();
        for (Evaluation.Binding b : evaluation.bindings()) {
            if (b.value() != null && made.add(b.value()) && b.assignment().leaf() && values.containsKey(b.value())) {
                targets.add(b.assignment());
                numbers.add(values.get(b.value()));
            }
        }
        return replace(evaluation.program().source(), targets, numbers);
    }

    /**
     * For text that does not parse as a whole (the student is half-way through an edit): sets the leaf called name
     * on the last line that is, on its own, an assignment of that leaf, and leaves every other character as it is.
     * Null if no such line exists, so the caller can refuse rather than overwrite the student's text.
     */
    public static String setValueInLine(String source, String name, double value) {
        String[] lines = Text.fields(source, '\n');
        for (int i = lines.length - 1; i >= 0; i--) {
            Program line;
            try {
                line = Parser.parse(lines[i]);
            } catch (ParseError e) {
                continue; // blank, a comment, or a line that needs the lines above it
            }
            if (line.assignments().size() == 1 && line.assignments().get(0).leaf()) {
                String edited = setValues(line, Map.of(name, value));
                if (!edited.equals(lines[i])) {
                    lines[i] = edited;
                    return String.join("\n", lines);
                }
            }
        }
        return null;
    }

    /** Writes each number over its leaf's text; the targets are in program order. */
    private static String replace(String source, List<Program.Assignment> targets, List<Double> numbers) {
        StringBuilder out = new StringBuilder(source);
        for (int i = targets.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay valid
            Program.Assignment a = targets.get(i);
            out.replace(a.valueStart(), a.valueEnd(), Numbers.shortLiteral(numbers.get(i)));
        }
        return out.toString();
    }

    /**
     * The program's source without its {@code NAME.grad = number} lines: a worksheet made from a pasted notebook
     * cell (the lecture's sets {@code f.grad = 4.0} and the rest by hand) must not print the answers beside the
     * blanks.
     */
    public static String withoutAnswers(Program program) {
        List<Program.Answer> answers = new ArrayList<>(program.answers());
        answers.sort((x, y) -> Integer.compare(x.name().offset(), y.name().offset()));
        StringBuilder out = new StringBuilder(program.source());
        for (int i = answers.size() - 1; i >= 0; i--) { // from the end, so earlier offsets stay valid
            int start = answers.get(i).name().offset();
            int end = answers.get(i).valueEnd();
            while (end < out.length() && (out.charAt(end) == ' ' || out.charAt(end) == ';')) {
                end++; // d = a*b; d.grad = -2.0; e = d + c keeps "d = a*b; e = d + c"
            }
            int lineStart = out.lastIndexOf("\n", start - 1) + 1;
            int lineEnd = out.indexOf("\n", end) < 0 ? out.length() : out.indexOf("\n", end);
            if (out.substring(lineStart, start).trim().isEmpty() && out.substring(end, lineEnd).trim().isEmpty()) {
                out.delete(lineStart, Math.min(lineEnd + 1, out.length())); // the line held only the answer
            } else if (out.substring(end, lineEnd).trim().isEmpty()) { // last on its line: its "; " goes too
                int from = start;
                while (from > lineStart && (out.charAt(from - 1) == ' ' || out.charAt(from - 1) == ';')) {
                    from--;
                }
                out.delete(from, end);
            } else {
                out.delete(start, end);
            }
        }
        return out.toString();
    }
}
