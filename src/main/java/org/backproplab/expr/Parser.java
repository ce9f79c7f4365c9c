package org.backproplab.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backproplab.engine.Op;

/**
 * A recursive-descent parser for the expression language (jlox's Parser), which also reads micrograd's Python as the
 * lecture's notebooks write it. One method per grammar rule:
 *
 * <pre>
 * program     → line* EOF
 * line        → statement ( ";" statement )* ";"? NEWLINE | NEWLINE
 * statement   → assignment | augmented | attribute | word | bare
 * assignment  → NAME "=" expression
 * augmented   → NAME ( "+=" | "-=" | "*=" | "/=" ) expression
 * attribute   → NAME "." "label" "=" STRING | NAME "." "grad" "=" "-"? NUMBER | NAME "." "backward" "(" ")"
 * word        → "import" … | "from" … | "print" "(" … | "sys" "." … | "draw_dot" "(" NAME ")" | definition
 * definition  → "def" NAME "(" … ":" and the indented lines below it
 * bare        → expression
 * expression  → term
 * term        → factor ( ( "+" | "-" ) factor )*
 * factor      → unary ( ( "*" | "/" ) unary )*
 * unary       → "-" unary | power
 * power       → call ( "**" exponent )?
 * exponent    → "-"? NUMBER ( "**" exponent )? | "(" exponent ")"
 * call        → primary ( "." NAME "(" ")" )*
 * primary     → NUMBER | valueCall | NAME "(" expression ")" | NAME | "(" expression ")"
 * valueCall   → "Value" "(" ( "data" "=" )? expression ( "," "label" "=" STRING )? ","? ")"
 * </pre>
 *
 * As in Python, ** binds tighter than unary minus (-x**2 is -(x**2)), and its right side must be a constant
 * because micrograd's x**k takes a number k. A name must be assigned on an earlier line; assigning it again binds it
 * anew, and later lines see the new binding. Python the lab won't run (def, if, for, lists, .data...) is refused by
 * the rule that meets it, with a message from {@link Refusals}; Python it has no use for (imports, print, a bare
 * expression) is skipped with a note.
 */
public final class Parser extends ExpressionParser {
    /** The function names, from the function ops: tanh, exp, log, relu, sigmoid. */
    public static final List<String> FUNCTIONS = functionNames();

    private static List<String> functionNames() {
        List<String> names = new ArrayList<>();
        for (Op op : Op.values()) {
            if (op.isFunction()) {
                names.add(op.symbol);
            }
        }
        return List.copyOf(names);
    }

    /** An assignment as read, before the whole program shows whether its number lines are leaves or constants. */
    private record Line(Token name, Expr value, int start, int end, boolean mentionsNoName) {
    }

    private final List<Line> lines = new ArrayList<>();
    /** Each name assigned so far, and which line of {@link #lines} binds it now. */
    private final Map<String, Integer> bound = new HashMap<>();
    private final List<Program.Label> labels = new ArrayList<>();
    private final List<Program.Answer> answers = new ArrayList<>();
    private final List<Program.Note> notes = new ArrayList<>();
    private Token output;

    private Parser(String source) {
        super(source);
    }

    /** Why a program can't be used ("line L, column C: ..."), or null if it parses. */
    public static String problemWith(String source) {
        try {
            parse(source);
            return null;
        } catch (ParseError e) {
            return e.getMessage();
        }
    }

    /** Parses a whole program, or throws a {@link ParseError} that names the line and column. */
    public static Program parse(String source) {
        return new Parser(source).program();
    }

    private Program program() {
        while (!check(Token.Type.EOF)) {
            if (!match(Token.Type.NEWLINE)) {
                line();
            }
        }
        if (lines.isEmpty()) {
            throw new ParseError(1, 1, "the program is empty; expected at least one line such as 'a = 2.0'");
        }
        List<Program.Assignment> assignments = assignments();
        notes.sort((x, y) -> x.line() != y.line() ? Integer.compare(x.line(), y.line())
                : Integer.compare(x.column(), y.column()));
        return new Program(List.copyOf(assignments), source, List.copyOf(labels), List.copyOf(answers),
                List.copyOf(notes), output, usesValue);
    }

    /**
     * The assignments, now that the whole program shows whether it uses Value(…): then only Value(…) makes a leaf
     * and a number line is a plain number, as in Python; without it, a number line makes a leaf, as it always has.
     */
    private List<Program.Assignment> assignments() {
        List<Program.Assignment> assignments = new ArrayList<>();
        for (Line line : lines) {
            Expr value = line.value();
            if (usesValue && value instanceof Expr.ValueCall call) {
                assignments.add(new Program.Assignment(line.name(), value, true, literal(call.data()),
                        call.dataStart(), call.dataEnd()));
            } else if (!usesValue && line.mentionsNoName()) {
                assignments.add(new Program.Assignment(line.name(), value, true, literal(value), line.start(),
                        line.end()));
            } else {
                if (usesValue && line.mentionsNoName()) {
                    note(line.name(), "`" + excerpt(line.name().offset(), line.end()) + "` is a plain number, as in "
                            + "Python: in a program that uses Value(…), only Value(…) makes a leaf");
                }
                assignments.add(new Program.Assignment(line.name(), value, false, 0, line.start(), line.end()));
            }
        }
        return assignments;
    }

    /** The number a leaf's text writes, optionally negative; NaN for an expression such as 2 * 3. */
    private static double literal(Expr e) {
        if (e instanceof Expr.Number n) {
            return n.value();
        }
        return e instanceof Expr.Negate neg && neg.operand() instanceof Expr.Number n ? -n.value() : Double.NaN;
    }

    private void line() {
        statement();
        while (match(Token.Type.SEMICOLON) && !check(Token.Type.NEWLINE)) {
            statement();
        }
        if (!check(Token.Type.NEWLINE)) {
            throw new ParseError(peek(), "expected an operator or the end of the line after the expression, "
                    + "found " + peek().describe());
        }
        advance();
    }

    private void statement() {
        labelled.clear();
        if (check(Token.Type.NAME)) {
            Token.Type next = peekAt(1).type();
            if (next == Token.Type.EQUALS) {
                assignment();
                return;
            }
            if (isAugmented(next)) {
                augmented();
                return;
            }
            if (next == Token.Type.DOT && peekAt(2).type() == Token.Type.NAME && attribute()) {
                return;
            }
            if (word()) {
                return;
            }
        }
        bare();
    }

    private void assignment() {
        Token name = assignable(advance());
        advance(); // '='
        int first = current;
        Expr value = expression();
        boolean mentionsNoName = true;
        for (int i = first; i < current; i++) {
            mentionsNoName &= tokens.get(i).type() != Token.Type.NAME;
        }
        bind(name, value, tokens.get(first).offset(), previous().end(), mentionsNoName);
    }

    /** a += h is a = a + h: a new Value, as in Python, which later lines see as a. */
    private void augmented() {
        Token name = assignable(advance());
        known(name);
        Token operator = advance();
        Token.Type type = switch (operator.type()) {
            case PLUS_EQUALS -> Token.Type.PLUS;
            case MINUS_EQUALS -> Token.Type.MINUS;
            case STAR_EQUALS -> Token.Type.STAR;
            default -> Token.Type.SLASH;
        };
        Token binary = new Token(type, operator.text().substring(0, 1), 0, operator.line(), operator.column(),
                operator.offset());
        Token first = peek();
        Expr right = expression();
        bind(name, new Expr.Binary(new Expr.Variable(name), binary, right), first.offset(), previous().end(), false);
    }

    private Token assignable(Token name) {
        if (FUNCTIONS.contains(name.text())) {
            throw new ParseError(name, "'" + name.text() + "' is a function; expected a variable name such as "
                    + "'a' or 'x1'");
        }
        return name;
    }

    private void bind(Token name, Expr value, int start, int end, boolean mentionsNoName) {
        for (Expr.ValueCall call : labelled) {
            if (call != value) {
                throw new ParseError(call.label(), Refusals.INLINE_LABEL);
            }
        }
        lines.add(new Line(name, value, start, end, mentionsNoName));
        bound.put(name.text(), lines.size() - 1);
    }

    /**
     * NAME "." NAME as a statement: x.label = 'x' labels the drawing, x.grad = 4.0 is an answer, o.backward() chooses
     * the output, and x.data or x.grad alone is what a notebook displays. False for anything else (x.tanh() is an
     * expression), which the rules below read.
     */
    private boolean attribute() {
        Token name = peek();
        String attribute = peekAt(2).text();
        Token.Type after = peekAt(3).type();
        boolean sets = after == Token.Type.EQUALS || isAugmented(after);
        boolean called = after == Token.Type.LEFT_PAREN && peekAt(4).type() == Token.Type.RIGHT_PAREN;
        boolean alone = after == Token.Type.NEWLINE || after == Token.Type.SEMICOLON;
        boolean backward = attribute.equals("backward") || attribute.equals("_backward");
        if (backward ? !called : !(sets || (alone && !attribute.startsWith("_")))) {
            return false;
        }
        known(name);
        current += backward ? 5 : alone ? 3 : 4;
        if (attribute.equals("backward")) {
            output = name;
        } else if (backward) {
            note(name, "`" + name.text() + "._backward()` is one step of backward by hand: ignored here (the Step "
                    + "button does it)");
        } else if (alone) {
            note(name, "`" + excerpt(name.offset(), previous().end()) + "` is ignored: the drawing shows it");
        } else if (attribute.equals("label")) {
            label(name, previous());
        } else if (attribute.equals("grad")) {
            answer(name, previous());
        } else {
            throw new ParseError(name, Refusals.setAttribute(name.text(), attribute));
        }
        return true;
    }

    private void label(Token name, Token operator) {
        if (operator.type() != Token.Type.EQUALS) {
            throw new ParseError(operator, "expected '=' after '" + name.text() + ".label', found "
                    + operator.describe());
        }
        Token text = consume(Token.Type.STRING, "a string after '" + name.text() + ".label =', such as '"
                + name.text() + "'");
        labels.add(new Program.Label(name, text, lines.size(), bound.get(name.text())));
    }

    private void answer(Token name, Token operator) {
        if (operator.type() != Token.Type.EQUALS) {
            throw new ParseError(name, Refusals.gradUpdate(name.text()));
        }
        Token first = peek();
        boolean negative = match(Token.Type.MINUS);
        Token number = consume(Token.Type.NUMBER, "a number after '" + name.text() + ".grad =', such as 0.5: your "
                + "answer for the grad of " + name.text());
        double grad = negative ? -number.number() : number.number();
        answers.add(new Program.Answer(name, grad, first.offset(), number.end(), bound.get(name.text())));
        note(name, "`" + excerpt(name.offset(), number.end()) + "` is an answer for by-hand mode: ignored here");
    }

    /** Lines that start with one of Python's words: the ones the lab skips, draw_dot, def, and the refused ones. */
    private boolean word() {
        Token word = peek();
        Token.Type next = peekAt(1).type();
        switch (word.text()) {
            case "import", "from" -> ignore(word, "the lab needs no imports");
            case "print" -> {
                if (next != Token.Type.LEFT_PAREN) {
                    return false;
                }
                ignore(word, "the drawing shows every value");
            }
            case "sys" -> {
                if (next != Token.Type.DOT) {
                    return false;
                }
                ignore(word, "it is for Python only");
            }
            case "draw_dot" -> {
                if (next != Token.Type.LEFT_PAREN) {
                    return false;
                }
                drawDot();
            }
            case "def" -> definition();
            default -> {
                String refusal = Refusals.statement(word.text());
                if (refusal == null) {
                    return false;
                }
                throw new ParseError(word, refusal);
            }
        }
        return true;
    }

    /** Skips a statement whatever it holds (an f-string's format, a '>'), up to ';' or the end of the line. */
    private void ignore(Token first, String why) {
        int end = first.end();
        while (!isEndOfStatement(tokens.get(current).type())) {
            Token t = tokens.get(current++);
            end = t.type() == Token.Type.ERROR ? t.offset() + 1 : t.end(); // an ERROR's text is its message
        }
        note(first, "`" + excerpt(first.offset(), end) + "` is ignored: " + why);
    }

    /** draw_dot(o) chooses o as the output, as o.backward() does. */
    private void drawDot() {
        advance();
        advance(); // '('
        Token name = consume(Token.Type.NAME, "the name of a Value inside draw_dot(…), such as o");
        known(name);
        consume(Token.Type.RIGHT_PAREN, "')' after 'draw_dot(" + name.text() + "'");
        output = name;
    }

    /**
     * def and its indented lines. The Python export defines the lab's own functions (tanh...) because stock micrograd
     * lacks them, so such a definition is skipped with a note; any other function is refused.
     */
    private void definition() {
        Token def = peek();
        Token name = peekAt(1);
        if (name.type() != Token.Type.NAME || Op.function(name.text()) == null) {
            throw new ParseError(def, Refusals.DEF);
        }
        int end = endOfLine(current);
        while (true) {
            int next = end + 1;
            while (tokens.get(next).type() == Token.Type.NEWLINE) {
                next++;
            }
            Token t = tokens.get(next);
            if (t.type() == Token.Type.EOF || t.column() <= def.column()) {
                break;
            }
            end = endOfLine(next);
        }
        current = end;
        note(def, "`def " + name.text() + "` is skipped: the lab has " + name.text() + " built in");
    }

    /**
     * A line that is only an expression, such as L: a notebook displays it; here it is read (so its names must exist)
     * and skipped with a note. A line that starts with a new name is taken for an assignment that lacks its '='.
     */
    private void bare() {
        Token first = peek();
        Token.Type next = peekAt(1).type();
        if (first.type() == Token.Type.NAME && !bound.containsKey(first.text()) && !FUNCTIONS.contains(first.text())
                && next != Token.Type.LEFT_PAREN && next != Token.Type.DOT) {
            advance();
            consume(Token.Type.EQUALS, "'=' after '" + first.text() + "'");
        }
        expression();
        if (check(Token.Type.EQUALS) || isAugmented(peek().type())) {
            throw new ParseError(first, "expected a variable name at the start of the line, as in 'a = 2.0', found "
                    + first.describe());
        }
        note(first, "`" + excerpt(first.offset(), previous().end()) + "` is ignored: a line with only an expression "
                + "does nothing here");
    }

    @Override
    boolean isBound(String name) {
        return bound.containsKey(name);
    }

    private void note(Token at, String text) {
        notes.add(new Program.Note(at.line(), at.column(), text));
    }
}
