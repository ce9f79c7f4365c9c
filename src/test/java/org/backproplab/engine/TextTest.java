package org.backproplab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TextTest {
    /** Text must cut exactly as the String.split calls it replaced, on the cases that differ between the two forms. */
    @Test
    void cutsAsStringSplitDoes() {
        String[] samples = {"", ",", ",,", "a", "a,b", "a,,b,", ",a", "a,b,,", "16,16", "1;2;;"};
        for (String s : samples) {
            assertArrayEquals(s.split(",", -1), Text.fields(s, ','), "fields of '" + s + "'");
            assertArrayEquals(s.split(","), Text.split(s, ','), "split of '" + s + "'");
        }
        assertArrayEquals("x\ny\n".split("\n", -1), Text.fields("x\ny\n", '\n'));
    }
}
