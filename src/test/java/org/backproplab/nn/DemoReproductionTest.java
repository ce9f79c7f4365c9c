package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.backproplab.data.Json;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * micrograd's demo.ipynb, reproduced from the fixture recorded from stock micrograd: the same moons, the same 337
 * initial parameters, SVM loss with L2 1e-4, SGD from 1.0 to 0.1 over 100 steps. Both engines must print micrograd's
 * curve to 1e-9, and the tape must follow the Value engine to 1e-9 at every step.
 */
class DemoReproductionTest {
    static final double TOLERANCE = 1e-9;

    static String demoSpecText() {
        try (InputStream in = DemoReproductionTest.class.getResourceAsStream("/micrograd-demo.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static TrainSpec demoSpec() {
        return TrainSpec.parse(demoSpecText());
    }

    /** The fixture's "expected" block: the numbers stock micrograd printed when the fixture was recorded. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> expected() {
        return (Map<String, Object>) ((Map<String, Object>) Json.parse(demoSpecText())).get("expected");
    }

    @SuppressWarnings("unchecked")
    private static double expected(String step, String field) {
        return (Double) ((Map<String, Object>) expected().get(step)).get(field);
    }

    static Trainer.Step[] run(Trainer.Engine engine) {
        TrainSpec spec = demoSpec();
        Trainer trainer = new Trainer(spec, engine);
        Trainer.Step[] curve = new Trainer.Step[spec.steps()];
        for (int k = 0; k < curve.length; k++) {
            curve[k] = trainer.step();
        }
        return curve;
    }

    @ParameterizedTest
    @EnumSource(Trainer.Engine.class)
    void reproducesMicrogradsPrintedCurve(Trainer.Engine engine) {
        Trainer.Step[] curve = run(engine);
        assertEquals(100, curve.length);
        for (int k : new int[] {0, 1, 10, 99}) {
            assertEquals(expected("step" + k, "loss"), curve[k].loss(), TOLERANCE, "loss at step " + k);
            assertEquals(expected("step" + k, "accuracy"), curve[k].accuracy(), "accuracy at step " + k);
        }
        int firstPerfect = -1;
        for (Trainer.Step s : curve) {
            if (s.accuracy() == 1.0) {
                firstPerfect = s.step();
                break;
            }
        }
        assertEquals(((Double) expected().get("first_step_with_accuracy_1")).intValue(), firstPerfect);
    }

    @Test
    void tapeFollowsTheValueEngineAtEveryStep() {
        Trainer.Step[] byValue = run(Trainer.Engine.VALUE);
        Trainer.Step[] byTape = run(Trainer.Engine.TAPE);
        double worst = 0;
        for (int k = 0; k < byValue.length; k++) {
            assertEquals(k, byTape[k].step());
            assertEquals(byValue[k].loss(), byTape[k].loss(), TOLERANCE, "loss at step " + k);
            assertEquals(byValue[k].accuracy(), byTape[k].accuracy(), "accuracy at step " + k);
            worst = Math.max(worst, Math.abs(byValue[k].loss() - byTape[k].loss()));
        }
        System.out.println("largest tape-vs-value loss difference over 100 steps: " + worst);
    }

    @Test
    void stepZeroSplitsIntoMicrogradsDataLossAndRegularization() {
        TrainSpec spec = demoSpec();
        MLP model = spec.model();
        assertEquals(((Double) expected().get("num_parameters")).intValue(), model.parameters().size());
        Value[] scores = new Value[spec.data().size()];
        for (int i = 0; i < scores.length; i++) {
            double[] x = spec.data().xs()[i];
            scores[i] = model.forward(new Value[] {new Value(x[0]), new Value(x[1])})[0];
        }
        assertEquals(expected("step0", "data_loss"), spec.loss().dataLoss(scores, spec.data().ys()).data, 1e-12);
        assertEquals(expected("step0", "reg_loss"), spec.loss().regularization(model.parameters()).data, 1e-15);
        assertTrue(spec.loss().l2() > 0);
    }
}
