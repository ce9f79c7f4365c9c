package org.backproplab.engine;

/**
 * The code behind one chain-rule step: micrograd's {@code _backward} line for a child of an op (from the op's single
 * home, {@link Op#backwardLine}), and the same line with the numbers put in, so a student sees the Python they
 * would write do the arithmetic they just did. For {@code d = a * b} with d.grad = −2, a's line
 * {@code self.grad += other.data * out.grad} becomes {@code a.grad += (−3.0) × (−2.0)}, giving 6.0.
 *
 * <p>The substitution reads the line word by word: {@code self.grad} or {@code other.grad} on the left becomes the
 * child's name, {@code self.data} and {@code other.data} the inputs' data, a bare {@code other} POW's exponent,
 * {@code out.data} (and the t or s a function's forward line computes) the result's data, {@code out.grad} the
 * upstream grad. Python's {@code *} and {@code -} are written × and −; {@code **} stays.
 *
 * @param code         micrograd's line, as engine.py writes it
 * @param withNumbers  the line with the child's name and the numbers put in
 * @param contribution what the line adds to the child's grad: local derivative × upstream grad
 */
public record BackwardLine(String code, String withNumbers, double contribution) {

    /**
     * The line for child {@code operand} of {@code parent}, named {@code childName}, when the grad arriving from
     * above is {@code upstream}.
     */
    public static BackwardLine of(Value parent, int operand, String childName, double upstream) {
        Op op = parent.kind();
        String code = op.backwardLine(operand);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (Text.isAsciiLetter(c) || c == '_') {
                int end = i;
                while (end < code.length() && (Text.isAsciiLetter(code.charAt(end))
                        || Text.isAsciiDigit(code.charAt(end))
                        || code.charAt(end) == '_' || code.charAt(end) == '.')) {
                    end++;
                }
                out.append(word(code.substring(i, end), parent, childName, upstream));
                i = end;
            } else if (c == '*' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
                out.append("**");
                i += 2;
            } else {
                out.append(c == '*' ? '×' : c == '-' ? '−' : c);
                i++;
            }
        }
        return new BackwardLine(code, out.toString(), parent.localDerivative(operand) * upstream);
    }

    /** What one word of the line stands for here. */
    private static String word(String w, Value parent, String childName, double upstream) {
        switch (w) {
            case "self.grad", "other.grad":
                return childName + ".grad";
            case "self.data":
                return number(parent.child(0).data, true);
            case "other.data":
                return number(parent.child(1).data, true);
            case "other":
                return number(parent.exponent(), true);
            case "out.grad":
                return number(upstream, true);
            case "out.data":
                return number(parent.data, true);
            default:
                // t = math.tanh(...), s = 1 / (1 + ...): the name a function's forward line gives its result
                return parent.kind().pythonForward.contains(w + " = ") ? number(parent.data, true) : w;
        }
    }

    /**
     * A number as these lines write it: to 4 decimals without the trailing zeros, but always with one decimal, as
     * Python prints a float ("6.0", "0.7071"), with a real minus sign; in a line, a negative one is put in
     * parentheses so that {@code x × −2.0} can't be misread as a subtraction.
     */
    public static String number(double x, boolean inLine) {
        String s = Numbers.fixed(x, 4);
        int dot = s.indexOf('.');
        if (dot >= 0) {
            int exponent = s.indexOf('e') < 0 ? s.length() : s.indexOf('e');
            int end = exponent;
            while (end > dot + 2 && s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, end) + s.substring(exponent);
        }
        if (!s.startsWith("-")) {
            return s;
        }
        s = "−" + s.substring(1);
        return inLine ? "(" + s + ")" : s;
    }
}
