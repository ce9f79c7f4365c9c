package org.backproplab.expr;

import static org.backproplab.engine.Approx.assertAbs;
import static org.backproplab.expr.GraphAssert.assertSameDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backproplab.engine.Value;
import org.junit.jupiter.api.Test;

/** Each preset's two forms, cleaned-up and notebook, build the same Values with the same data and grads. */
class PresetsTest {
    @Test
    void bothFormsOfEveryPresetBuildTheSameGraph() {
        for (Presets.Preset p : Presets.ALL) {
            Evaluation cleaned = PythonFormTest.backward(p.text(Presets.Form.CLEANED));
            Evaluation notebook = PythonFormTest.backward(p.text(Presets.Form.NOTEBOOK));
            assertTrue(notebook.program().usesValue(), p.id() + ": the notebook form builds leaves with Value(…)");
            List<Value> e = cleaned.output().topologicalOrder();
            List<Value> a = notebook.output().topologicalOrder();
            assertEquals(e.size(), a.size(), p.id() + ": node count");
            for (int i = 0; i < e.size(); i++) {
                String at = p.id() + ": node " + i + " " + e.get(i);
                assertEquals(e.get(i).op(), a.get(i).op(), at);
                assertEquals(e.get(i).arity(), a.get(i).arity(), at);
                assertSameDouble(e.get(i).data, a.get(i).data, () -> at);
                assertSameDouble(e.get(i).grad, a.get(i).grad, () -> at);
            }
            assertEquals(cleaned.leaves().size(), notebook.leaves().size(), p.id() + ": leaves");
            for (int i = 0; i < cleaned.leaves().size(); i++) {
                assertEquals(cleaned.leaves().get(i).label, notebook.leaves().get(i).label, p.id() + ": leaf " + i);
            }
        }
    }

    @Test
    void theNotebookFormsSayWhatTheLectureSays() {
        Evaluation neuron = Evaluator.run(Presets.find("neuron").notebook());
        assertEquals("o", neuron.outputName(), "o.backward() chooses o");
        assertEquals("x1*w1", neuron.named().get("x1w1").label, "the lecture's labels, not the names");
        assertTrue(neuron.notes().isEmpty(), "no line of a preset is ignored: " + neuron.notes());
        Evaluation readme = PythonFormTest.backward(Presets.find("readme").notebook());
        assertAbs(24.7041, readme.output().data, 5e-5, "the README's forward pass");
        assertAbs(138.8338, readme.named().get("a").grad, 5e-5, "the README's dg/da");
        assertAbs(645.5773, readme.named().get("b").grad, 5e-5, "the README's dg/db");
        assertEquals(3, readme.notes().size(), "its three print lines are ignored, with a note each");
    }

    @Test
    void aTextIsFoundByEitherFormAndAnEditedOneIsTheStudentsOwn() {
        Presets.Preset lecture = Presets.find("lecture");
        assertSame(lecture, Presets.holding(lecture.program()));
        assertSame(lecture, Presets.holding(lecture.notebook()));
        assertEquals(null, Presets.holding(lecture.notebook() + "# mine\n"));
        assertNotEquals(lecture.program(), lecture.notebook());
    }
}
