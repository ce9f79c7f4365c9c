package org.backproplab.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * Runs a program forward into a Value graph (jlox's Interpreter). Arithmetic between plain numbers is folded, as
 * Python does before micrograd ever sees it, so {@code 2 * 3 * a} makes one constant 6, not a node for 2 * 3.
 * A number inside an expression becomes a fresh, unlabelled constant Value.
 */
public final class Evaluator implements Expr.Visitor<Evaluator.Operand> {
    private final Map<String, Value> named = new LinkedHashMap<>();
    private final List<Value> leaves = new ArrayList<>();
    private Evaluation.NonFinite firstNonFinite;

    private Evaluator() {
    }

    /** Parses and evaluates, with the last assigned name as the output. */
    public static Evaluation run(String source) {
        return evaluate(Parser.parse(source));
    }

    public static Evaluation evaluate(Program program) {
        return evaluate(program, program.lastName());
    }

    /** Evaluates with a chosen output; an unknown output name is a {@link ParseError} too. */
    public static Evaluation evaluate(Program program, String outputName) {
        Evaluator evaluator = new Evaluator();
        for (Program.Assignment line : program.assignments()) {
            evaluator.assign(line);
        }
        if (!evaluator.named.containsKey(outputName)) {
            Program.Assignment last = program.assignments().get(program.assignments().size() - 1);
            throw new ParseError(last.line(), 1, "there is no variable '" + outputName + "' to use as the output; "
                    + "expected one of " + String.join(", ", evaluator.named.keySet()));
        }
        return new Evaluation(program, outputName, evaluator.named, evaluator.leaves, evaluator.firstNonFinite);
    }

    private void assign(Program.Assignment line) {
        Operand result = line.value().accept(this);
        Value value;
        if (result.isNumber()) {
            value = new Value(result.number, line.variable()); // a = 2.0, or a = 2 * 3: a leaf either way
            leaves.add(value);
            if (firstNonFinite == null && !Double.isFinite(value.data)) {
                Token at = Expr.firstToken(line.value());
                firstNonFinite = new Evaluation.NonFinite(at.line(), at.column(), "'" + line.variable() + "'",
                        value.data);
            }
        } else {
            value = result.value;
            if (value.label.isEmpty()) {
                value.label = line.variable();
            }
        }
        named.put(line.variable(), value);
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
        return new Operand(named.get(v.name().text()), 0);
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
