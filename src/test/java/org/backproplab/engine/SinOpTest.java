package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backproplab.expr.Evaluation;
import org.backproplab.expr.Evaluator;
import org.backproplab.expr.Parser;
import org.backproplab.expr.PythonExport;
import org.junit.jupiter.api.Test;

/** sin, the op the sin x1 and sin x2 features are made of: its grad against central differences, and its spellings. */
class SinOpTest {

    @Test
    void gradAgreesWithCentralDifferences() {
        for (int i = 0; i <= 200; i++) {
            double x0 = -6 + 0.06 * i; // two whole periods, through the peaks where cos is 0
            Value x = new Value(x0);
            // sin inside a product, so the chain rule and accumulation are both exercised: f = sin(x) * x
            Value f = x.sin().mul(x);
            f.backward();
            double h = 1e-6;
            double numeric = (Math.sin(x0 + h) * (x0 + h) - Math.sin(x0 - h) * (x0 - h)) / (2 * h);
            assertEquals(numeric, x.grad, 1e-8, "x = " + x0);
            assertEquals(Math.sin(x0) * x0, f.data, 0);
        }
    }

    @Test
    void localDerivativeIsCosOfTheInput() {
        assertEquals(Math.cos(0.7), Op.SIN.local(0, 0.7, 0, Math.sin(0.7)), 0);
        assertEquals(-1, Op.SIN.local(0, Math.PI, 0, Math.sin(Math.PI)), 0);
    }

    @Test
    void theLanguageAndThePythonExportReadIt() {
        assertSame(Op.SIN, Op.function("sin"));
        String program = "x1 = 0.5\nsinx1 = sin(x1)\nL = sinx1 * 2\n";
        Evaluation run = Evaluator.run(program);
        run.output().backward();
        assertEquals(Math.sin(0.5) * 2, run.output().data, 0);
        assertEquals(2 * Math.cos(0.5), run.named().get("x1").grad, 1e-15);
        assertEquals("sin", run.named().get("sinx1").op());
        String python = PythonExport.toPython(Parser.parse(program), "L");
        assertTrue(python.contains("def sin(self):"), python);
        assertTrue(python.contains("self.grad += math.cos(self.data) * out.grad"), python);
        assertTrue(Op.SIN.describe(new String[] {"x1"}, "sin").contains("cos"));
        assertTrue(Op.SIN.rule("x1", "s").contains("cos(x1)"));
    }
}
