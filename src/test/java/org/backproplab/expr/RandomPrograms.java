package org.backproplab.expr;

/**
 * Seeded random programs for the property, printer and fuzz tests. The generator is int-only (xorshift32), as the
 * project's own must be (see DESIGN.md: no Random.nextInt), so a seed names the same programs everywhere.
 */
final class RandomPrograms {
    private static final String[] FUNCTIONS = {"tanh", "exp", "log", "relu", "sigmoid"};
    private static final String[] CONSTANTS = {"0.5", "2", "3", "1.5", "0.25", "2.0"};
    private static final String[] EXPONENTS = {"2", "3", "-1", "0.5", "-2", "1.5", "2**-1"};

    private int state;

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
            int quarters = 1 + below(12);
            out.append('x').append(i).append(" = ").append(chance(50) ? "-" : "")
                    .append(quarters / 4).append('.').append(new String[] {"0", "25", "5", "75"}[quarters % 4])
                    .append('\n');
        }
        int lines = 1 + below(5);
        for (int i = 0; i < lines; i++) {
            out.append('t').append(i).append(" = ").append(expression(3, leaves, i)).append('\n');
        }
        return out.toString();
    }

    private String name(int leaves, int lines) {
        int n = below(leaves + lines);
        return n < leaves ? "x" + n : "t" + (n - leaves);
    }

    private String expression(int depth, int leaves, int lines) {
        if (depth == 0 || chance(25)) {
            return chance(85) ? name(leaves, lines) : pick(CONSTANTS);
        }
        String a = maybeParens(expression(depth - 1, leaves, lines));
        return switch (below(10)) {
            case 0, 1 -> a + " + " + maybeParens(expression(depth - 1, leaves, lines));
            case 2 -> a + " - " + maybeParens(expression(depth - 1, leaves, lines));
            case 3, 4 -> a + " * " + maybeParens(expression(depth - 1, leaves, lines));
            case 5 -> a + " / " + maybeParens(expression(depth - 1, leaves, lines));
            case 6 -> power(a);
            case 7 -> "-" + a;
            default -> call(pick(FUNCTIONS), expression(depth - 1, leaves, lines));
        };
    }

    /** Mostly keeps log and fractional powers in their domain, so that most programs can be checked. */
    private String power(String base) {
        String k = pick(EXPONENTS);
        boolean fractional = k.equals("0.5") || k.equals("1.5") || k.equals("2**-1");
        return "(" + (fractional && chance(75) ? positive(base) : base) + ")**" + k;
    }

    private String call(String function, String argument) {
        return function + "(" + (function.equals("log") && chance(75) ? positive(argument) : argument) + ")";
    }

    private String positive(String e) {
        return "(" + e + ")**2 + " + pick(new String[] {"0.5", "1", "0.25"});
    }

    /** Parentheses half the time: without them the text parses into another tree, which is just as good a test. */
    private String maybeParens(String e) {
        return chance(50) ? "(" + e + ")" : e;
    }
}
