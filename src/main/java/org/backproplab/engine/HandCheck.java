package org.backproplab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Backprop by hand, as the lecture does it before any code: the student works out every Value's grad from the
 * output back, and this checks each answer against the real backward pass. A wrong answer gets the rule that
 * applies (from the op's single home, {@link Op#rule}), never the number; an answer that can't be worked out yet
 * names the grad to find first. The true grads are computed here into an array of their own, so checking never
 * touches the grads the drawing holds.
 */
public final class HandCheck {
    /** Where an answer stands; the page shows it as data-check="empty|right|wrong|revealed". */
    public enum State {
        EMPTY, RIGHT, WRONG, REVEALED;

        public String id() {
            return Text.lowerAscii(name());
        }
    }

    /** The outcome of checking one answer, with the sentence to show. */
    public record Verdict(State state, String feedback) {
    }

    /** One use of a node: as child {@code index} of {@code parent}. */
    private record Use(Value parent, int index) {
    }

    private final Value output;
    private final Function<Value, String> name;
    private final List<Value> asked = new ArrayList<>();
    private final Map<Value, Integer> index = new HashMap<>();
    private final double[] truth;
    private final State[] state;
    private final List<List<Use>> uses = new ArrayList<>();

    /**
     * @param askOutput true to ask for the output's grad too; otherwise it is given as 1, and counts as right
     * @param name      how the page names a Value (its label, or its op for an unnamed one)
     */
    public HandCheck(Value output, boolean askOutput, Function<Value, String> name) {
        this.output = output;
        this.name = name;
        List<Value> order = output.topologicalOrder();
        for (int i = order.size() - 1; i >= 0; i--) {
            Value v = order.get(i);
            if (!isConstant(v)) {
                index.put(v, asked.size());
                asked.add(v);
                uses.add(new ArrayList<>());
            }
        }
        truth = new double[asked.size()];
        state = new State[asked.size()];
        java.util.Arrays.fill(state, State.EMPTY);
        truth[0] = 1;
        for (Value v : asked) {
            for (int c = 0; c < v.arity(); c++) {
                Integer child = index.get(v.child(c));
                if (child != null) {
                    truth[child] += v.localDerivative(c) * truth[index.get(v)];
                    uses.get(child).add(new Use(v, c));
                }
            }
        }
        if (!askOutput) {
            state[0] = State.RIGHT;
        }
    }

    /** A number written into an expression: a leaf with no name, whose grad nobody asks for. */
    private static boolean isConstant(Value v) {
        return v.isLeaf() && v.label.isEmpty();
    }

    /** The Values that need an answer, output first (the order a student works in, and the Tab order). */
    public List<Value> asked() {
        return asked;
    }

    public boolean isAsked(Value v) {
        return index.containsKey(v);
    }

    public State state(Value v) {
        return state[index.get(v)];
    }

    /** The true grad of a Value, which the page shows once the answer is right or revealed. */
    public double grad(Value v) {
        return truth[index.get(v)];
    }

    /** Checks a typed answer: right to 1e-6 relative, or equal to the 4 decimals the page shows. */
    public Verdict check(Value v, double answer) {
        int i = index.get(v);
        if (state[i] == State.REVEALED) {
            return new Verdict(State.REVEALED, name.apply(v) + "'s grad was revealed.");
        }
        double t = truth[i];
        boolean right = answer == t || Math.abs(answer - t) <= 1e-6 * Math.abs(t)
                || Numbers.fixed(answer, 4).equals(Numbers.fixed(t, 4));
        state[i] = right ? State.RIGHT : State.WRONG;
        return new Verdict(state[i], right ? rightSentence(v) : wrongSentence(v));
    }

    /** Fills in a Value's answer; it counts as revealed, not as solved. */
    public double reveal(Value v) {
        int i = index.get(v);
        if (state[i] != State.RIGHT) {
            state[i] = State.REVEALED;
        }
        return truth[i];
    }

    /** Clears an answer (the student emptied the field). */
    public void clear(Value v) {
        int i = index.get(v);
        if (state[i] == State.WRONG) {
            state[i] = State.EMPTY;
        }
    }

    /**
     * Null when every Value that v feeds already has its grad (right or revealed), so v's can be worked out; else
     * "first find the grad of e, the node that c feeds".
     */
    public String blockedBy(Value v) {
        for (Use u : uses.get(index.get(v))) {
            State s = state[index.get(u.parent())];
            if (s != State.RIGHT && s != State.REVEALED) {
                return "first find the grad of " + name.apply(u.parent()) + ", the node that " + name.apply(v)
                        + " feeds";
            }
        }
        return null;
    }

    /**
     * How v's true grad is made up, one term per use, in the order backward adds them: each parent's grad × the
     * local derivative on the edge from v (before and after are the running sum). The output has none.
     */
    public List<BackwardTrace.Contribution> contributions(Value v) {
        List<BackwardTrace.Contribution> terms = new ArrayList<>();
        double sum = 0;
        for (Use u : uses.get(index.get(v))) {
            double upstream = truth[index.get(u.parent())];
            double local = u.parent().localDerivative(u.index());
            double term = local * upstream;
            terms.add(new BackwardTrace.Contribution(u.parent(), v, u.index(), upstream, local, term, sum,
                    sum + term));
            sum += term;
        }
        return terms;
    }

    /** The local derivative on each of v's outgoing edges, for the Hint button. */
    public String hint(Value v) {
        List<Use> us = uses.get(index.get(v));
        if (us.isEmpty()) {
            return name.apply(v) + " is the output: its grad is d" + name.apply(v) + "/d" + name.apply(v) + " = 1.";
        }
        StringBuilder s = new StringBuilder();
        for (Use u : us) {
            s.append(s.length() == 0 ? "" : " ").append("On the edge into ").append(name.apply(u.parent()))
                    .append(" (").append(u.parent().kind().symbol).append("), the local derivative d")
                    .append(name.apply(u.parent())).append("/d").append(name.apply(v)).append(" is ")
                    .append(Numbers.fixed(u.parent().localDerivative(u.index()), 4)).append('.');
        }
        return s.toString();
    }

    private String rightSentence(Value v) {
        return name.apply(v) + ".grad = " + Numbers.fixed(grad(v), 4) + ": right.";
    }

    /** The rule that applies, naming no number: a reused node's sum first, then the op it feeds. */
    private String wrongSentence(Value v) {
        String blocked = blockedBy(v);
        if (blocked != null) {
            return "Not yet: " + blocked + ".";
        }
        List<Use> us = uses.get(index.get(v));
        if (us.isEmpty()) {
            return name.apply(v) + " is the output: the grad of a thing with respect to itself.";
        }
        if (us.size() > 1) {
            return name.apply(v) + " is used " + (us.size() == 2 ? "twice: add the contributions of both uses"
                    : us.size() + " times: add the contributions of all its uses") + ", each upstream grad × local "
                    + "derivative.";
        }
        Use u = us.get(0);
        return u.parent().kind().rule(name.apply(v), name.apply(u.parent())) + ".";
    }

    /** How many answers are right (revealed ones don't count). */
    public int right() {
        int n = 0;
        for (State s : state) {
            n += s == State.RIGHT ? 1 : 0;
        }
        return n;
    }

    public int total() {
        return asked.size();
    }

    /** True when every Value has its grad, right or revealed. */
    public boolean finished() {
        for (State s : state) {
            if (s != State.RIGHT && s != State.REVEALED) {
                return false;
            }
        }
        return true;
    }

    /** The Values whose answers were revealed, for the finish message. */
    public List<Value> revealed() {
        List<Value> list = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (state[i] == State.REVEALED) {
                list.add(asked.get(i));
            }
        }
        return list;
    }

    /** The output this check is for. */
    public Value output() {
        return output;
    }
}
