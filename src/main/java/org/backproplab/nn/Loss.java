package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * The training objective: a per-point loss of the score s and the label y (-1 or +1), or of the k scores (logits) and
 * the class index y for softmax, or of the score and a real target for regression (MSE), reduced over the batch by a
 * sum or a mean, plus an optional L2 term alpha * sum(p*p). Built as a Value graph exactly as micrograd's demo
 * builds it, in the same order of additions, so that the demo's numbers come out the same:
 * data loss = (0 + l_0 + l_1 + ...) * (1.0/n) and reg = (0 + p_0*p_0 + p_1*p_1 + ...) * alpha.
 */
public record Loss(Type type, Reduction reduction, double l2) {

    public enum Type implements Choice {
        /** micrograd's max-margin loss relu(1 - y*s), built as relu(s*(-y) + 1) like its {@code 1 + -yi*scorei}. */
        SVM,
        /** The lecture's squared error (s - y)**2. */
        MSE,
        /** -log sigmoid(y*s), i.e. log(1 + exp(-y*s)), built so that no exp overflows. */
        LOGISTIC,
        /**
         * Softmax cross-entropy over k scores and a class index y: -log p_y = log(sum_j exp(s_j - m)) - (s_y - m),
         * with m the largest score taken as a constant, so no exp overflows and none underflows to a log(0).
         */
        SOFTMAX;

        /** The losses of one score (binary classification, or regression with MSE). */
        public static final Type[] ONE_SCORE = {SVM, MSE, LOGISTIC};
    }

    public enum Reduction implements Choice {
        SUM, MEAN
    }

    /** micrograd's demo: SVM, mean, alpha = 1e-4. */
    public static Loss microgradDemo() {
        return new Loss(Type.SVM, Reduction.MEAN, 1e-4);
    }

    /** The loss of one point. */
    public Value pointLoss(Value score, double y) {
        oneScore(type);
        switch (type) {
            case SVM:
                return score.mul(-y).add(1).relu();
            case MSE:
                return score.sub(y).pow(2);
            default:
                // softplus(-z) with z = y*s. For z >= 0, exp(-z) <= 1; for z < 0 use the equal -z + log(1 + exp(z)),
                // where exp(z) < 1. Choosing the branch by the forward value is fine, like relu's kink.
                Value z = score.mul(y);
                if (z.data >= 0) {
                    return z.neg().exp().add(1).log();
                }
                return z.neg().add(z.exp().add(1).log());
        }
    }

    /** The loss of one point from the last layer's outputs: softmax reads all of them, the others the first. */
    public Value pointLoss(Value[] outputs, double y) {
        return type == Type.SOFTMAX ? softmax(outputs, (int) y) : pointLoss(outputs[0], y);
    }

    /**
     * Softmax cross-entropy of scores s and class y, from exp and log Values: d_j = s_j - m, e_j = exp(d_j), and
     * loss = log(e_0 + e_1 + ...) - d_y, which is -log(e_y / sum). m, the largest score, is a constant Value: it
     * cancels out of the loss, so its only effect is that every exp is at most 1.
     */
    public static Value softmax(Value[] s, int y) {
        Value m = new Value(largest(s));
        Value[] d = new Value[s.length];
        Value sum = null;
        for (int j = 0; j < s.length; j++) {
            d[j] = s[j].sub(m);
            Value e = d[j].exp();
            sum = j == 0 ? e : sum.add(e);
        }
        return sum.log().sub(d[y]);
    }

    private static double largest(Value[] s) {
        double m = s[0].data;
        for (Value v : s) {
            m = Math.max(m, v.data);
        }
        return m;
    }

    /** The largest of v[at..at+k). */
    private static double largest(double[] v, int at, int k) {
        double m = v[at];
        for (int j = 1; j < k; j++) {
            m = Math.max(m, v[at + j]);
        }
        return m;
    }

    /** {@link #softmax} on plain numbers: the scores are v[at..at+k), op by op in the same order. */
    public static double softmaxValue(double[] v, int at, int k, int y) {
        double minusM = largest(v, at, k) * -1;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Op.EXP.forward(v[at + j] + minusM, 0);
            sum = j == 0 ? e : sum + e;
        }
        return Op.LOG.forward(sum, 0) + (v[at + y] + minusM) * -1;
    }

    /**
     * What the softmax loss passes back to each score, given its own grad {@code up}, added into g[at..at+k): the
     * chain rule through the Values {@link #softmax} builds. d_y gets two contributions, through its exp and through
     * the - d_y; two additions from 0 give the same sum in either order, so this equals the Value engine's grads.
     */
    public static void softmaxGrad(double[] v, double[] g, int at, int k, int y, double up) {
        double minusM = largest(v, at, k) * -1;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Op.EXP.forward(v[at + j] + minusM, 0);
            sum = j == 0 ? e : sum + e;
        }
        double gSum = Op.LOG.local(0, sum, 0, 0) * up; // log, then each + of the sum passes it on to every e_j
        for (int j = 0; j < k; j++) {
            double e = Op.EXP.forward(v[at + j] + minusM, 0);
            double gd = Op.EXP.local(0, 0, 0, e) * gSum;  // exp
            if (j == y) {
                gd = gd + -1 * up;                         // - d_y, i.e. + d_y * -1
            }
            g[at + j] += gd;                               // d_j = s_j - m passes it to s_j
        }
    }

    /**
     * The softmax loss as lines of the expression language, for the trainer's inspected example: with the scores
     * s1..sk already defined, it builds exactly the graph {@link #softmax} builds (classes are numbered from 0, the
     * program's names from 1).
     */
    public static String softmaxProgram(double[] scores, int y) {
        double m = largest(scores, 0, scores.length);
        StringBuilder p = new StringBuilder("# softmax cross-entropy: loss = -log(p" + (y + 1) + ") = log(sum) - d"
                + (y + 1) + "\n# m is the largest score, a constant: every exp(s - m) is at most 1, and m cancels out\n");
        p.append("m = ").append(Numbers.literal(m)).append('\n');
        StringBuilder sum = new StringBuilder();
        for (int j = 1; j <= scores.length; j++) {
            p.append("d").append(j).append(" = s").append(j).append(" - m\n");
            p.append("e").append(j).append(" = exp(d").append(j).append(")\n");
            sum.append(j == 1 ? "" : " + ").append('e').append(j);
        }
        p.append("sum = ").append(sum).append('\n');
        p.append("# the probabilities e / sum:");
        for (int j = 1; j <= scores.length; j++) {
            double e = Op.EXP.forward(scores[j - 1] - m, 0);
            p.append(j == 1 ? " p" : ", p").append(j).append(" = ").append(Numbers.compact(e / expSum(scores, m), 4));
        }
        return p.append('\n').append("loss = log(sum) - d").append(y + 1).append('\n').toString();
    }

    private static double expSum(double[] scores, double m) {
        double sum = 0;
        for (double s : scores) {
            sum += Op.EXP.forward(s - m, 0);
        }
        return sum;
    }

    /** The one-score losses' methods below have no meaning for softmax, which reads every score. */
    private static void oneScore(Type type) {
        if (type == Type.SOFTMAX) {
            throw new IllegalArgumentException("the softmax loss needs every score, not one");
        }
    }

    /**
     * The same point loss as lines of the expression language, for the trainer's inspected example: given s and y
     * already defined, it builds exactly the graph {@link #pointLoss} builds, branch included, so the inspected
     * graph's numbers are the trainer's (for a very negative margin the other branch would overflow to infinity).
     */
    public static String pointLossProgram(Type type, double score, double y) {
        oneScore(type);
        switch (type) {
            case SVM:
                return "loss = relu(s * -y + 1)\n";
            case MSE:
                return "loss = (s - y)**2\n";
            default:
                return "z = s * y\n" + (score * y >= 0 ? "loss = log(exp(-z) + 1)\n" : "loss = -z + log(exp(z) + 1)\n");
        }
    }

    /** The data loss: the per-point losses summed in point order from 0, times 1.0/n for a mean. */
    public Value dataLoss(Value[] scores, double[] ys) {
        Value sum = new Value(0);
        for (int i = 0; i < scores.length; i++) {
            sum = sum.add(pointLoss(scores[i], ys[i]));
        }
        return reduction == Reduction.MEAN ? sum.mul(1.0 / scores.length) : sum;
    }

    /** The data loss of each point's outputs (the last layer's, all of them). */
    public Value dataLoss(Value[][] outputs, double[] ys) {
        Value sum = new Value(0);
        for (int i = 0; i < outputs.length; i++) {
            sum = sum.add(pointLoss(outputs[i], ys[i]));
        }
        return reduction == Reduction.MEAN ? sum.mul(1.0 / outputs.length) : sum;
    }

    /** The total loss from each point's outputs; the L2 term is left out when alpha is 0. */
    public Value total(Value[][] outputs, double[] ys, List<Value> parameters) {
        Value data = dataLoss(outputs, ys);
        return l2 == 0 ? data : data.add(regularization(parameters));
    }

    /** alpha * (0 + p0*p0 + p1*p1 + ...), in parameter order. */
    public Value regularization(List<Value> parameters) {
        Value sum = new Value(0);
        for (Value p : parameters) {
            sum = sum.add(p.mul(p));
        }
        return sum.mul(l2);
    }

    /** The total loss; the L2 term is left out when alpha is 0 (adding it would change no number). */
    public Value total(Value[] scores, double[] ys, List<Value> parameters) {
        Value data = dataLoss(scores, ys);
        return l2 == 0 ? data : data.add(regularization(parameters));
    }

    /**
     * The total loss computed on plain numbers, in exactly the order {@link #total} and the tape use, so it equals
     * their result to the last bit: for showing the loss of the current weights without taking a step.
     */
    public double value(double[] scores, double[] ys, int n, double[] parameters) {
        return value(scores, ys, n, parameters, parameters.length);
    }

    /** The same, with the parameters as the first {@code count} entries of an array. */
    public double value(double[] scores, double[] ys, int n, double[] parameters, int count) {
        return value(scores, 1, ys, n, parameters, count);
    }

    /** The same for k outputs per point: point i's are outputs[i*k .. i*k+k). */
    public double value(double[] outputs, int k, double[] ys, int n, double[] parameters, int count) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum = sum + (type == Type.SOFTMAX ? softmaxValue(outputs, i * k, k, (int) ys[i])
                    : pointLossValue(outputs[i * k], ys[i]));
        }
        // (1.0 / n) first: TeaVM's JavaScript turns sum * (1.0 / n) into sum * 1.0 / n, which can round 1 ulp
        // away from micrograd's (and the tape's) figure; a * b == b * a exactly, so this loses nothing.
        double data = reduction == Reduction.MEAN ? (1.0 / n) * sum : sum;
        if (l2 == 0) {
            return data;
        }
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares = squares + parameters[i] * parameters[i];
        }
        return data + squares * l2;
    }

    /** One point's loss on plain numbers, as {@link #pointLoss} computes it, op by op. */
    public double pointLossValue(double score, double y) {
        return pointLossValue(type, score, y);
    }

    /** The same for a loss type: the tape calls this, so its numbers are the graph's to the last bit. */
    public static double pointLossValue(Type type, double score, double y) {
        oneScore(type);
        switch (type) {
            case SVM:
                return Op.RELU.forward(score * -y + 1, 0);
            case MSE:
                return Op.POW.forward(score + y * -1, 2);
            default: {
                double z = score * y;
                return z >= 0 ? softplus(z * -1) : z * -1 + softplus(z);
            }
        }
    }

    /** log(exp(x) + 1), as the graph builds it: exp, + 1, log. */
    private static double softplus(double x) {
        return Op.LOG.forward(Op.EXP.forward(x, 0) + 1, 0);
    }

    /**
     * What one point's loss passes back to its score, given the loss's own grad {@code up}: the chain rule through
     * the ops {@link #pointLoss} builds, in the order the Value engine's backward pass applies them, so the tape's
     * gradients equal the graph's to the last bit.
     */
    public static double pointLossGrad(Type type, double score, double y, double up) {
        oneScore(type);
        switch (type) {
            case SVM: {
                double margin = score * -y + 1;
                double relu = Op.RELU.local(0, margin, 0, Op.RELU.forward(margin, 0));
                return (relu * up) * -y; // relu, then + 1 (passes the grad), then s * (-y)
            }
            case MSE: {
                double diff = score + y * -1;
                return Op.POW.local(0, diff, 2, 0) * up; // **2, then + (passes the grad)
            }
            default: {
                double z = score * y;
                double gz;
                if (z >= 0) { // log(exp(z * -1) + 1)
                    double e = Op.EXP.forward(z * -1, 0);
                    double ge = Op.LOG.local(0, e + 1, 0, 0) * up; // log, then + 1
                    gz = ge * Op.EXP.local(0, 0, 0, e) * -1;       // exp, then * -1
                } else {      // z * -1 + log(exp(z) + 1)
                    double e = Op.EXP.forward(z, 0);
                    double ge = Op.LOG.local(0, e + 1, 0, 0) * up;
                    gz = ge * Op.EXP.local(0, 0, 0, e) + -1 * up; // the exp branch reaches z first, then the * -1 one
                }
                return gz * y; // s * y
            }
        }
    }

    /** The fraction of points whose score has the label's sign, micrograd's {@code (yi > 0) == (scorei.data > 0)}. */
    public static double accuracy(double[] scores, double[] ys, int n) {
        return accuracy(scores, 1, ys, n);
    }

    /**
     * The same for k outputs per point (point i's at i*k): with one, the score's sign; with more, the class of the
     * largest score, a tie going to the lower class index.
     */
    public static double accuracy(double[] outputs, int k, double[] ys, int n) {
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (k == 1 ? (ys[i] > 0) == (outputs[i] > 0) : argmax(outputs, i * k, k) == ys[i]) {
                correct++;
            }
        }
        return (double) correct / n;
    }

    /** The index of the largest of v[at..at+k), counted from 0; a tie goes to the lower index. */
    public static int argmax(double[] v, int at, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (v[at + j] > v[at + best]) {
                best = j;
            }
        }
        return best;
    }

    /** The root of the mean squared error of the scores against real targets: the regression read-out. */
    public static double rmse(double[] scores, double[] ys, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double diff = scores[i] - ys[i];
            sum = sum + diff * diff;
        }
        return Math.sqrt((1.0 / n) * sum);
    }
}
