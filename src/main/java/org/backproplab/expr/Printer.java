package org.backproplab.expr;

import java.util.List;
import org.backproplab.engine.Numbers;

/**
 * Prints a program back to text with the fewest parentheses that keep its meaning, so that
 * parse(print(p)) builds the same graph as p. Comments, spacing and the lines the lab ignores are not kept; its
 * labels, answers and chosen output are, in Python's own words. x.tanh() prints as tanh(x), which means the same.
 */
public final class Printer implements Expr.Visitor<Void> {
    private static final int TERM = 1;
    private static final int FACTOR = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int PRIMARY = 5;

    /**
     * How to print for another reader of the same syntax (Python, for {@link PythonExport}): variables renamed
     * through {@code names} (a name not in it stays).
     */
    record Style(java.util.Map<String, String> names) {
        static final Style PLAIN = new Style(java.util.Map.of());
    }

    private final StringBuilder out;
    private final Style style;

    private Printer(StringBuilder out, Style style) {
        this.out = out;
        this.style = style;
    }

    /** The program's lines: each label where it was, each answer right after the line that made its Value. */
    public static String print(Program program) {
        StringBuilder out = new StringBuilder();
        Printer printer = new Printer(out, Style.PLAIN);
        List<Program.Assignment> assignments = program.assignments();
        List<Program.Answer> answers = new java.util.ArrayList<>(program.answers());
        answers.sort((x, y) -> Integer.compare(x.target(), y.target()));
        int label = 0;
        int answer = 0;
        for (int i = 0; i <= assignments.size(); i++) {
            for (; label < program.labels().size() && program.labels().get(label).after() == i; label++) {
                Program.Label l = program.labels().get(label);
                out.append(l.name().text()).append(".label = ").append(Token.quote(l.label())).append('\n');
            }
            if (i == assignments.size()) {
                break;
            }
            Program.Assignment a = assignments.get(i);
            out.append(a.variable()).append(" = ");
            a.value().accept(printer);
            out.append('\n');
            for (; answer < answers.size() && answers.get(answer).target() == i; answer++) {
                out.append(a.variable()).append(".grad = ").append(Numbers.literal(answers.get(answer).grad()))
                        .append('\n');
            }
        }
        if (program.output() != null) {
            out.append("draw_dot(").append(program.output().text()).append(")\n");
        }
        return out.toString();
    }

    public static String print(Expr expr) {
        return print(expr, Style.PLAIN);
    }

    static String print(Expr expr, Style style) {
        StringBuilder out = new StringBuilder();
        expr.accept(new Printer(out, style));
        return out.toString();
    }

    @Override
    public Void visitNumber(Expr.Number n) {
        out.append(Double.isInfinite(n.value()) ? number(n.value()) : Numbers.literal(n.value()));
        return null;
    }

    @Override
    public Void visitVariable(Expr.Variable v) {
        out.append(style.names().getOrDefault(v.name().text(), v.name().text()));
        return null;
    }

    @Override
    public Void visitNegate(Expr.Negate n) {
        out.append('-');
        if (n.operand() instanceof Expr.Negate) {
            out.append(' '); // "- -x" reads better than "--x"
        }
        printWrapped(n.operand(), precedence(n.operand()) < UNARY);
        return null;
    }

    @Override
    public Void visitPower(Expr.Power p) {
        printWrapped(p.base(), precedence(p.base()) < PRIMARY);
        out.append("**").append(number(p.exponent()));
        return null;
    }

    @Override
    public Void visitCall(Expr.Call c) {
        out.append(c.function().text()).append('(');
        c.argument().accept(this);
        out.append(')');
        return null;
    }

    @Override
    public Void visitValueCall(Expr.ValueCall v) {
        out.append("Value(");
        v.data().accept(this);
        if (v.label() != null) {
            out.append(", label=").append(Token.quote(v.labelText()));
        }
        out.append(')');
        return null;
    }

    /** Prints a left-deep chain with a loop; the parentheses a lower-precedence left side needs open up front. */
    @Override
    public Void visitBinary(Expr.Binary top) {
        List<Expr.Binary> spine = Expr.leftSpine(top);
        for (int i = spine.size() - 1; i >= 1; i--) {
            if (precedence(spine.get(i - 1)) < precedence(spine.get(i))) {
                out.append('(');
            }
        }
        Expr first = spine.get(0).left();
        printWrapped(first, precedence(first) < precedence(spine.get(0)));
        for (int i = 0; i < spine.size(); i++) {
            Expr.Binary b = spine.get(i);
            out.append(' ').append(b.operator().text()).append(' ');
            printWrapped(b.right(), precedence(b.right()) <= precedence(b)); // a - (b - c) keeps its parens
            if (i + 1 < spine.size() && precedence(b) < precedence(spine.get(i + 1))) {
                out.append(')');
            }
        }
        return null;
    }

    private void printWrapped(Expr expr, boolean parens) {
        if (parens) {
            out.append('(');
        }
        expr.accept(this);
        if (parens) {
            out.append(')');
        }
    }

    private static int precedence(Expr expr) {
        return expr.accept(PRECEDENCE);
    }

    /** How tightly each kind of node binds, from the grammar's rules: term, factor, unary, power, primary. */
    private static final Expr.Visitor<Integer> PRECEDENCE = new Expr.Visitor<>() {
        @Override
        public Integer visitNumber(Expr.Number number) {
            return PRIMARY;
        }

        @Override
        public Integer visitVariable(Expr.Variable variable) {
            return PRIMARY;
        }

        @Override
        public Integer visitNegate(Expr.Negate negate) {
            return UNARY;
        }

        @Override
        public Integer visitBinary(Expr.Binary binary) {
            Token.Type t = binary.operator().type();
            return t == Token.Type.PLUS || t == Token.Type.MINUS ? TERM : FACTOR;
        }

        @Override
        public Integer visitPower(Expr.Power power) {
            return POWER;
        }

        @Override
        public Integer visitCall(Expr.Call call) {
            return PRIMARY;
        }

        @Override
        public Integer visitValueCall(Expr.ValueCall value) {
            return PRIMARY;
        }
    };

    /**
     * A literal that parses back to the same double. Infinity (an exponent such as 2**2**2**...**2) has no literal
     * the lexer takes, since 1e999 is refused as too large, so 10**400 stands in: as an exponent it reads back as
     * infinity.
     */
    private static String number(double x) {
        if (Double.isInfinite(x)) {
            return x > 0 ? "10**400" : "-10**400";
        }
        return Numbers.format(x);
    }
}
