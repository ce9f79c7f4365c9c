package org.backproplab.expr;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Op;

/**
 * A program as Python that runs with stock micrograd (pip install micrograd) in a notebook. Stock micrograd's Value
 * takes no label and has no tanh, exp, log or sigmoid, so labels are set as attributes afterwards and the functions
 * the program uses are defined the way the lecture writes them. Our syntax is Python's (same operators and
 * precedence, ** binding tighter than unary minus), and micrograd turns a number next to a Value into a Value, so
 * 2 * a, 1 / a and 1 - a mean what they mean here. Three things still need care:
 * <ul>
 *   <li>a right side with no variable or function (k = 2 * 3) would be a Python float, so its first number is
 *       written Value(2.0);</li>
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
        Map<String, String> names = pythonNames(program);
        Scan scan = new Scan();
        int values = 0;
        for (Program.Assignment a : program.assignments()) {
            values += a.value().accept(scan);
        }
        Set<String> functions = scan.functions;

        StringBuilder py = new StringBuilder();
        py.append("# Exported from Backprop Lab. Runs with micrograd: pip install micrograd\n");
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
            if (op.isFunction() && functions.contains(op.symbol)) {
                py.append(definition(op));
            }
        }
        for (Program.Assignment a : program.assignments()) {
            String name = a.variable();
            String code = names.get(name);
            py.append(code).append(" = ");
            if (a.leaf()) {
                py.append("Value(").append(Numbers.literal(a.leafValue())).append(")");
            } else {
                Expr.Number first = a.value().accept(FIRST_NUMBER_IF_CONSTANT);
                py.append(Printer.print(a.value(), new Printer.Style(names, first)));
            }
            py.append("\n");
            // b = a makes b the same Python object as a: labelling it would rename a.
            if (a.leaf() || !(a.value() instanceof Expr.Variable)) {
                py.append(code).append(".label = '").append(name).append("'\n");
            }
        }
        py.append("\n").append(names.getOrDefault(outputName, outputName)).append(".backward()\n");
        py.append("for name, v in [");
        boolean first = true;
        for (Program.Assignment a : program.assignments()) {
            py.append(first ? "" : ", ").append("('").append(a.variable()).append("', ").append(names.get(a.variable()))
                    .append(")");
            first = false;
        }
        py.append("]:\n    print(f'{name:>8} | data {v.data:.4f} | grad {v.grad:.4f}')\n");
        return py.toString();
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
    }

    /**
     * For a right side with no variable and no function call, which Python would compute as a plain float: the number
     * Python evaluates first, down the left operands. Made a Value, it makes every operation above it a Value too (a
     * Value on either side of + - * / gives a Value, and so do -x and x ** k). For any other right side, null.
     */
    private static final Expr.Visitor<Expr.Number> FIRST_NUMBER_IF_CONSTANT = new Expr.Visitor<>() {
        @Override
        public Expr.Number visitNumber(Expr.Number number) {
            return number;
        }

        @Override
        public Expr.Number visitVariable(Expr.Variable variable) {
            return null;
        }

        @Override
        public Expr.Number visitNegate(Expr.Negate negate) {
            return negate.operand().accept(this);
        }

        @Override
        public Expr.Number visitBinary(Expr.Binary top) {
            List<Expr.Binary> spine = Expr.leftSpine(top);
            for (Expr.Binary b : spine) {
                if (b.right().accept(this) == null) {
                    return null;
                }
            }
            return spine.get(0).left().accept(this);
        }

        @Override
        public Expr.Number visitPower(Expr.Power power) {
            return power.base().accept(this);
        }

        @Override
        public Expr.Number visitCall(Expr.Call call) {
            return null;
        }
    };

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
        String[] words = forward.substring(0, forward.indexOf(" = ")).trim().split("\\s");
        String result = words[words.length - 1]; // the variable the forward line sets: t, e, l or s
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
