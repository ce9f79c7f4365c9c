package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        assertEquals(0.8958441028683222, curve[0].loss(), TOLERANCE);
        assertEquals(0.5, curve[0].accuracy());
        assertEquals(1.723590533697202, curve[1].loss(), TOLERANCE);
        assertEquals(0.81, curve[1].accuracy());
        assertEquals(0.24507023853658041, curve[10].loss(), TOLERANCE);
        assertEquals(0.91, curve[10].accuracy());
        assertEquals(0.010978370135492717, curve[99].loss(), TOLERANCE);
        assertEquals(1.0, curve[99].accuracy());
        int firstPerfect = -1;
        for (Trainer.Step s : curve) {
            if (s.accuracy() == 1.0) {
                firstPerfect = s.step();
                break;
            }
        }
        assertEquals(40, firstPerfect);
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
        assertEquals(337, model.parameters().size());
        Value[] scores = new Value[spec.data().size()];
        for (int i = 0; i < scores.length; i++) {
            double[] x = spec.data().xs()[i];
            scores[i] = model.forward(new Value[] {new Value(x[0]), new Value(x[1])})[0];
        }
        assertEquals(0.8862514464368222, spec.loss().dataLoss(scores, spec.data().ys()).data, 1e-12);
        assertEquals(0.009592656431500009, spec.loss().regularization(model.parameters()).data, 1e-15);
        assertTrue(spec.loss().l2() > 0);
    }
}
