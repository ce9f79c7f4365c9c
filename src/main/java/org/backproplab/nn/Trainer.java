package org.backproplab.nn;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Value;

/**
 * The training loop of micrograd's demo, one step per call: pick the batch, compute the loss (and the accuracy)
 * with the current parameters, zero the grads, backpropagate, and update with step k's learning rate. The loss a
 * step reports is the one computed before its update, as the demo prints it.
 *
 * <p>Two engines give the same numbers: VALUE builds the scalar Value graph every step, exactly as micrograd does,
 * and TAPE replays a {@link Tape} compiled once.
 */
public final class Trainer {

    public enum Engine implements Choice {
        VALUE, TAPE
    }

    /**
     * The most work the VALUE engine takes on, in points per step × parameters. Every step it builds about that many
     * Values (a multiply and an add for each weight and point) and keeps them all until backward is done: a million
     * fits in a 256 MB heap, while 1,000 points on six layers of 64 ran out of 2 GB. The TAPE engine needs no limit.
     */
    public static final int MAX_VALUE_ENGINE_WORK = 1_000_000;

    /** What one step reports: its number, the loss before its update, and the batch accuracy (NaN for regression). */
    public record Step(int step, double loss, double accuracy) {
    }

    private final Engine engine;
    private final Dataset data;
    private final Features features;
    private final boolean regression;
    private final int nout;
    private final Loss loss;
    private final Optimizer.Settings settings;
    private final Optimizer optimizer;
    private final Batches batches;
    private final int steps;
    private int step;

    // the Value engine's state
    private final MLP model;
    private final List<Value> parameters;
    private final double[] paramData;
    private final double[] paramGrad;
    private final Value[][] outputs;
    private final double[] outputData; // point i's scores at i*nout
    private final double[] labels;

    // the tape engine's state
    private final Tape tape;

    private double[] evaluationScores = new double[0];
    private final double[] networkInputs;
    private final double[] pointScores;

    public Trainer(TrainSpec spec, Engine engine) {
        this(spec.model(), spec.features(), spec.data(), spec.loss(), spec.optimizer(), spec.steps(), spec.batch(),
                spec.seed(), engine);
    }

    /** A model that sees each point's coordinates themselves. */
    public Trainer(MLP model, Dataset data, Loss loss, Optimizer.Settings settings, int steps, int batch, int seed,
                   Engine engine) {
        this(model, Features.raw(model.nin), data, loss, settings, steps, batch, seed, engine);
    }

    /**
     * Trains {@code model} in place with the VALUE engine; the TAPE engine starts from the model's parameters and
     * keeps its own copy (see {@link #parameterValues()}).
     *
     * @param steps the length of the run, which sets the learning-rate decay (step() may still go past it)
     * @param batch points per step, 0 for full batch
     */
    public Trainer(MLP model, Features features, Dataset data, Loss loss, Optimizer.Settings settings, int steps,
                   int batch, int seed, Engine engine) {
        this.engine = engine;
        this.data = data;
        this.features = features;
        this.regression = data.labels() == Dataset.Labels.TARGETS;
        this.nout = model.sizes()[model.sizes().length - 1];
        this.networkInputs = new double[features.count()];
        this.pointScores = new double[nout];
        this.loss = loss;
        this.settings = settings;
        this.steps = steps;
        this.model = model;
        this.parameters = model.parameters();
        this.optimizer = settings.create(parameters.size());
        this.batches = new Batches(data.size(), batch, seed);
        int b = batches.size();
        this.outputs = new Value[b][];
        this.outputData = new double[b * nout];
        this.labels = new double[b];
        if (engine == Engine.TAPE) {
            this.tape = new Tape(model, loss, b, features);
            this.paramData = null;
            this.paramGrad = null;
        } else {
            this.tape = null;
            this.paramData = new double[parameters.size()];
            this.paramGrad = new double[parameters.size()];
        }
    }

    /** Points per step × parameters: how big a graph the VALUE engine builds every step (see MAX_VALUE_ENGINE_WORK). */
    public static long valueEngineWork(TrainSpec spec) {
        int points = spec.batch() > 0 ? spec.batch() : spec.data().size();
        return (long) points * MLP.parameterCount(spec.features().count(), spec.layers());
    }

    /** How many steps have run. */
    public int stepCount() {
        return step;
    }

    /** The run's length from the spec. */
    public int steps() {
        return steps;
    }

    public Step step() {
        int[] batch = batches.next();
        int k = step;
        double lr = settings.learningRate(k, steps);
        double lossValue;
        double accuracy;
        if (engine == Engine.TAPE) {
            for (int i = 0; i < tape.batchSize; i++) {
                tape.setPoint(i, data.xs()[batch[i]], data.ys()[batch[i]]);
            }
            lossValue = tape.forward();
            accuracy = regression ? Double.NaN : tape.accuracy();
            tape.backward(settings.zeroGrad());
            optimizer.update(tape.data, tape.grad, lr);
        } else {
            for (int i = 0; i < outputs.length; i++) {
                double[] x = data.xs()[batch[i]];
                Value[] inputs = new Value[x.length];
                for (int d = 0; d < x.length; d++) {
                    inputs[d] = new Value(x[d]);
                }
                outputs[i] = model.forward(features.apply(inputs)); // the features are Value ops on the inputs
                for (int j = 0; j < nout; j++) {
                    outputData[i * nout + j] = outputs[i][j].data;
                }
                labels[i] = data.ys()[batch[i]];
            }
            Value total = loss.total(outputs, labels, parameters);
            lossValue = total.data;
            accuracy = regression ? Double.NaN : Loss.accuracy(outputData, nout, labels, outputs.length);
            if (settings.zeroGrad()) {
                model.zeroGrad(); // micrograd's p.grad = 0.0; without it, each step's grads add to the last ones
            }
            total.backward();
            for (int i = 0; i < paramData.length; i++) {
                paramData[i] = parameters.get(i).data;
                paramGrad[i] = parameters.get(i).grad;
            }
            optimizer.update(paramData, paramGrad, lr);
            for (int i = 0; i < paramData.length; i++) {
                parameters.get(i).data = paramData[i];
            }
        }
        step++;
        return new Step(k, lossValue, accuracy);
    }

    /**
     * A loss and an accuracy, computed without changing anything; for regression the accuracy is NaN and rmse is
     * the root of the mean squared error (NaN for classification).
     */
    public record Evaluation(double loss, double accuracy, double rmse) {
    }

    /**
     * The loss and accuracy of the current parameters on some points, without taking a step: on the training data
     * this is the loss the next step will report (for a full batch), to the last bit.
     */
    public Evaluation evaluate(Dataset points) {
        int n = points.size();
        if (n == 0) {
            return new Evaluation(Double.NaN, Double.NaN, Double.NaN);
        }
        if (evaluationScores.length < n * nout) {
            evaluationScores = new double[n * nout];
        }
        double[] s = evaluationScores; // reused: the trainer view evaluates every step, and garbage costs frames
        for (int i = 0; i < n; i++) {
            if (nout == 1) {
                s[i] = predict(points.xs()[i]);
            } else {
                predict(points.xs()[i], pointScores);
                System.arraycopy(pointScores, 0, s, i * nout, nout);
            }
        }
        double lossValue = loss.value(s, nout, points.ys(), n, currentParameters(), parameters.size());
        return regression ? new Evaluation(lossValue, Double.NaN, Loss.rmse(s, points.ys(), n))
                : new Evaluation(lossValue, Loss.accuracy(s, nout, points.ys(), n), Double.NaN);
    }

    /** The index of the first parameter or grad that is NaN or infinite, or -1; allocates nothing. */
    public int firstNonFinite() {
        double[] values = currentParameters();
        for (int i = 0; i < parameters.size(); i++) {
            double g = engine == Engine.TAPE ? tape.grad[i] : parameters.get(i).grad;
            if (!Double.isFinite(values[i]) || !Double.isFinite(g)) {
                return i;
            }
        }
        return -1;
    }

    /** The parameters in an array of the trainer's own (the first parameters().size() entries), not a copy. */
    private double[] currentParameters() {
        if (engine == Engine.TAPE) {
            return tape.data;
        }
        for (int i = 0; i < paramData.length; i++) {
            paramData[i] = parameters.get(i).data;
        }
        return paramData;
    }

    /** The data this trainer learns from. */
    public Dataset data() {
        return data;
    }

    /** The grads of the last step, in parameter order. */
    public double[] parameterGrads() {
        double[] grads = new double[parameters.size()];
        if (engine == Engine.TAPE) {
            System.arraycopy(tape.grad, 0, grads, 0, grads.length);
        } else {
            for (int i = 0; i < grads.length; i++) {
                grads[i] = parameters.get(i).grad;
            }
        }
        return grads;
    }

    /** Sets one parameter, e.g. a weight a student typed in. */
    public void setParameter(int index, double value) {
        if (engine == Engine.TAPE) {
            tape.data[index] = value;
        } else {
            parameters.get(index).data = value;
        }
    }

    /**
     * Continues a run at step k (after a change of learning rate, say, with the same weights), so the learning
     * rate schedule and the step numbers carry on from there.
     */
    public void resumeAt(int k) {
        step = k;
    }

    /** The model's (first) score for a point x with the current parameters, without a graph. */
    public double predict(double[] x) {
        features.apply(x, networkInputs);
        return engine == Engine.TAPE ? tape.predict(networkInputs) : model.predict(networkInputs);
    }

    /** Every score for a point x (one per class for softmax) into scores, without a graph; allocates nothing. */
    public void predict(double[] x, double[] scores) {
        features.apply(x, networkInputs);
        if (engine == Engine.TAPE) {
            tape.predict(networkInputs, scores);
        } else {
            model.predict(networkInputs, scores);
        }
    }

    /** The number of scores per point: 1, or one per class for softmax. */
    public int outputs() {
        return nout;
    }

    /** The network's inputs per point: the features' count. */
    public Features features() {
        return features;
    }

    /** The current parameters, in micrograd's order. */
    public double[] parameterValues() {
        return engine == Engine.TAPE ? tape.parameterValues() : model.parameterValues();
    }
}
