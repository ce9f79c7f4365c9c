package org.backproplab.expr;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * A program as Python that runs with stock micrograd (pip install micrograd) in a notebook, and that the lab reads
 * back into the same graph. Stock micrograd's Value takes no label and has no tanh, exp, log or sigmoid, so labels
 * are set as attributes afterwards and the functions the program uses are defined the way the lecture writes them
 * (the lab skips those definitions when the file is pasted back). Our syntax is Python's (same operators and
 * precedence, ** binding tighter than unary minus), and micrograd turns a number next to a Value into a Value, so
 * 2 * a, 1 / a and 1 - a mean what they mean here. Three things still need care:
 * <ul>
 *   <li>a line that makes a leaf from plain numbers (a = 2.0, k = 2 * 3) would be a Python float, so its right side
 *       is wrapped in Value(…); a plain number beside Value(…) (h = 0.001) stays one, as it is here;</li>
 *   <li>a name Python reserves (in, if, lambda...) or one the export itself uses (Value, math, print...) gets a
 *       trailing _ in the code, while its label keeps the name;</li>
 *   <li>micrograd's backward() sorts the graph recursively, so a deep graph raises Python's recursion limit.</li>
 * </ul>
 */
public final class PythonExport {
    /** Python's keywords, and the names the exported code relies on. */
    private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
            "while", "with", "yield", "Value", "math", "sys", "print", "isinstance", "micrograd");
    /** Python's default recursion limit, less some room for the frames around backward(). */
    private static final int SAFE_DEPTH = 900;

    private PythonExport() {
    }

    public static String toPython(Program program, String outputName) {
        Evaluation evaluation = Evaluator.evaluate(program, outputName);
        Map<String, String> names = pythonNames(program);
        Printer.Style style = new Printer.Style(names);
        StringBuilder py = header(program);
        Set<Value> labelled = new HashSet<>();
        for (Evaluation.Binding b : evaluation.bindings()) {
            String code = names.get(b.name());
            py.append(code).append(" = ").append(rightSide(b, style)).append('\n');
            // Each new Value gets the label it ends with. b = a makes b the same object as a: it keeps a's label.
            if (b.value() != null && labelled.add(b.value())) {
                py.append(code).append(".label = ").append(Token.quote(b.value().label)).append('\n');
            }
        }
        py.append('\n').append(names.getOrDefault(outputName, outputName)).append(".backward()\n");
        for (String name : evaluation.named().keySet()) {
            String code = names.get(name);
            py.append("print(f'{\"").append(name).append("\":>8} | data {").append(code).append(".data:.4f} | grad {")
                    .append(code).append(".grad:.4f}')\n");
        }
        return py.toString();
    }

    /** The imports, a higher recursion limit for a deep graph, and the functions stock micrograd lacks. */
    private static StringBuilder header(Program program) {
        Scan scan = new Scan();
        int values = 0;
        for (Program.Assignment a : program.assignments()) {
            values += a.value().accept(scan);
        }
        StringBuilder py = new StringBuilder();
        py.append("# Exported from Backprop Lab. Runs with micrograd: pip install micrograd\n");
        py.append("# Paste it back into the lab to see the same graph.\n");
        py.append("import math\n");
        if (values > SAFE_DEPTH) {
            py.append("import sys\n");
        }
        py.append("from micrograd.engine import Value\n\n");
        if (values > SAFE_DEPTH) {
            py.append("# micrograd's backward() walks the graph recursively, and this graph is deep\n");
            py.append("sys.setrecursionlimit(").append(values + 1000).append(")\n\n");
        }
        for (Op op : Op.values()) {
            if (op.isFunction() && scan.functions.contains(op.symbol)) {
                py.append(definition(op));
            }
        }
        return py;
    }

    /** The Python for what one assignment bound. */
    private static String rightSide(Evaluation.Binding b, Printer.Style style) {
        Expr value = b.assignment().value();
        if (value instanceof Expr.ValueCall call) {
            return "Value(" + Printer.print(call.data(), style) + ")"; // stock micrograd's Value takes no label
        }
        if (b.value() != null && b.value().isLeaf() && !(value instanceof Expr.Variable)) {
            return "Value(" + Printer.print(value, style) + ")"; // a = 2.0 here is a leaf; in Python, a float
        }
        return Printer.print(value, style);
    }

    /** Every variable's name in the Python code: itself, or with _ appended until it is free. */
    private static Map<String, String> pythonNames(Program program) {
        Set<String> taken = new HashSet<>();
        for (Program.Assignment a : program.assignments()) {
            taken.add(a.variable());
        }
        Map<String, String> names = new HashMap<>();
        for (Program.Assignment a : program.assignments()) {
            String name = a.variable();
            String code = name;
            if (RESERVED.contains(name)) {
                do {
                    code += "_";
                } while (taken.contains(code) || RESERVED.contains(code));
                taken.add(code);
            }
            names.put(name, code);
        }
        return names;
    }

    /**
     * Collects the functions an expression calls, and counts a bound on the Values it builds in micrograd (a - b is
     * three: -1, b * -1 and the sum). A chain can be thousands long, so its spine is walked with a loop.
     */
    private static final class Scan implements Expr.Visitor<Integer> {
        final Set<String> functions = new HashSet<>();

        @Override
        public Integer visitNumber(Expr.Number number) {
            return 1;
        }

        @Override
        public Integer visitVariable(Expr.Variable variable) {
            return 0;
        }

        @Override
        public Integer visitNegate(Expr.Negate negate) {
            return 2 + negate.operand().accept(this);
        }

        @Override
        public Integer visitBinary(Expr.Binary top) {
            List<Expr.Binary> spine = Expr.leftSpine(top);
            int values = spine.get(0).left().accept(this);
            for (Expr.Binary b : spine) {
                values += 3 + b.right().accept(this);
            }
            return values;
        }

        @Override
        public Integer visitPower(Expr.Power power) {
            return 1 + power.base().accept(this);
        }

        @Override
        public Integer visitCall(Expr.Call call) {
            functions.add(call.function().text());
            return 2 + call.argument().accept(this);
        }

        @Override
        public Integer visitValueCall(Expr.ValueCall value) {
            return 1 + value.data().accept(this);
        }
    }

    /**
     * The Python for a function op, from its single home in {@link Op}: stock micrograd has relu as a method, so it
     * gets a wrapper; the others are defined as the lecture defines them, with the op's forward and backward lines.
     */
    private static String definition(Op op) {
        if (op.inStockMicrograd) {
            return "def " + op.symbol + "(x):  # micrograd has it as a method: x." + op.symbol + "()\n"
                    + "    return (x if isinstance(x, Value) else Value(x))." + op.symbol + "()\n\n";
        }
        String forward = op.pythonForward;
        String target = forward.substring(0, forward.indexOf(" = ")).trim();
        int space = target.length() - 1;
        while (space >= 0 && target.charAt(space) != ' ' && target.charAt(space) != '\n') {
            space--;
        }
        String result = target.substring(space + 1); // the variable the forward line sets: t, e, l or s
        return "def " + op.symbol + "(self):  # as in the lecture; stock micrograd lacks it\n"
                + "    self = self if isinstance(self, Value) else Value(self)\n"
                + indent(forward, "    ") + "\n"
                + "    out = Value(" + result + ", (self,), '" + op.symbol + "')\n"
                + "    def _backward():\n"
                + "        " + op.backwardLine(0) + "\n"
                + "    out._backward = _backward\n"
                + "    return out\n\n";
    }

    private static String indent(String lines, String by) {
        return by + lines.replace("\n", "\n" + by);
    }
}
