package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.data.Dataset;
import org.backproplab.engine.Value;
import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.junit.jupiter.api.Test;

/**
 * The run file's new fields (task, features, classes, the softmax loss, targets): a bad one is named in its error;
 * a trained model of each kind writes and reads back with the same predictions; and the inspected example shows
 * the softmax's exp and log nodes and the features' ops, with the trainer's own numbers.
 */
class NewRunFilesTest {
    private static final String OPT = "\"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.1}, \"steps\": 5";

    private static void assertError(String spec, String expected) {
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class, () -> TrainSpec.parse(spec));
        assertEquals(expected, e.getMessage());
    }

    private static String spec(String data, String model, String loss, String more) {
        return "{\"data\": " + data + ", \"model\": " + model + ", \"loss\": " + loss + ", " + OPT + more + "}";
    }

    private static final String SPIRAL3 = "{\"generator\": \"spiral\", \"classes\": 3}";
    private static final String TWO_BY_THREE = "{\"inputs\": 2, \"layers\": [4, 3]}";
    private static final String SOFTMAX = "{\"type\": \"softmax\"}";

    @Test
    void aSpecErrorNamesTheField() {
        assertError(spec(SPIRAL3, "{\"inputs\": 2, \"layers\": [4, 1]}", SOFTMAX, ""),
                "model.layers: the softmax loss needs one score per class: the last layer must have at least 2 neurons");
        assertError(spec("{\"generator\": \"spiral\", \"classes\": 5}", TWO_BY_THREE, SOFTMAX, ""),
                "model.layers: the data has 5 classes, so the last layer needs at least 5 neurons, one score per "
                        + "class; it has 3");
        assertError(spec(SPIRAL3, "{\"inputs\": 2, \"layers\": [4, 1]}", "{\"type\": \"svm\"}", ""),
                "loss.type: class indices 0..2 need the softmax loss, got svm");
        assertError(spec("{\"generator\": \"spiral\", \"classes\": 9}", TWO_BY_THREE, SOFTMAX, ""),
                "data.classes: expected at most 8 classes, got 9");
        assertError(spec("{\"generator\": \"spiral\", \"classes\": 1}", TWO_BY_THREE, SOFTMAX, ""),
                "data.classes: expected a whole number from 2 to 8, got 1");
        assertError(spec("{\"generator\": \"moons\", \"classes\": 3}", TWO_BY_THREE, SOFTMAX, ""),
                "data.classes: only spiral and blobs take a number of classes, not moons");
        assertError(spec("{\"points\": [[0, 1], [1, 0]], \"labels\": [0, 1.5]}", TWO_BY_THREE, SOFTMAX, ""),
                "data.labels[1]: expected a class index: a whole number from 0 to 7, got 1.5");
        assertError(spec("{\"generator\": \"plane\"}", "{\"inputs\": 2, \"layers\": [1]}", "{\"type\": \"mse\"}", ""),
                "data.generator: plane makes real targets: it needs \"task\": \"regression\" and the mse loss");
        String regression = ", \"task\": \"regression\"";
        assertError(spec("{\"generator\": \"moons\"}", "{\"inputs\": 2, \"layers\": [1]}", "{\"type\": \"mse\"}",
                regression), "data.generator: moons makes classes; a regression run needs plane, gaussians or sine");
        assertError(spec("{\"generator\": \"plane\"}", "{\"inputs\": 2, \"layers\": [1]}", "{\"type\": \"svm\"}",
                regression), "loss.type: regression learns real targets with mse, got svm");
        assertError(spec("{\"points\": [[0, 1]], \"labels\": [1]}", "{\"inputs\": 2, \"layers\": [1]}",
                "{\"type\": \"mse\"}", regression), "data.labels: a regression run has targets, not labels");
        assertError(spec("{\"points\": [[0, 1], [2, 3]], \"targets\": [0.5, \"x\"]}", "{\"inputs\": 2, \"layers\": [1]}",
                "{\"type\": \"mse\"}", regression), "data.targets[1]: expected a number, got a string");
        String mse = "{\"type\": \"mse\"}";
        String oneNeuron = "{\"inputs\": 2, \"layers\": [1]}";
        String four = "{\"points\": [[0, 1], [2, 3], [1, 1], [0, 0]], \"targets\": [0.5, 2, -1, TARGET]}";
        assertError(spec(four.replace("TARGET", "1e300"), oneNeuron, mse, regression),
                "data.targets[3]: expected a number from -100 to 100, got 1e300");
        assertError(spec(four.replace("TARGET", "-100.5"), oneNeuron, mse, regression),
                "data.targets[3]: expected a number from -100 to 100, got -100.5");
        assertError(spec(four.replace("TARGET", "1e400"), oneNeuron, mse, regression),
                "data.targets[3]: expected a number from -100 to 100, got one too large for a double");
        assertEquals(-100, TrainSpec.parse(spec(four.replace("TARGET", "-100"), oneNeuron, mse, regression)).data()
                .ys()[3], "the bound itself is a target");
        for (String spelled : new String[] {"NaN", "Infinity", "-Infinity", "\"1e300\""}) {
            TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class,
                    () -> TrainSpec.parse(spec(four.replace("TARGET", spelled), oneNeuron, mse, regression)));
            assertTrue(e.getMessage().startsWith("line 1, column ") || e.getMessage().startsWith("data.targets[3]: "
                    + "expected a number, got a string"), spelled + ": " + e.getMessage());
        }
        assertError(spec("{\"generator\": \"plane\", \"noise\": 1000}", oneNeuron, mse, regression),
                "data.noise: expected a number from 0 to 2, got 1000");
        assertError(spec("{\"points\": [[0, 1], [1e300, 3]], \"targets\": [0.5, 2]}", oneNeuron, mse, regression),
                "data.points[1][0]: expected a number from -1e6 to 1e6, got 1e300");
        assertError(spec("{\"generator\": \"moons\"}", "{\"inputs\": 2, \"layers\": [1]}", "{\"type\": \"svm\"}",
                ", \"task\": \"ranking\""), "task: expected classification or regression, got 'ranking'");
        String moons = "{\"generator\": \"moons\"}";
        String one = "{\"inputs\": 2, \"layers\": [1]}";
        String svm = "{\"type\": \"svm\"}";
        assertError(spec(moons, one, svm, ", \"features\": [\"x1\", \"cos(x1)\"]"),
                "features[1]: expected x1, x2, x1^2, x2^2, x1*x2, sin(x1) or sin(x2), got 'cos(x1)'");
        assertError(spec(moons, one, svm, ", \"features\": [\"x1^2\", \"x1^2\"]"),
                "features[1]: 'x1^2' is already features[0]");
        assertError(spec(moons, one, svm, ", \"features\": []"),
                "features: expected at least one of x1, x2, x1^2, x2^2, x1*x2, sin(x1) or sin(x2)");
        assertError(spec("{\"generator\": \"lecture\"}", "{\"inputs\": 3, \"layers\": [1]}", svm,
                ", \"features\": [\"x1\"]"), "features: they are made from a point's x1 and x2, so model.inputs must "
                + "be 2, not 3");
        assertError(spec(moons, one, svm, ", \"features\": [\"x1^2\", \"x2^2\"], \"init\": [1, 2]"),
                "init: expected 3 numbers (one per parameter), got 2");
    }

    @Test
    void aBinarySetTrainsWithSoftmaxAsClassesZeroAndOne() {
        TrainSpec spec = TrainSpec.parse(spec("{\"generator\": \"moons\", \"n\": 10}",
                "{\"inputs\": 2, \"layers\": [2]}", SOFTMAX, ""));
        assertEquals(Dataset.Labels.CLASSES, spec.data().labels());
        assertEquals(2, spec.data().classes());
        for (double y : spec.data().ys()) {
            assertTrue(y == 0 || y == 1);
        }
    }

    private static TrainSpec trainedModelReadBack(String text, int steps) {
        TrainSpec spec = TrainSpec.parse(text);
        Trainer trainer = new Trainer(spec, Trainer.Engine.TAPE);
        for (int k = 0; k < steps; k++) {
            trainer.step();
        }
        int k = trainer.outputs();
        double[] scores = new double[spec.data().size() * k];
        double[] one = new double[k];
        for (int i = 0; i < spec.data().size(); i++) {
            trainer.predict(spec.data().xs()[i], one);
            System.arraycopy(one, 0, scores, i * k, k);
        }
        String file = ModelFile.write(spec.withInit(trainer.parameterValues()), steps, scores);
        TrainSpec back = TrainSpec.parse(file);
        assertEquals(spec.data().labels(), back.data().labels(), file);
        assertArrayEquals(spec.data().ys(), back.data().ys());
        assertArrayEquals(spec.features().chosen(), back.features().chosen());
        Trainer again = new Trainer(back, Trainer.Engine.VALUE);
        for (int i = 0; i < spec.data().size(); i++) {
            again.predict(spec.data().xs()[i], one);
            for (int j = 0; j < k; j++) {
                assertEquals(scores[i * k + j], one[j], 1e-12, "point " + i + ", score " + j);
            }
        }
        return back;
    }

    @Test
    void aModelFileOfEachKindReadsBackWithTheSamePredictions() {
        TrainSpec softmax = trainedModelReadBack(NewTasksTest.run(NewTasksTest.ALL_FEATURES, 7, new int[] {5, 4}, 0),
                20);
        assertEquals(Loss.Type.SOFTMAX, softmax.loss().type());
        assertEquals(7, softmax.features().count());
        TrainSpec regression = trainedModelReadBack(NewTasksTest.run(NewTasksTest.SINE, 1, new int[] {10, 10, 1}, 0),
                30);
        assertTrue(regression.regression());
        String file = ModelFile.write(regression, 30, null);
        assertTrue(file.contains("\"task\": \"regression\""), file);
        assertTrue(file.contains("\"targets\": ["), file);
        assertFalse(file.contains("\"labels\""), file);
    }

    @Test
    void theInspectedExampleOfAThreeClassPointShowsExpAndLogNodesWithTheTrainersNumbers() {
        TrainSpec spec = TrainSpec.parse(NewTasksTest.run(NewTasksTest.ALL_FEATURES, 7, new int[] {5, 4}, 0));
        MLP model = spec.model();
        double[] x = spec.data().xs()[3];
        int y = (int) spec.data().ys()[3];
        Value[] coords = {new Value(x[0]), new Value(x[1])};
        Value loss = Loss.softmax(model.forward(spec.features().apply(coords)), y);
        loss.backward();

        String program = ExampleProgram.write(model.parameterValues(), spec.features(), spec.layers(),
                spec.activation(), spec.output(), Loss.Type.SOFTMAX, x, y);
        assertTrue(program.contains("x1sq = x1**2\n"), program);
        assertTrue(program.contains("x2sq = x2**2\n"), program);
        assertTrue(program.contains("x1x2 = x1 * x2\n"), program);
        assertTrue(program.contains("e4 = exp(d4)\n"), program);
        assertTrue(program.contains("loss = log(sum) - d" + (y + 1) + "\n"), program);
        Evaluation inspected = Evaluator.run(program);
        inspected.output().backward();
        assertEquals("loss", inspected.outputName());
        assertEquals(loss.data, inspected.output().data, 1e-15, program);
        List<Value> params = model.parameters();
        assertEquals(params.get(0).grad, inspected.named().get("w1_1_1").grad, 1e-15);
        assertEquals(params.get(params.size() - 1).grad, inspected.named().get("b2_4").grad, 1e-15);
        assertEquals(x[0] * x[0], inspected.named().get("x1sq").data, 1e-15);
        assertEquals("**2", inspected.named().get("x1sq").op());
        assertEquals("*", inspected.named().get("x1x2").op());
        assertEquals(Math.sin(x[1]), inspected.named().get("sinx2").data);
        int exps = 0;
        int logs = 0;
        List<Value> graph = inspected.output().topologicalOrder();
        for (Value v : graph) {
            exps += v.op().equals("exp") ? 1 : 0;
            logs += v.op().equals("log") ? 1 : 0;
        }
        assertEquals(4, exps);
        assertEquals(1, logs);
        assertTrue(graph.size() <= ExampleProgram.nodeCount(spec.features(), spec.layers(), Loss.Type.SOFTMAX),
                graph.size() + " nodes");
    }

    @Test
    void theInspectedExampleOfARegressionPointIsTheSquaredError() {
        TrainSpec spec = TrainSpec.parse(NewTasksTest.run(NewTasksTest.SINE, 1, new int[] {10, 10, 1}, 0));
        MLP model = spec.model();
        double[] x = spec.data().xs()[0];
        double y = spec.data().ys()[0];
        String program = ExampleProgram.write(model.parameterValues(), spec.features(), spec.layers(),
                spec.activation(), spec.output(), Loss.Type.MSE, x, y);
        Evaluation inspected = Evaluator.run(program);
        double s = model.predict(x);
        assertEquals((s - y) * (s - y), inspected.output().data, 1e-15, program);
    }
}
