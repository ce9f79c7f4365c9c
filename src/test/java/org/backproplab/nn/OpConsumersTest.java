package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backproplab.data.Rng;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.Parser;
import org.backproplab.expr.PythonExport;
import org.junit.jupiter.api.Test;

/**
 * Every op through every consumer of its single home in {@link Op}: the Value engine, the activations, the tape, the
 * exported Python (its forward and _backward lines read back and evaluated) and the trainer's inspected example
 * program. Inputs include ±1000, ±1e-300 and 0, where a copy of the maths written a second way (a different but
 * "equal" formula) would overflow or round differently; every consumer must give the same value and derivative.
 */
class OpConsumersTest {
    private static final double[] INPUTS = {-1000, -3, -1, -1e-300, 0, 1e-300, 0.5, 1, 3, 1000};

    @Test
    void everyOpIsReadFromItsHomeByTheValueEngine() {
        for (Op op : Op.values()) {
            if (op == Op.LEAF) {
                continue;
            }
            for (double x : INPUTS) {
                for (double y : op.arity() == 2 || op == Op.POW ? new double[] {-2, 0.5, 3} : new double[] {0}) {
                    Value a = new Value(x, "a");
                    Value b = new Value(y, "b");
                    Value out = switch (op) {
                        case ADD -> a.add(b);
                        case MUL -> a.mul(b);
                        case POW -> a.pow(y);
                        default -> a.apply(op);
                    };
                    assertEquals(op, out.kind());
                    out.backward();
                    String at = op + " at " + x + ", " + y;
                    assertSame(op.forward(x, y), out.data, at);
                    assertSame(op.local(0, x, y, out.data), a.grad, at);
                    if (op.arity() == 2) {
                        assertSame(op.local(1, x, y, out.data), b.grad, at);
                    }
                }
            }
        }
    }

    @Test
    void activationsAgreeWithTheirOps() {
        for (Activation act : Activation.values()) {
            for (double x : INPUTS) {
                Value in = new Value(x);
                Value out = act.apply(in);
                out.backward();
                String at = act + " at " + x;
                assertSame(out.data, act.apply(x), at);
                double grad = act == Activation.LINEAR ? 1 : in.grad;
                assertSame(grad, act.derivativeFromOutput(act.apply(x)), at);
                if (act.op != null) {
                    assertSame(act.op.forward(x, 0), act.apply(x), at);
                }
            }
        }
    }

    /**
     * A one-neuron network with weight 1 and bias 0 puts x itself through the activation and then each loss, so the
     * tape (and the inspected program) meet tanh, sigmoid, relu, **, exp and log at every input.
     */
    @Test
    void theTapeAndTheInspectedProgramAgreeWithTheValueGraph() {
        for (Activation act : new Activation[] {Activation.LINEAR, Activation.TANH, Activation.SIGMOID,
            Activation.RELU}) {
            for (Loss.Type type : Loss.Type.ONE_SCORE) {
                for (double x : INPUTS) {
                    for (double y : new double[] {-1, 1}) {
                        checkOnePoint(act, type, x, y);
                    }
                }
            }
        }
    }

    private static void checkOnePoint(Activation act, Loss.Type type, double x, double y) {
        String at = act + ", " + type + ", x = " + x + ", y = " + y;
        Loss loss = new Loss(type, Loss.Reduction.SUM, 0);
        MLP model = new MLP(1, new int[] {1}, act, act, new Rng(1), false);
        model.load(new double[] {1, 0});
        Value total = loss.total(model.forward(new Value[] {new Value(x)}), new double[] {y}, model.parameters());
        total.backward();
        List<Value> params = model.parameters();

        Tape tape = new Tape(model, loss, 1);
        tape.setPoint(0, new double[] {x}, y);
        double tapeLoss = tape.forward();
        tape.backward();
        assertSame(total.data, tapeLoss, "tape loss, " + at);
        assertSame(params.get(0).grad, tape.grad[0], "tape dL/dw, " + at);
        assertSame(params.get(1).grad, tape.grad[1], "tape dL/db, " + at);
        assertSame(total.data, loss.pointLossValue(act.apply(x), y), "Loss.pointLossValue, " + at);

        String program = ExampleProgram.write(new double[] {1, 0}, 1, new int[] {1}, act, act, type, new double[] {x},
                y);
        Evaluation inspected = Evaluator.run(program);
        inspected.output().backward();
        assertEquals("loss", inspected.outputName());
        assertSame(total.data, inspected.output().data, "inspected loss, " + at + "\n" + program);
        assertSame(params.get(0).grad, inspected.named().get("w1_1_1").grad, "inspected dL/dw, " + at);
        assertSame(params.get(1).grad, inspected.named().get("b1_1").grad, "inspected dL/db, " + at);
        assertTrue(inspected.output().topologicalOrder().size()
                <= ExampleProgram.nodeCount(1, new int[] {1}, type), "node count, " + at);
    }

    /**
     * The Python the export writes for an op, read back: its forward line and its _backward line, with micrograd's
     * names (self.data, other.data, out.data, out.grad, t, s ...) turned into program variables, and the exponent
     * other of x**other written in as its number (the language takes only a constant there), are evaluated by
     * this project's own parser, and must give the op's forward value and local derivative.
     */
    @Test
    void theExportedPythonComputesWhatTheOpComputes() {
        for (Op op : Op.values()) {
            if (op == Op.LEAF) {
                continue;
            }
            for (double x : INPUTS) {
                if (op == Op.POW && x == 0) {
                    continue; // 0**-2 is infinite, and Python raises where Java gives Infinity
                }
                double y = op == Op.POW ? -2 : 0.75;
                double out = op.forward(x, y);
                for (int child = 0; child < op.arity(); child++) {
                    double local = op.local(child, x, y, out);
                    if (!Double.isFinite(local) || !Double.isFinite(out)) {
                        continue; // a Python float overflow is an exception, not a number to compare
                    }
                    StringBuilder p = new StringBuilder();
                    p.append("self_data = ").append(Numbers.literal(x)).append('\n');
                    p.append("other_data = ").append(Numbers.literal(y)).append('\n');
                    p.append("out_grad = 1.0\n");
                    if (!op.pythonForward.isEmpty()) {
                        p.append(pythonToProgram(firstAssignment(op.pythonForward))).append('\n');
                    }
                    p.append("out_data = ").append(Numbers.literal(out)).append('\n');
                    String line = op.backwardLine(child);
                    if (op == Op.SIN) {
                        continue; // its line calls math.cos, which the language lacks: SinOpTest reads that line
                    }
                    String rhs = line.substring(line.indexOf("+=") + 2).trim();
                    p.append("g = ").append(constants(pythonToProgram(comparisons(rhs, out)), y)).append('\n');
                    Evaluation ev = Evaluator.run(p.toString());
                    assertSame(local, ev.named().get("g").data, op + " child " + child + " at " + x + ":\n" + p);
                    if (!op.pythonForward.isEmpty()) {
                        String var = firstAssignment(op.pythonForward).split(" = ")[0].trim();
                        assertSame(out, ev.named().get(var).data, op + " forward at " + x);
                    }
                }
            }
        }
    }

    @Test
    void theExportDefinesEachFunctionFromItsOp() {
        for (String name : Parser.FUNCTIONS) {
            Op op = Op.function(name);
            String py = PythonExport.toPython(Parser.parse("x = 0.5\ny = " + name + "(x)\n"), "y");
            if (op.inStockMicrograd) {
                assertTrue(py.contains("." + name + "()"), py);
            } else {
                assertTrue(py.contains(op.backwardLine(0)), py);
                for (String forwardLine : op.pythonForward.split("\n")) {
                    assertTrue(py.contains(forwardLine), forwardLine + " in\n" + py);
                }
            }
        }
    }

    private static String firstAssignment(String python) {
        for (String line : python.split("\n")) {
            if (line.contains(" = ")) {
                return line.trim();
            }
        }
        throw new AssertionError("no assignment in " + python);
    }

    /** micrograd's names as program variables: self.data is self_data, math.tanh is tanh, and so on. */
    private static String pythonToProgram(String python) {
        return python.replace("math.", "").replace("self.data", "self_data").replace("other.data", "other_data")
                .replace("out.data", "out_data").replace("out.grad", "out_grad");
    }

    /** x**k takes only a number for k in the language, so POW's exponent other (and other-1) is written in. */
    private static String constants(String program, double k) {
        return program.replace("(other-1)", "(" + Numbers.literal(k - 1) + ")")
                .replaceAll("\\bother\\b", "(" + Numbers.literal(k) + ")");
    }

    /** The expression language has no comparisons, so a Python (A > 0) is evaluated here, as Python would. */
    private static String comparisons(String python, double out) {
        Matcher m = Pattern.compile("\\(out\\.data > 0\\)").matcher(python);
        return m.replaceAll(out > 0 ? "1.0" : "0.0");
    }

    /** Equal, or both NaN, or within 1e-12 relative (the same op taken through a second, equal path). */
    private static void assertSame(double expected, double actual, String at) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertTrue(Double.isNaN(expected) && Double.isNaN(actual), at + ": " + expected + " vs " + actual);
            return;
        }
        if (expected == actual) {
            return;
        }
        assertTrue(Double.isFinite(expected) && Double.isFinite(actual), at + ": " + expected + " vs " + actual);
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(Math.abs(expected), Math.abs(actual)),
                at + ": " + expected + " vs " + actual);
    }
}
