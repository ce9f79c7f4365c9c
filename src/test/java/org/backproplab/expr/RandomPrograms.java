package org.backproplab.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Seeded random programs for the property, printer and fuzz tests. The generator is int-only (xorshift32), as the
 * project's own must be (see DESIGN.md: no Random.nextInt), so a seed names the same programs everywhere.
 */
final class RandomPrograms {
    private static final String[] FUNCTIONS = {"tanh", "exp", "log", "relu", "sigmoid"};
    private static final String[] CONSTANTS = {"0.5", "2", "3", "1.5", "0.25", "2.0"};
    private static final String[] EXPONENTS = {"2", "3", "-1", "0.5", "-2", "1.5", "2**-1"};

    private int state;
    /** While a Python program is generated: the names that hold a Value, and whether an expression used one. */
    private List<String> valueNames;
    private boolean usedValue;

    RandomPrograms(int seed) {
        state = seed == 0 ? 0x9E3779B9 : seed;
    }

    int next() {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return state = x;
    }

    /** 0 .. n-1. */
    int below(int n) {
        return (next() >>> 1) % n;
    }

    boolean chance(int percent) {
        return below(100) < percent;
    }

    <T> T pick(T[] options) {
        return options[below(options.length)];
    }

    /**
     * A program: 2 to 4 leaves x0.. with values in ±0.25 .. ±3, then 1 to 5 lines t0.. of random expressions over
     * the names before them, each expression at most three operators deep. The last line is the output.
     */
    String program() {
        StringBuilder out = new StringBuilder();
        int leaves = 2 + below(3);
        for (int i = 0; i < leaves; i++) {
            out.append('x').append(i).append(" = ").append(leafNumber()).append('\n');
        }
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            pool.add("x" + i);
        }
        int lines = 1 + below(5);
        for (int i = 0; i < lines; i++) {
            out.append('t').append(i).append(" = ").append(expression(3, pool)).append('\n');
            pool.add("t" + i);
        }
        return out.toString();
    }

    /**
     * A notebook cell in micrograd's Python, with the cleaned-up form mixed in: Value(…) leaves in the spellings the
     * lecture uses (and a number line, which beside Value(…) is a plain number), maybe a plain h, lines of
     * expressions with methods and function calls, labels after ';', names assigned again (+=, -=, *=, /= or a new
     * Value), lines the lab ignores, answers, and maybe an output chosen by draw_dot or backward.
     */
    String pythonProgram() {
        StringBuilder out = new StringBuilder(chance(50) ? "from micrograd.engine import Value\n" : "");
        valueNames = new ArrayList<>();
        List<String> pool = new ArrayList<>();
        int leaves = 2 + below(3);
        for (int i = 0; i < leaves; i++) {
            String name = "x" + i;
            boolean number = i > 0 && chance(15); // x0 always holds a Value
            out.append(name).append(" = ").append(number ? leafNumber() : valueCall(name)).append('\n');
            pool.add(name);
            if (!number) {
                valueNames.add(name);
            }
        }
        if (chance(50)) {
            out.append("h = ").append(pick(CONSTANTS)).append('\n');
            pool.add("h");
        }
        int lines = 1 + below(5);
        for (int i = 0; i < lines; i++) {
            String name = "t" + i;
            out.append(name).append(" = ").append(valueExpression(pool));
            pool.add(name);
            valueNames.add(name);
            if (chance(50)) {
                String quote = chance(50) ? "'" : "\"";
                out.append("; ").append(name).append(".label = ").append(quote).append(chance(50) ? name : name + "_out")
                        .append(quote);
            }
            out.append(chance(30) ? "; " : "\n").append(extra(pool)).append('\n');
        }
        if (chance(60)) {
            String v = pick(valueNames.toArray(new String[0]));
            out.append(chance(50) ? "draw_dot(" + v + ")\n" : v + ".backward()\n");
        }
        valueNames = null;
        return out.toString();
    }

    /** Something after a line: nothing, a name assigned again, a line the lab ignores, an answer, or a label. */
    private String extra(List<String> pool) {
        String v = pick(valueNames.toArray(new String[0]));
        return switch (below(12)) {
            case 0 -> v + " += " + valueExpression(pool);
            case 1 -> v + " -= " + pick(CONSTANTS);
            case 2 -> v + " *= " + valueExpression(pool);
            case 3 -> v + " /= " + pick(new String[] {"2.0", "(" + v + ")**2 + 1"});
            case 4 -> v + " = " + valueCall(v);
            case 5 -> pick(new String[] {"print(" + v + ")", "print(f'{" + v + ".data:.4f} > 0')", v, v + ".data",
                "import math"});
            case 6 -> v + ".grad = " + leafNumber();
            case 7 -> v + ".label = '" + v + "!'";
            default -> "";
        };
    }

    /** Value(2.0, label='a') in one of the spellings the lecture uses, its label the name or not. */
    private String valueCall(String name) {
        String data = leafNumber();
        return switch (below(5)) {
            case 0 -> "Value(" + data + ")";
            case 1 -> "Value(data=" + data + ", label=\"" + name + "\")";
            case 2 -> "Value(label='" + name.toUpperCase() + "', data=" + data + ")";
            default -> "Value(" + data + ", label='" + name + "')";
        };
    }

    /** A leaf's number: ±0.25 .. ±3 in quarters. */
    private String leafNumber() {
        int quarters = 1 + below(12);
        return (chance(50) ? "-" : "") + quarters / 4 + "." + new String[] {"0", "25", "5", "75"}[quarters % 4];
    }

    /** An expression that makes a Value: one that used only plain numbers gets a Value added to it. */
    private String valueExpression(List<String> pool) {
        usedValue = false;
        String e = expression(3, pool);
        return usedValue ? e : e + " + " + valueNames.get(0);
    }

    private String name(List<String> pool) {
        String name = pool.get(below(pool.size()));
        usedValue |= valueNames == null || valueNames.contains(name);
        return name;
    }

    private String expression(int depth, List<String> pool) {
        if (depth == 0 || chance(25)) {
            return chance(85) ? name(pool) : constant();
        }
        String a = maybeParens(expression(depth - 1, pool));
        return switch (below(10)) {
            case 0, 1 -> a + " + " + maybeParens(expression(depth - 1, pool));
            case 2 -> a + " - " + maybeParens(expression(depth - 1, pool));
            case 3, 4 -> a + " * " + maybeParens(expression(depth - 1, pool));
            case 5 -> a + " / " + maybeParens(expression(depth - 1, pool));
            case 6 -> power(a);
            case 7 -> "-" + a;
            default -> call(pick(FUNCTIONS), expression(depth - 1, pool));
        };
    }

    /** A number; in a Python program, sometimes Value(k), a leaf with no name. */
    private String constant() {
        String k = pick(CONSTANTS);
        if (valueNames != null && chance(20)) {
            usedValue = true;
            return "Value(" + k + ")";
        }
        return k;
    }

    /** Mostly keeps log and fractional powers in their domain, so that most programs can be checked. */
    private String power(String base) {
        String k = pick(EXPONENTS);
        boolean fractional = k.equals("0.5") || k.equals("1.5") || k.equals("2**-1");
        return "(" + (fractional && chance(75) ? positive(base) : base) + ")**" + k;
    }

    /** f(x), or in a Python program half the time micrograd's method (x).f(). */
    private String call(String function, String argument) {
        String x = function.equals("log") && chance(75) ? positive(argument) : argument;
        if (valueNames != null) {
            usedValue = true;
            if (chance(50)) {
                return "(" + x + ")." + function + "()";
            }
        }
        return function + "(" + x + ")";
    }

    private String positive(String e) {
        return "(" + e + ")**2 + " + pick(new String[] {"0.5", "1", "0.25"});
    }

    /** Parentheses half the time: without them the text parses into another tree, which is just as good a test. */
    private String maybeParens(String e) {
        return chance(50) ? "(" + e + ")" : e;
    }
}
