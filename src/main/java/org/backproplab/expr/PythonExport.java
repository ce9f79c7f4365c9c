package org.backproplab.expr;

/**
 * A program as Python that runs with stock micrograd (pip install micrograd) in a notebook. Stock micrograd has no
 * tanh, exp, log or sigmoid, so the ones the program uses are defined the way the lecture writes them.
 */
public final class PythonExport {
    private PythonExport() {
    }

    public static String toPython(Program program, String outputName) {
        String body = Printer.print(program);
        StringBuilder py = new StringBuilder();
        py.append("# Exported from Backprop Lab. Runs with micrograd: pip install micrograd\n");
        py.append("import math\nfrom micrograd.engine import Value\n\n");
        if (uses(body, "tanh")) {
            py.append(unary("tanh", "t = math.tanh(x.data)", "t", "(1 - t**2) * out.grad"));
        }
        if (uses(body, "exp")) {
            py.append(unary("exp", "e = math.exp(x.data)", "e", "out.data * out.grad"));
        }
        if (uses(body, "log")) {
            py.append(unary("log", "l = math.log(x.data)", "l", "(1 / x.data) * out.grad"));
        }
        if (uses(body, "sigmoid")) {
            py.append(unary("sigmoid", "s = 1 / (1 + math.exp(-x.data))", "s", "s * (1 - s) * out.grad"));
        }
        if (uses(body, "relu")) {
            py.append("def relu(x):\n    return (x if isinstance(x, Value) else Value(x)).relu()\n\n");
        }
        for (Program.Assignment a : program.assignments()) {
            String name = a.variable();
            py.append(name).append(" = ");
            if (a.leaf()) {
                py.append("Value(").append(Printer.print(a.value())).append(")");
            } else {
                py.append(Printer.print(a.value()));
            }
            py.append("\n");
            if (a.leaf() || !(a.value() instanceof Expr.Variable)) {
                py.append(name).append(".label = '").append(name).append("'\n");
            }
        }
        py.append("\n").append(outputName).append(".backward()\n");
        py.append("for name, v in [");
        boolean first = true;
        for (Program.Assignment a : program.assignments()) {
            py.append(first ? "" : ", ").append("('").append(a.variable()).append("', ").append(a.variable())
                    .append(")");
            first = false;
        }
        py.append("]:\n    print(f'{name:>8} | data {v.data:.4f} | grad {v.grad:.4f}')\n");
        return py.toString();
    }

    private static boolean uses(String body, String function) {
        return body.contains(function + "(");
    }

    private static String unary(String name, String forward, String result, String localTimesUpstream) {
        return "def " + name + "(x):  # as in the lecture; stock micrograd lacks it\n"
                + "    x = x if isinstance(x, Value) else Value(x)\n"
                + "    " + forward + "\n"
                + "    out = Value(" + result + ", (x,), '" + name + "')\n"
                + "    def _backward():\n"
                + "        x.grad += " + localTimesUpstream + "\n"
                + "    out._backward = _backward\n"
                + "    return out\n\n";
    }
}
