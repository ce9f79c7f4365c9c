package org.backproplab.nn;

import org.backproplab.engine.Choice;

/**
 * Updates parameters from their gradients: plain SGD (micrograd's {@code p.data -= learning_rate * p.grad}), SGD with
 * momentum, or Adam. An optimizer works on flat arrays, the first {@code count} entries of {@code data} and
 * {@code grad}, so the Value engine (which copies its parameters out and back) and the tape (which keeps its
 * parameters at the front of its arrays) share the same update code and so the same numbers.
 */
public interface Optimizer {

    /** One update of data[0..count) against grad[0..count) with learning rate lr. */
    void update(double[] data, double[] grad, double lr);

    enum Kind implements Choice {
        SGD, MOMENTUM, ADAM
    }

    /**
     * The optimizer part of a training spec. The learning rate decays linearly from lrStart (step 0) towards lrEnd
     * (step {@code steps}), or stays at lrStart; momentum is for MOMENTUM, beta1, beta2 and eps for ADAM.
     * {@code zeroGrad} false is the lecture's bug of dropping {@code p.grad = 0.0}: every parameter's grad then keeps
     * the sum of all the steps so far.
     */
    record Settings(Kind kind, double lrStart, double lrEnd, boolean linearDecay, double momentum, double beta1,
                    double beta2, double eps, boolean zeroGrad) {

        /** Settings that zero the grads before each backward pass, as they should be. */
        public Settings(Kind kind, double lrStart, double lrEnd, boolean linearDecay, double momentum, double beta1,
                        double beta2, double eps) {
            this(kind, lrStart, lrEnd, linearDecay, momentum, beta1, beta2, eps, true);
        }

        /** The same settings, with or without zeroing the grads before each backward pass. */
        public Settings withZeroGrad(boolean on) {
            return new Settings(kind, lrStart, lrEnd, linearDecay, momentum, beta1, beta2, eps, on);
        }

        /** micrograd's demo: SGD from 1.0 down to 0.1. */
        public static Settings sgd(double lrStart, double lrEnd) {
            return new Settings(Kind.SGD, lrStart, lrEnd, true, 0.9, 0.9, 0.999, 1e-8);
        }

        /**
         * Step k's rate, lr_start - (lr_start - lr_end)*k/steps: micrograd's 1.0 - 0.9*k/100, same operation order.
         * A run that goes on past its planned steps stays at lr_end.
         */
        public double learningRate(int k, int steps) {
            return linearDecay && steps > 0 ? lrStart - (lrStart - lrEnd) * Math.min(k, steps) / steps : lrStart;
        }

        public Optimizer create(int count) {
            switch (kind) {
                case MOMENTUM:
                    return new Momentum(count, momentum);
                case ADAM:
                    return new Adam(count, beta1, beta2, eps);
                default:
                    return new Sgd(count);
            }
        }
    }

    /** p -= lr * grad. */
    final class Sgd implements Optimizer {
        private final int count;

        public Sgd(int count) {
            this.count = count;
        }

        @Override
        public void update(double[] data, double[] grad, double lr) {
            for (int i = 0; i < count; i++) {
                data[i] -= lr * grad[i];
            }
        }
    }

    /** velocity = mu * velocity + grad; p -= lr * velocity (PyTorch's form: the rate scales the whole step). */
    final class Momentum implements Optimizer {
        private final int count;
        private final double mu;
        private final double[] velocity;

        public Momentum(int count, double mu) {
            this.count = count;
            this.mu = mu;
            this.velocity = new double[count];
        }

        @Override
        public void update(double[] data, double[] grad, double lr) {
            for (int i = 0; i < count; i++) {
                velocity[i] = mu * velocity[i] + grad[i];
                data[i] -= lr * velocity[i];
            }
        }
    }

    /**
     * Adam (Kingma and Ba): running means of the gradient and of its square, corrected for starting at zero,
     * p -= lr * mHat / (sqrt(vHat) + eps).
     */
    final class Adam implements Optimizer {
        private final int count;
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final double[] m;
        private final double[] v;
        // beta^t kept as running products: plain multiplications give the same bits on every platform, Math.pow may not
        private double beta1Power = 1;
        private double beta2Power = 1;

        public Adam(int count, double beta1, double beta2, double eps) {
            this.count = count;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            this.m = new double[count];
            this.v = new double[count];
        }

        @Override
        public void update(double[] data, double[] grad, double lr) {
            beta1Power *= beta1;
            beta2Power *= beta2;
            for (int i = 0; i < count; i++) {
                double g = grad[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                double mHat = m[i] / (1 - beta1Power);
                double vHat = v[i] / (1 - beta2Power);
                data[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
    }
}
