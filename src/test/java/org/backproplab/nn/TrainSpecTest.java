package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.data.Datasets;
import org.junit.jupiter.api.Test;

/** The training spec: the demo fixture read exactly, defaults, generators, and an error naming each bad field. */
class TrainSpecTest {
    static final String MINIMAL = "{\"data\": {\"generator\": \"moons\", \"n\": 20, \"noise\": 0.1, \"seed\": 3},"
            + " \"model\": {\"inputs\": 2, \"layers\": [4, 1]}, \"loss\": {\"type\": \"svm\"},"
            + " \"optimizer\": {\"type\": \"sgd\", \"lr_start\": 0.5}, \"steps\": 10}";

    @Test
    void readsTheDemoFixtureExactly() {
        TrainSpec spec = DemoReproductionTest.demoSpec();
        assertEquals(100, spec.data().size());
        assertEquals(1.1221146075409683, spec.data().xs()[0][0]);
        assertEquals(0.08147717341718697, spec.data().xs()[0][1]);
        assertEquals(-1, spec.data().ys()[0]);
        assertEquals(2, spec.inputs());
        assertArrayEquals(new int[] {16, 16, 1}, spec.layers());
        assertEquals(Activation.RELU, spec.activation());
        assertEquals(Activation.LINEAR, spec.output());
        assertEquals(337, spec.init().length);
        assertEquals(0.23550571390294128, spec.init()[0]);
        assertEquals(0.0, spec.init()[2]); // the first neuron's bias
        assertEquals(new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 1e-4), spec.loss());
        assertEquals(Optimizer.Settings.sgd(1.0, 0.1), spec.optimizer());
        assertEquals(100, spec.steps());
        assertEquals(0, spec.batch());
        assertEquals(0.23550571390294128, spec.model().parameters().get(0).data);
    }

    @Test
    void fillsDefaultsAndGeneratesData() {
        TrainSpec spec = TrainSpec.parse(MINIMAL);
        assertEquals(20, spec.data().size());
        assertEquals(Datasets.moons(20, 0.1, 3).xs()[5][1], spec.data().xs()[5][1]);
        assertEquals(Activation.RELU, spec.activation());
        assertEquals(Activation.LINEAR, spec.output());
        assertFalse(spec.uniformBias());
        assertNull(spec.init());
        assertEquals(new Loss(Loss.Type.SVM, Loss.Reduction.MEAN, 0), spec.loss());
        assertEquals(0.5, spec.optimizer().learningRate(9, 10)); // lr_end defaults to lr_start: constant
        assertEquals(0, spec.seed());
        assertEquals(17, spec.model().parameters().size());
    }

    @Test
    void readsEveryOptionalField() {
        TrainSpec spec = TrainSpec.parse("{\"data\": {\"generator\": \"lecture\"}, \"about\": \"ignored\","
                + " \"model\": {\"inputs\": 3, \"layers\": [4, 4, 1], \"activation\": \"tanh\", \"output\": \"tanh\","
                + " \"bias\": \"uniform\", \"future\": [1]}, \"loss\": {\"type\": \"mse\", \"reduction\": \"sum\","
                + " \"l2\": 0.01}, \"optimizer\": {\"type\": \"adam\", \"lr_start\": 0.1, \"lr_end\": 0.01,"
                + " \"decay\": \"none\", \"momentum\": 0.8, \"beta1\": 0.8, \"beta2\": 0.99, \"eps\": 1e-6},"
                + " \"steps\": 50, \"batch\": 2, \"seed\": -4}");
        assertEquals(4, spec.data().size());
        assertEquals(Activation.TANH, spec.activation());
        assertEquals(Activation.TANH, spec.output());
        assertTrue(spec.uniformBias());
        assertEquals(new Loss(Loss.Type.MSE, Loss.Reduction.SUM, 0.01), spec.loss());
        assertEquals(new Optimizer.Settings(Optimizer.Kind.ADAM, 0.1, 0.01, false, 0.8, 0.8, 0.99, 1e-6),
                spec.optimizer());
        assertEquals(2, spec.batch());
        assertEquals(-4, spec.seed());
        Trainer trainer = new Trainer(spec, Trainer.Engine.TAPE);
        assertTrue(Double.isFinite(trainer.step().loss()));
    }

    @Test
    void eachMissingOrIllTypedFieldIsNamed() {
        assertError("{}", "model: missing (expected an object)");
        assertError("[]", "spec: expected an object, got an array");
        assertError(edit("\"model\": {\"inputs\": 2, \"layers\": [4, 1]}", "\"model\": 3"),
                "model: expected an object, got a number");
        assertError(edit("\"inputs\": 2", "\"inputs\": \"two\""), "model.inputs: expected a positive integer, got a string");
        assertError(edit("\"inputs\": 2, ", ""), "model.inputs: missing (expected a positive integer)");
        assertError(edit("\"inputs\": 2", "\"inputs\": 2.5"), "model.inputs: expected a positive integer, got 2.5");
        assertError(edit("[4, 1]", "[4, \"x\", 1]"), "model.layers[1]: expected a positive integer, got a string");
        assertError(edit("[4, 1]", "[4, 0, 1]"), "model.layers[1]: expected a positive integer, got 0");
        assertError(edit("[4, 1]", "[]"), "model.layers: expected at least one layer");
        assertError(edit("[4, 1]", "[4, 2]"), "model.layers: the last layer must have 1 neuron (the score)");
        assertError(edit("[4, 1]", "4"), "model.layers: expected an array, got a number");
        assertError(edit("[4, 1]}", "[4, 1], \"activation\": \"gelu\"}"),
                "model.activation: expected relu, tanh or sigmoid, got 'gelu'");
        assertError(edit("[4, 1]}", "[4, 1], \"output\": 1}"), "model.output: expected linear or tanh, got a number");
        assertError(edit("{\"type\": \"svm\"}", "{}"), "loss.type: missing (expected svm, mse, logistic or softmax)");
        assertError(edit("{\"type\": \"svm\"}", "{\"type\": \"svm\", \"l2\": -1}"),
                "loss.l2: expected a number >= 0, got -1");
        assertError(edit("{\"type\": \"svm\"}", "{\"type\": \"svm\", \"reduction\": \"max\"}"),
                "loss.reduction: expected sum or mean, got 'max'");
        assertError(edit("\"type\": \"sgd\"", "\"type\": \"rmsprop\""),
                "optimizer.type: expected sgd, momentum or adam, got 'rmsprop'");
        assertError(edit(", \"lr_start\": 0.5", ""), "optimizer.lr_start: missing (expected a number)");
        assertError(edit("\"lr_start\": 0.5", "\"lr_start\": true"), "optimizer.lr_start: expected a number, got a boolean");
        assertError(edit("\"lr_start\": 0.5", "\"lr_start\": 0.5, \"decay\": \"cosine\""),
                "optimizer.decay: expected linear or none, got 'cosine'");
        assertError(edit(", \"steps\": 10", ""), "steps: missing (expected a non-negative integer)");
        assertError(edit("\"steps\": 10", "\"steps\": -1"), "steps: expected a non-negative integer, got -1");
        assertError(edit("\"steps\": 10", "\"steps\": 10, \"batch\": 0"), "batch: expected a positive integer, got 0");
        assertError(edit("\"steps\": 10", "\"steps\": 10, \"batch\": 21"), "batch: expected at most the 20 points, got 21");
        assertError(edit("\"steps\": 10", "\"steps\": 10, \"seed\": null"), "seed: expected an integer, got null");
        assertError(edit("\"steps\": 10", "\"steps\": 10, \"init\": [1, 2]"),
                "init: expected 17 numbers (one per parameter), got 2");
        assertError(edit("\"steps\": 10", "\"steps\": 10, \"init\": [1, \"2\"]"), "init[1]: expected a number, got a string");
    }

    @Test
    void dataErrorsNameThePointOrLabel() {
        String points = "\"data\": {\"points\": [[0, 1], [1, 0]], \"labels\": [1, -1]}";
        String generated = "\"data\": {\"generator\": \"moons\", \"n\": 20, \"noise\": 0.1, \"seed\": 3}";
        assertEquals(2, TrainSpec.parse(edit(generated, points)).data().size());
        assertError(edit(generated, points.replace("[1, 0]]", "[1, 0, 2]]")),
                "data.points[1]: expected 2 numbers (model.inputs), got 3");
        assertError(edit(generated, points.replace("[1, 0]]", "[1, \"0\"]]")),
                "data.points[1][1]: expected a number, got a string");
        assertError(edit(generated, points.replace("[1, 0]]", "7]")),
                "data.points[1]: expected an array of 2 numbers, got a number");
        assertError(edit(generated, points.replace("[1, -1]", "[1]")), "data.labels: expected 2 labels (one per point), got 1");
        assertError(edit(generated, points.replace("[1, -1]", "[1, 0]")), "data.labels[1]: expected -1 or 1, got 0");
        assertError(edit(generated, "\"data\": {\"points\": [[0, 1]]}"), "data.labels: missing (expected an array)");
        assertError(edit(generated, "\"data\": {}"), "data: missing points and labels, or generator");
        assertError(edit(generated, "\"data\": {\"generator\": \"moons\", \"labels\": []}"),
                "data: expected either points and labels, or generator, not both");
        assertError(edit("\"moons\"", "\"swirl\""),
                "data.generator: expected moons, circles, xor, spiral, gauss, lecture, blobs, boundary_sin, "
                + "boundary_cubic, boundary_abs, plane, gaussians or sine, got 'swirl'");
        assertError(edit("\"n\": 20", "\"n\": -5"), "data.n: expected a positive integer, got -5");
        assertError(edit("\"moons\"", "\"lecture\""), "model.inputs: is 2, but the data has 3 coordinates per point");
    }

    @Test
    void sizesAreLimitedAsThePageLimitsThemBeforeAnythingIsBuilt() {
        // 2e9 points would run out of memory if they were generated before the check
        assertError(edit("\"n\": 20", "\"n\": 2000000000"), "data.n: expected at most 1000 points, got 2000000000");
        assertError(edit("\"n\": 20", "\"n\": 10000000"), "data.n: expected at most 1000 points, got 10000000");
        assertEquals(TrainSpec.MAX_POINTS, TrainSpec.parse(edit("\"n\": 20", "\"n\": 1000")).data().size());
        StringBuilder points = new StringBuilder("\"data\": {\"points\": [[0, 0]");
        StringBuilder labels = new StringBuilder("], \"labels\": [1");
        for (int i = 1; i <= TrainSpec.MAX_POINTS; i++) {
            points.append(", [0, 0]");
            labels.append(", 1");
        }
        String listed = points.append(labels).append("]}").toString();
        assertError(edit("\"data\": {\"generator\": \"moons\", \"n\": 20, \"noise\": 0.1, \"seed\": 3}", listed),
                "data.points: expected at most 1000 points, got 1001");

        assertError(edit("[4, 1]", "[100, 100, 100, 1]"), "model.layers[0]: expected at most 64 neurons, got 100");
        assertError(edit("[4, 1]", "[100000, 100000, 1]"), "model.layers[0]: expected at most 64 neurons, got 100000");
        assertError(edit("[4, 1]", "[4, 4, 4, 4, 4, 4, 4, 1]"),
                "model.layers: expected at most 6 hidden layers and the output layer, got 8 layers");
        assertEquals(7, TrainSpec.parse(edit("[4, 1]", "[64, 64, 64, 64, 64, 64, 1]")).layers().length);
        assertError(edit("\"inputs\": 2", "\"inputs\": 100000"), "model.inputs: expected at most 64 inputs, got 100000");
    }

    @Test
    void numbersMustBeFiniteAndLearningRatesNotNegative() {
        assertError(edit("[4, 1]", "[1]").replace("\"steps\": 10", "\"steps\": 10, \"init\": [1e309, 0, 0]"),
                "init[0]: expected a number between -1e308 and 1e308, got one too large for a double");
        assertError(edit("\"noise\": 0.1", "\"noise\": -1e999"),
                "data.noise: expected a number between -1e308 and 1e308, got one too large for a double");
        assertError(edit("\"n\": 20", "\"n\": 1e400"),
                "data.n: expected a number between -1e308 and 1e308, got one too large for a double");
        assertError(edit("\"lr_start\": 0.5", "\"lr_start\": -1"), "optimizer.lr_start: expected a number >= 0, got -1");
        assertError(edit("\"lr_start\": 0.5", "\"lr_start\": 0.5, \"lr_end\": -0.1"),
                "optimizer.lr_end: expected a number >= 0, got -0.1");
        assertEquals(0.0, TrainSpec.parse(edit("\"lr_start\": 0.5", "\"lr_start\": 0")).optimizer().lrStart());
    }

    @Test
    void hostileTextIsRefusedWithAMessage() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class,
                () -> TrainSpec.parse(MINIMAL.replace("\"steps\": 10", "\"steps\": 10, \"junk\": " + deep)));
        assertTrue(e.getMessage().endsWith(": expected at most 200 arrays and objects inside one another, found '['"),
                e.getMessage());

        String atTheLimit = MINIMAL + " ".repeat(TrainSpec.MAX_TEXT_LENGTH - MINIMAL.length());
        assertEquals(10, TrainSpec.parse(atTheLimit).steps());
        assertError(atTheLimit + " ", "spec: the text has 5000001 characters; expected at most 5000000 (5 MB)");
    }

    @Test
    void syntaxErrorsKeepTheirLineAndColumn() {
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class,
                () -> TrainSpec.parse("{\n  \"steps\": 10,\n  \"model\": [1 2]\n}"));
        assertEquals("line 3, column 15: expected ',' or ']' after array element, found '2'", e.getMessage());
    }

    private static String edit(String from, String to) {
        assertTrue(MINIMAL.contains(from), from);
        return MINIMAL.replace(from, to);
    }

    private static void assertError(String json, String message) {
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class, () -> TrainSpec.parse(json));
        assertEquals(message, e.getMessage());
    }
}
