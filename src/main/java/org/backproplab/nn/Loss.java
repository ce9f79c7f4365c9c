package org.backproplab.nn;

import java.util.List;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Op;
import org.backproplab.engine.Value;

/**
 * The training objective: a per-point loss of the score s and the label y (-1 or +1), reduced over the batch by a
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
        LOGISTIC
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

    /**
     * The same point loss as lines of the expression language, for the trainer's inspected example: given s and y
     * already defined, it builds exactly the graph {@link #pointLoss} builds, branch included, so the inspected
     * graph's numbers are the trainer's (for a very negative margin the other branch would overflow to infinity).
     */
    public static String pointLossProgram(Type type, double score, double y) {
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
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum = sum + pointLossValue(scores[i], ys[i]);
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
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if ((ys[i] > 0) == (scores[i] > 0)) {
                correct++;
            }
        }
        return (double) correct / n;
    }
}
