package org.backproplab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The lecture's training bug: leaving out micrograd's {@code p.grad = 0.0}. Every parameter's grad then keeps the
 * sum of all the steps so far, so the steps grow and the loss jumps. Both engines must show exactly that.
 */
class ZeroGradTest {

    private static TrainSpec demoWithoutZeroGrad() {
        String text = DemoReproductionTest.demoSpecText().replaceFirst("\"optimizer\"\\s*:\\s*\\{",
                "\"optimizer\": {\"zero_grad\": false, ");
        TrainSpec spec = TrainSpec.parse(text);
        assertFalse(spec.optimizer().zeroGrad(), "the spec's zero_grad was read");
        return spec;
    }

    @Test
    void forgettingZeroGradLeavesStepZeroAndThenBlowsUp() {
        for (Trainer.Engine engine : Trainer.Engine.values()) {
            Trainer trainer = new Trainer(demoWithoutZeroGrad(), engine);
            double[] loss = new double[4];
            for (int k = 0; k < loss.length; k++) {
                loss[k] = trainer.step().loss();
            }
            assertEquals(0.8958441028683222, loss[0], 1e-12, engine + ": step 0 has no earlier grads to add");
            assertTrue(loss[3] > 4, engine + ": by step 3 the loss has jumped above 4, got " + loss[3]);
        }
    }

    @Test
    void bothEnginesAccumulateTheSameGrads() {
        Trainer byValue = new Trainer(demoWithoutZeroGrad(), Trainer.Engine.VALUE);
        Trainer byTape = new Trainer(demoWithoutZeroGrad(), Trainer.Engine.TAPE);
        for (int k = 0; k < 6; k++) {
            double a = byValue.step().loss();
            double b = byTape.step().loss();
            assertEquals(a, b, 1e-12 * Math.max(1, Math.abs(a)), "loss at step " + k);
            double[] ga = byValue.parameterGrads();
            double[] gb = byTape.parameterGrads();
            for (int i = 0; i < ga.length; i++) {
                assertEquals(ga[i], gb[i], 1e-12 * Math.max(1, Math.abs(ga[i])), "grad " + i + " at step " + k);
            }
        }
    }

    @Test
    void withZeroGradTheGradsAreEachStepsOwn() {
        TrainSpec spec = demoWithoutZeroGrad();
        Trainer forgetful = new Trainer(spec, Trainer.Engine.TAPE);
        Trainer careful = new Trainer(DemoReproductionTest.demoSpec(), Trainer.Engine.TAPE);
        forgetful.step();
        careful.step();
        double[] first = careful.parameterGrads();
        assertEquals(first[0], forgetful.parameterGrads()[0], 0, "after one step the two runs agree");
        forgetful.step();
        careful.step();
        assertTrue(Math.abs(forgetful.parameterGrads()[0] - careful.parameterGrads()[0]) > 1e-9,
                "after two, the forgetful run's grad still holds step 0's");
    }

    @Test
    void theRunFileSaysZeroGradFalseAndTheModelFileKeepsIt() {
        TrainSpec spec = demoWithoutZeroGrad();
        String saved = ModelFile.write(spec, 0, null);
        assertTrue(saved.contains("\"zero_grad\": false"), saved);
        assertFalse(TrainSpec.parse(saved).optimizer().zeroGrad());
        assertFalse(ModelFile.write(DemoReproductionTest.demoSpec(), 0, null).contains("zero_grad"),
                "the default is left out");
        TrainSpec.SpecException e = assertThrows(TrainSpec.SpecException.class, () -> TrainSpec.parse(DemoReproductionTest
                .demoSpecText().replaceFirst("\"optimizer\"\\s*:\\s*\\{", "\"optimizer\": {\"zero_grad\": \"no\", ")));
        assertEquals("optimizer.zero_grad: expected true or false, got a string", e.getMessage());
    }
}
