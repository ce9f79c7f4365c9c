package org.backproplab.expr;

import org.backproplab.engine.Op;

/**
 * What the parser says when it meets Python that the lab reads but won't run: each message names the construct and
 * says what to write instead. The parser's grammar rules call these at the token where they meet the construct, so
 * the line and column are the rule's own; this file only holds the words.
 */
final class Refusals {
    static final String DEF = "`def` isn't supported here: paste the body of the function";
    static final String LIST = "lists aren't supported here: write one Value per line, such as `x1 = Value(2.0)`";
    static final String COMPREHENSION = "a comprehension isn't supported here: write one line per item, such as "
            + "`x1 = Value(2.0)`";
    static final String INLINE_LABEL = "a label names a Value that has a line of its own: write "
            + "`f = Value(-2.0, label='f')` on its own line and use f";

    private Refusals() {
    }

    /** For a line that starts with one of Python's words the lab doesn't run; null if word is not one of them. */
    static String statement(String word) {
        String quoted = "`" + word + "`";
        return switch (word) {
            case "if", "elif", "else" -> quoted + " isn't supported here: write the lines of the branch you mean, "
                    + "without the `if`";
            case "for", "while" -> quoted + " isn't supported here: write each step on a line of its own";
            case "return", "lambda" -> quoted + " isn't supported here: paste the body of the function and name its "
                    + "result, as in `o = n.tanh()`";
            case "class" -> "`class` isn't supported here: the lab has Value built in; expected lines such as "
                    + "`a = Value(2.0, label='a')`";
            case "with", "try", "except", "finally", "raise", "assert", "del", "global", "nonlocal", "pass", "yield",
                    "break", "continue", "async", "await" -> quoted + " isn't supported here; expected a line such "
                    + "as `a = Value(2.0, label='a')`";
            default -> null;
        };
    }

    /** For a call of a function the lab doesn't have: one of micrograd's nn classes, or anything else. */
    static String function(String name) {
        if (name.equals("MLP") || name.equals("Neuron") || name.equals("Layer")) {
            return "`" + name + "(…)` builds a network with micrograd's nn module, which isn't supported here: write "
                    + "its neurons out with Value(…), * and + and tanh(), or train it in the trainer view";
        }
        return "unknown function '" + name + "'; expected one of " + String.join(", ", Parser.FUNCTIONS)
                + " or Value(…): for a function of your own, paste its body instead of calling it";
    }

    /** For receiver.attribute used in an expression, such as a.data. */
    static String attribute(String receiver, String attribute) {
        String used = "`" + receiver + "." + attribute + "`";
        return switch (attribute) {
            case "data" -> used + " is a plain number; the lab draws Values only: write `" + receiver + "`";
            case "grad" -> used + " is a plain number that backward fills in; the lab draws Values only: write `"
                    + receiver + "`";
            default -> used + " isn't supported here; expected a Value such as `" + receiver + "`, or a method "
                    + "such as `" + receiver + ".tanh()`";
        };
    }

    /** For receiver.method() where method is not one of the functions. */
    static String method(String receiver, String method) {
        if (method.equals("backward") || method.equals("_backward")) {
            return "`" + receiver + "." + method + "()` isn't a value: write it on a line of its own";
        }
        StringBuilder methods = new StringBuilder();
        for (String f : Parser.FUNCTIONS) {
            methods.append(methods.length() == 0 ? "" : ", ").append(f).append("()");
        }
        return "unknown method '" + method + "()'; expected one of " + methods;
    }

    /** For math.function(...): argument is the Value's name when the call reads math.f(x) or math.f(x.data). */
    static String math(String function, String argument) {
        String used = "`math." + function + "` works on plain numbers; the lab draws Values only: ";
        if (Op.function(function) != null) {
            return used + "write `" + (argument == null ? "x" : argument) + "." + function + "()`";
        }
        return used + "expected a Value, a number, or one of " + String.join(", ", Parser.FUNCTIONS);
    }

    /** For name.attribute = … other than a label or an answer. */
    static String setAttribute(String name, String attribute) {
        if (attribute.equals("data")) {
            return "setting `" + name + ".data` isn't supported here: write the new number in `" + name
                    + " = Value(…)` instead";
        }
        return "`" + name + "." + attribute + " = …` isn't supported here; expected `" + name + ".label = '…'` or `"
                + name + ".grad = <number>`";
    }

    /** For name.grad += … and the like: the lab's backward accumulates grads, the student only answers. */
    static String gradUpdate(String name) {
        return "`" + name + ".grad` is backward's to add up; expected `" + name + ".grad = <number>`, your answer "
                + "for the grad of " + name;
    }
}
