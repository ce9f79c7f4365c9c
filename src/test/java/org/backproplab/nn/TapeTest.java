package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.data.Datasets;
import org.backproplab.data.Rng;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/**
 * The compiled tape against the Value engine: every loss, reduction and activation, with and without L2, must give
 * the same loss and the same gradient for every parameter; predict must equal the graph's forward pass.
 */
class TapeTest {

    /** Loss and parameter grads from the Value engine, micrograd's way. */
    private static double[] valueEngine(MLP model, Loss loss, Dataset data) {
        Value[] scores = new Value[data.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.forward(leaves(data.xs()[i]))[0];
        }
        List<Value> params = model.parameters();
        Value total = loss.total(scores, data.ys(), params);
        model.zeroGrad();
        total.backward();
        double[] result = new double[params.size() + 1];
        result[0] = total.data;
        for (int i = 0; i < params.size(); i++) {
            result[i + 1] = params.get(i).grad;
        }
        return result;
    }

    private static Value[] leaves(double[] x) {
        Value[] v = new Value[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = new Value(x[i]);
        }
        return v;
    }

    @Test
    void everyLossAndActivationGivesTheValueEnginesLossAndGradients() {
        Dataset data = Datasets.moons(12, 0.2, 4);
        int combos = 0;
        for (Loss.Type type : Loss.Type.ONE_SCORE) {
            for (Loss.Reduction reduction : Loss.Reduction.values()) {
                for (Activation hidden : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
                    for (Activation output : new Activation[] {Activation.LINEAR, Activation.TANH}) {
                        for (double l2 : new double[] {0, 1e-3}) {
                            Loss loss = new Loss(type, reduction, l2);
                            MLP model = new MLP(2, new int[] {5, 4, 1}, hidden, output, new Rng(combos), true);
                            double[] expected = valueEngine(model, loss, data);
                            Tape tape = new Tape(model, loss, data.size());
                            for (int b = 0; b < data.size(); b++) {
                                tape.setPoint(b, data.xs()[b], data.ys()[b]);
                            }
                            String what = type + " " + reduction + " " + hidden + "/" + output + " l2=" + l2;
                            assertEquals(expected[0], tape.forward(), 0.0, what + ": loss");
                            tape.backward();
                            for (int i = 0; i < tape.parameterCount; i++) {
                                assertEquals(expected[i + 1], tape.grad[i], 0.0, what + ": grad of parameter " + i);
                            }
                            combos++;
                        }
                    }
                }
            }
        }
        assertEquals(72, combos);
    }

    @Test
    void replayingTwiceGivesTheSameNumbersBecauseGradsAreZeroedFirst() {
        MLP model = new MLP(2, new int[] {8, 1}, new Rng(3));
        Dataset data = Datasets.xor(20, 0.1, 2);
        Tape tape = new Tape(model, Loss.microgradDemo(), data.size());
        for (int b = 0; b < data.size(); b++) {
            tape.setPoint(b, data.xs()[b], data.ys()[b]);
        }
        double first = tape.forward();
        tape.backward();
        double[] grads = tape.grad.clone();
        assertEquals(first, tape.forward(), 0.0);
        tape.backward();
        for (int i = 0; i < tape.parameterCount; i++) {
            assertEquals(grads[i], tape.grad[i], 0.0);
        }
    }

    @Test
    void accuracyAndScoresMatchTheGraph() {
        MLP model = new MLP(2, new int[] {6, 1}, Activation.TANH, Activation.LINEAR, new Rng(11), true);
        Dataset data = Datasets.circles(30, 0.1, 1);
        Tape tape = new Tape(model, Loss.microgradDemo(), data.size());
        double[] scores = new double[data.size()];
        for (int b = 0; b < data.size(); b++) {
            tape.setPoint(b, data.xs()[b], data.ys()[b]);
            scores[b] = model.forward(leaves(data.xs()[b]))[0].data;
        }
        tape.forward();
        for (int b = 0; b < data.size(); b++) {
            assertEquals(scores[b], tape.score(b), 0.0);
        }
        assertEquals(Loss.accuracy(scores, data.ys(), scores.length), tape.accuracy(), 0.0);
    }

    @Test
    void predictEqualsTheValueEnginesForwardPass() {
        for (Activation hidden : new Activation[] {Activation.RELU, Activation.TANH, Activation.SIGMOID}) {
            MLP model = new MLP(3, new int[] {7, 5, 1}, hidden, Activation.TANH, new Rng(21), true);
            Tape tape = new Tape(model, Loss.microgradDemo(), 1);
            Rng rng = new Rng(5);
            for (int i = 0; i < 200; i++) {
                double[] x = {rng.uniform(-3, 3), rng.uniform(-3, 3), rng.uniform(-3, 3)};
                double expected = model.forward(leaves(x))[0].data;
                assertEquals(expected, model.predict(x), 0.0, hidden + " MLP.predict");
                assertEquals(expected, tape.predict(x), 0.0, hidden + " Tape.predict");
            }
        }
    }

    @Test
    void parametersGoInAndOut() {
        MLP model = new MLP(2, new int[] {3, 1}, new Rng(1));
        Tape tape = new Tape(model, Loss.microgradDemo(), 2);
        double[] values = tape.parameterValues();
        assertEquals(13, values.length);
        assertEquals(model.parameters().get(4).data, values[4]);
        values[4] = 42;
        tape.loadParameters(values);
        MLP other = new MLP(2, new int[] {3, 1}, new Rng(99));
        tape.copyParametersTo(other);
        assertEquals(42, other.parameters().get(4).data);
        assertThrows(IllegalArgumentException.class, () -> tape.loadParameters(new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> new Tape(new MLP(2, new int[] {3, 2}, new Rng(1)), Loss.microgradDemo(), 1));
    }

    @Test
    void minibatchTrainingWithEveryOptimizerGivesTheSameCurveOnBothEngines() {
        Dataset data = Datasets.spiral(40, 0.05, 6);
        for (Optimizer.Kind kind : Optimizer.Kind.values()) {
            Optimizer.Settings settings = new Optimizer.Settings(kind, 0.05, 0.01, true, 0.9, 0.9, 0.999, 1e-8);
            Trainer[] trainers = new Trainer[2];
            for (Trainer.Engine engine : Trainer.Engine.values()) {
                MLP model = new MLP(2, new int[] {8, 8, 1}, Activation.TANH, Activation.LINEAR, new Rng(2), true);
                trainers[engine.ordinal()] = new Trainer(model, data, new Loss(Loss.Type.LOGISTIC,
                        Loss.Reduction.MEAN, 1e-4), settings, 30, 10, 77, engine);
            }
            for (int k = 0; k < 30; k++) {
                Trainer.Step byValue = trainers[0].step();
                Trainer.Step byTape = trainers[1].step();
                assertEquals(byValue.loss(), byTape.loss(), 1e-12, kind + " step " + k);
                assertEquals(byValue.accuracy(), byTape.accuracy(), 0.0, kind + " step " + k);
            }
            double[] a = trainers[0].parameterValues();
            double[] b = trainers[1].parameterValues();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-12);
            }
            assertEquals(trainers[0].predict(new double[] {0.3, -0.2}), trainers[1].predict(new double[] {0.3, -0.2}),
                    1e-12);
        }
    }
}
