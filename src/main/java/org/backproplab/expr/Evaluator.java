package org.backproplab.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * Runs a program forward into a Value graph (jlox's Interpreter). Arithmetic between plain numbers is folded, as
 * Python does before micrograd ever sees it, so {@code 2 * 3 * a} makes one constant 6, not a node for 2 * 3.
 * A number inside an expression becomes a fresh, unlabelled constant Value.
 *
 * <p>A name holds what its latest assignment gave: a Value, or in a program that uses {@code Value(…)}, perhaps a
 * plain number ({@code h = 0.001}), as in Python. A Value without a label takes the name it is first assigned to.
 */
public final class Evaluator implements Expr.Visitor<Evaluator.Operand> {
    private final boolean usesValue;
    private final Map<String, Operand> scope = new HashMap<>();
    private final Map<String, Value> named = new LinkedHashMap<>();
    private final List<Value> leaves = new ArrayList<>();
    private final List<Evaluation.Binding> bindings = new ArrayList<>();
    private Evaluation.NonFinite firstNonFinite;

    private Evaluator(boolean usesValue) {
        this.usesValue = usesValue;
    }

    /** Parses and evaluates, with the output the program chooses (see {@link #evaluate(Program)}). */
    public static Evaluation run(String source) {
        return evaluate(Parser.parse(source));
    }

    /**
     * Evaluates with the output that {@code draw_dot(o)} or {@code o.backward()} chose, or else the name assigned a
     * Value last.
     */
    public static Evaluation evaluate(Program program) {
        Evaluator evaluator = evaluator(program);
        Token chosen = program.output();
        if (chosen != null) {
            return evaluator.evaluation(program, chosen.text(), chosen.line(), chosen.column());
        }
        for (int i = evaluator.bindings.size() - 1; i >= 0; i--) { // the last name that still holds a Value
            String name = evaluator.bindings.get(i).name();
            if (evaluator.named.containsKey(name)) {
                return evaluator.evaluation(program, name, 1, 1);
            }
        }
        throw new ParseError(1, 1, "the program makes no Value; expected a line such as 'a = Value(2.0)'");
    }

    /** Evaluates with a chosen output; an unknown output name is a {@link ParseError} too. */
    public static Evaluation evaluate(Program program, String outputName) {
        return evaluator(program).evaluation(program, outputName, program.assignments().get(
                program.assignments().size() - 1).line(), 1);
    }

    private static Evaluator evaluator(Program program) {
        Evaluator evaluator = new Evaluator(program.usesValue());
        for (Program.Assignment line : program.assignments()) {
            evaluator.assign(line);
        }
        // Labels don't change any number, so they can all be set now, in program order, on the Value each names.
        for (Program.Label label : program.labels()) {
            Value value = evaluator.bindings.get(label.target()).value();
            if (value == null) {
                throw new ParseError(label.name(), "'" + label.name().text() + "' is a plain number, which has no "
                        + "label; expected a Value: write " + label.name().text() + " = Value(…)");
            }
            value.label = label.label();
        }
        return evaluator;
    }

    private Evaluation evaluation(Program program, String outputName, int line, int column) {
        if (!named.containsKey(outputName)) {
            String what = scope.containsKey(outputName) ? "'" + outputName + "' is a plain number, not a Value, "
                    + "so it can't be the output" : "there is no variable '" + outputName + "' to use as the output";
            throw new ParseError(line, column, what + "; expected one of " + String.join(", ", named.keySet()));
        }
        return new Evaluation(program, outputName, named, leaves, bindings, firstNonFinite);
    }

    private void assign(Program.Assignment line) {
        Operand result = line.value().accept(this);
        String name = line.variable();
        if (result.isNumber() && usesValue) { // h = 0.001 is a plain number, as in Python
            scope.put(name, result);
            named.remove(name);
            bindings.add(new Evaluation.Binding(line, null, result.number));
            return;
        }
        Value value;
        if (result.isNumber()) {
            value = new Value(result.number, name); // a = 2.0, or a = 2 * 3: a leaf either way
            if (firstNonFinite == null && !Double.isFinite(value.data)) {
                Token at = Expr.firstToken(line.value());
                firstNonFinite = new Evaluation.NonFinite(at.line(), at.column(), "'" + name + "'", value.data);
            }
        } else {
            value = result.value;
            if (value.label.isEmpty()) {
                value.label = name;
            }
        }
        if (line.leaf()) {
            leaves.add(value);
        }
        scope.put(name, new Operand(value, 0));
        named.put(name, value);
        bindings.add(new Evaluation.Binding(line, value, value.data));
    }

    /** Either a plain number (value == null) or a Value. */
    record Operand(Value value, double number) {
        boolean isNumber() {
            return value == null;
        }

        Value asValue() {
            return value != null ? value : new Value(number);
        }
    }

    private static Operand number(double x) {
        return new Operand(null, x);
    }

    @Override
    public Operand visitNumber(Expr.Number n) {
        return number(n.value());
    }

    @Override
    public Operand visitVariable(Expr.Variable v) {
        return scope.get(v.name().text());
    }

    @Override
    public Operand visitNegate(Expr.Negate n) {
        Operand x = n.operand().accept(this);
        return x.isNumber() ? number(-x.number) : made(x.value.neg(), n.operator(), "-");
    }

    @Override
    public Operand visitPower(Expr.Power p) {
        Operand base = p.base().accept(this);
        return base.isNumber() ? folded(Math.pow(base.number, p.exponent()), p.operator(), "**")
                : made(base.value.pow(p.exponent()), p.operator(), "**");
    }

    @Override
    public Operand visitCall(Expr.Call call) {
        Value x = call.argument().accept(this).asValue();
        Value out = x.apply(Op.function(call.function().text()));
        return made(out, call.function(), call.function().text() + "(...)");
    }

    /** Value(2.0, label='a'): a new leaf. Its data must be a plain number, as micrograd's Value takes a number. */
    @Override
    public Operand visitValueCall(Expr.ValueCall call) {
        Operand data = call.data().accept(this);
        if (!data.isNumber()) {
            throw new ParseError(Expr.firstToken(call.data()), "Value(…) takes a plain number, and this is a "
                    + "Value already; expected a number such as 2.0: write the Value without Value(…) around it");
        }
        return made(new Value(data.number, call.labelText()), call.keyword(), "Value(...)");
    }

    /** a + b - c * d ...: left-deep chains are walked with a loop, so ten thousand terms don't overflow. */
    @Override
    public Operand visitBinary(Expr.Binary top) {
        List<Expr.Binary> spine = Expr.leftSpine(top);
        Operand left = spine.get(0).left().accept(this);
        for (Expr.Binary b : spine) {
            left = binary(left, b.operator(), b.right().accept(this));
        }
        return left;
    }

    private Operand binary(Operand left, Token operator, Operand right) {
        if (left.isNumber() && right.isNumber()) {
            double a = left.number;
            double b = right.number;
            return folded(switch (operator.type()) {
                case PLUS -> a + b;
                case MINUS -> a - b;
                case STAR -> a * b;
                default -> a / b;
            }, operator, "'" + operator.text() + "'");
        }
        Value a = left.asValue();
        Value b = right.asValue();
        Value out = switch (operator.type()) {
            case PLUS -> a.add(b);
            case MINUS -> a.sub(b);
            case STAR -> a.mul(b);
            default -> a.div(b);
        };
        return made(out, operator, "'" + operator.text() + "'");
    }

    /** A folded constant: 1/0 is pointed at its '/', not at whatever Value op it later flows into. */
    private Operand folded(double x, Token at, String what) {
        if (firstNonFinite == null && !Double.isFinite(x)) {
            firstNonFinite = new Evaluation.NonFinite(at.line(), at.column(), what, x);
        }
        return number(x);
    }

    private Operand made(Value v, Token at, String what) {
        if (firstNonFinite == null && !Double.isFinite(v.data)) {
            firstNonFinite = new Evaluation.NonFinite(at.line(), at.column(), what, v.data);
        }
        return new Operand(v, 0);
    }
}
