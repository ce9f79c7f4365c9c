package org.backproplab.ui.bench;

import org.backproplab.engine.Numbers;

/** The big programs of the graph-scale benchmark (issue 16), which the e2e tests open too. */
public final class ScalePrograms {
    private ScalePrograms() {
    }

    /** {@code a = value}, then {@code b = a + a + … + a} with this many terms: a used terms times. */
    public static String reuse(int terms, double value) {
        StringBuilder p = new StringBuilder("a = ").append(Numbers.format(value)).append("\nb = a");
        for (int i = 1; i < terms; i++) {
            p.append(" + a");
        }
        return p.append('\n').toString();
    }

    /**
     * {@code x0 = 0.5}, then lines {@code xi = x(i-1)*1*1*…*1} of this many factors: a chain of 1 + 2 × lines ×
     * factors Values. 1,000 lines of 50 make 100,001 Values in 113,000 characters, inside the language's limits
     * (10,000 lines, 200,000 characters), as a student could paste.
     */
    public static String chain(int lines, int factors) {
        StringBuilder p = new StringBuilder("x0 = 0.5\n");
        for (int i = 1; i <= lines; i++) {
            p.append('x').append(i).append(" = x").append(i - 1);
            for (int f = 0; f < factors; f++) {
                p.append("*1");
            }
            p.append('\n');
        }
        return p.toString();
    }

    /**
     * A program of this many lines shaped like a network written out by hand: inputs x0..x3 (x0 = first), then
     * lines {@code hI = tanh(p * q + r * s + t)} of 5 Values each, taking the line before, earlier lines and the
     * inputs, so the inputs are used all along; every 50th line also scales by 0.5. 300 lines make 1,496 Values.
     */
    public static String lineProgram(int lines, String first) {
        StringBuilder p = new StringBuilder("x0 = ").append(first).append("\nx1 = -0.3\nx2 = 0.8\nx3 = 0.1\n");
        int state = 2463534;
        for (int i = 4; i < lines; i++) {
            String[] pick = new String[4];
            for (int k = 0; k < pick.length; k++) {
                state ^= state << 13;
                state ^= state >>> 17;
                state ^= state << 5;
                int back = (state >>> 8) % 30;
                pick[k] = i - 1 - back < 4 || k == 1 ? "x" + (state >>> 3) % 4 : "h" + (i - 1 - back);
            }
            String previous = i == 4 ? "x3" : "h" + (i - 1);
            p.append('h').append(i).append(" = tanh(").append(previous).append(" * ").append(pick[1]).append(" + ")
                    .append(pick[0]).append(" * ").append(pick[2]).append(" + ").append(pick[3])
                    .append((i - 4) % 50 == 0 ? " * 0.5" : "").append(")\n");
        }
        return p.toString();
    }
}
