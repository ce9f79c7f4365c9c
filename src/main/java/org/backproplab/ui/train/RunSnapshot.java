package org.backproplab.ui.train;

import java.util.Map;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;
import org.backproplab.ui.dom.Settings;

/**
 * A trained run as text, so that it outlives what would otherwise throw it away: a reload of the tab (kept in the
 * page's session storage) or a change of data or model (kept for an Undo). It holds the settings it belongs to, the
 * step, every weight, and the charts' histories of up to MAX_HISTORY steps (a longer run keeps its weights and step,
 * and its charts start again there). Optimizer state (momentum, Adam's moments) is not kept, as in a saved model.
 */
record RunSnapshot(String settingsKey, int step, double[] weights, double[][] histories) {
    static final int MAX_HISTORY = 10_000;
    private static final String FORMAT = "backprop-lab-run/1";

    /** The settings as one line of text: two snapshots belong to the same run exactly when these are equal. */
    static String key(TrainSettings settings) {
        Settings written = new Settings();
        settings.write(written);
        StringBuilder key = new StringBuilder();
        for (Map.Entry<String, String> e : written.values().entrySet()) {
            key.append(e.getKey()).append('=').append(e.getValue().replace('\n', ' ')).append('\u0001');
        }
        return key.toString();
    }

    String write() {
        StringBuilder out = new StringBuilder(FORMAT).append('\n').append(settingsKey).append('\n').append(step)
                .append('\n');
        numbers(out, weights);
        for (double[] history : histories) {
            numbers(out, history);
        }
        return out.toString();
    }

    private static void numbers(StringBuilder out, double[] values) {
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(Double.isNaN(values[i]) ? "" : Double.toString(values[i]));
        }
        out.append('\n');
    }

    /** The snapshot in text from {@link #write}, or null if the text is anything else. */
    static RunSnapshot read(String text) {
        if (text == null || !text.startsWith(FORMAT + "\n")) {
            return null;
        }
        String[] lines = Text.fields(text, '\n');
        if (lines.length != 9) {
            return null;
        }
        try {
            double stepNumber = Numbers.parse(lines[2]);
            if (stepNumber != Math.floor(stepNumber)) {
                return null; // not a whole number, NaN included
            }
            int step = (int) stepNumber;
            double[] weights = numbers(lines[3]);
            double[][] histories = new double[4][];
            for (int s = 0; s < 4; s++) {
                histories[s] = numbers(lines[4 + s]);
            }
            return step < 0 || weights.length == 0 ? null : new RunSnapshot(lines[1], step, weights, histories);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static double[] numbers(String line) {
        if (line.isEmpty()) {
            return new double[0];
        }
        String[] parts = Text.fields(line, ',');
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = parts[i].isEmpty() ? Double.NaN : Double.parseDouble(parts[i]);
        }
        return values;
    }
}
