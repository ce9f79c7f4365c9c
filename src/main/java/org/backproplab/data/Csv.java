package org.backproplab.data;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.engine.Numbers;
import org.backproplab.engine.Text;

/**
 * Reads user points from CSV text, one {@code x,y,label} per line. The first line may be a header (three fields,
 * none a number). Binary labels are -1/+1, or 0/1 which become -1/+1; a file may not mix the two. For more than two
 * classes the third field is a class index 0..k-1, and for regression it is the real target, from -100 to 100
 * ({@link Dataset#MAX_TARGET}); x and y lie from -1e6 to 1e6 ({@link Dataset#MAX_COORDINATE}). Blank lines are skipped.
 *
 * <p>Every bad line is reported with its number and the reason, and a file with any bad line gives no points at
 * all: silently training on part of what the user pasted would be worse than saying what is wrong.
 */
public final class Csv {
    private Csv() {
    }

    /** A line that could not be read. Lines count from 1. */
    public record LineError(int line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Either the points (and no errors) or the errors (and null points). */
    public record Result(Dataset points, List<LineError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Binary labels, -1/+1 or 0/1. */
    public static Result parse(String text) {
        return parse(text, Dataset.Labels.SIGNS);
    }

    /** Labels of the given kind in the third field: signs, class indices or targets. */
    public static Result parse(String text, Dataset.Labels labels) {
        return parse(text, labels, Dataset.MAX_CLASSES);
    }

    /** The same, with class indices only from 0 to maxClasses - 1 (a page that draws fewer classes says so). */
    public static Result parse(String text, Dataset.Labels labels, int maxClasses) {
        Reader reader = new Reader(labels, Math.min(maxClasses, Dataset.MAX_CLASSES));
        boolean seenContent = false;
        String[] lines = Text.fields(text, '\n');
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim(); // trim also drops the '\r' of Windows line ends
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = Text.fields(line, ',');
            boolean firstContent = !seenContent;
            seenContent = true;
            if (!(firstContent && isHeader(fields))) {
                reader.read(i + 1, fields);
            }
        }
        return reader.result();
    }

    /** The points read so far, the errors, and which label convention (0/1 or -1/+1) the file has shown. */
    private static final class Reader {
        final List<LineError> errors = new ArrayList<>();
        final List<double[]> xs = new ArrayList<>();
        final List<Double> rawLabels = new ArrayList<>();
        final Dataset.Labels labels;
        final int maxClasses;
        int zeroOneLine;   // the first line with label 0, which makes this a 0/1 file
        int plusMinusLine; // the first line with label -1, which makes this a -1/+1 file

        Reader(Dataset.Labels labels, int maxClasses) {
            this.labels = labels;
            this.maxClasses = maxClasses;
        }

        void read(int lineNo, String[] fields) {
            if (fields.length != 3) {
                errors.add(new LineError(lineNo, "expected 3 fields x,y,label, got " + fields.length));
                return;
            }
            int before = errors.size();
            double x = number(lineNo, "x", fields[0].trim(), Dataset.MAX_COORDINATE, Dataset.COORDINATE_RANGE);
            double y = number(lineNo, "y", fields[1].trim(), Dataset.MAX_COORDINATE, Dataset.COORDINATE_RANGE);
            String third = fields[2].trim();
            double label = labels == Dataset.Labels.TARGETS
                    ? number(lineNo, "target", third, Dataset.MAX_TARGET, Dataset.TARGET_RANGE) : Numbers.parse(third);
            String labelError = labels == Dataset.Labels.TARGETS ? null : labels == Dataset.Labels.SIGNS
                    ? labelError(lineNo, label, third) : otherLabelError(label, third);
            if (labelError != null) {
                errors.add(new LineError(lineNo, labelError));
            }
            if (errors.size() == before) {
                xs.add(new double[] {x, y});
                rawLabels.add(label);
            }
        }

        /**
         * The number in a field, kept within ±max, or NaN with the line's error noted: that it is not a number, or
         * that it is out of range (1e300, and 1e999 too, which is a number too large for a double).
         */
        double number(int lineNo, String field, String text, double max, String range) {
            Numbers.Reading r = Numbers.read(field, text);
            boolean spelledAsNumber = !text.isEmpty() && Numbers.scanNumber(text, 0) == text.length();
            if (!r.ok() && !spelledAsNumber) {
                errors.add(new LineError(lineNo, r.error()));
                return Double.NaN;
            }
            if (!(Math.abs(r.value()) <= max)) {
                errors.add(new LineError(lineNo, field + " '" + text + "' must be " + range));
                return Double.NaN;
            }
            return r.value();
        }

        /** Why a label can't be used here, or null (and the file's convention is noted). */
        String labelError(int lineNo, double label, String text) {
            if (label != -1 && label != 0 && label != 1) {
                return "label '" + text + "' must be -1 or 1 (or 0 or 1)";
            } else if (label == 0 && plusMinusLine != 0) {
                return "label 0 mixes 0/1 labels with -1/+1 labels (line " + plusMinusLine + " has -1)";
            } else if (label == -1 && zeroOneLine != 0) {
                return "label -1 mixes -1/+1 labels with 0/1 labels (line " + zeroOneLine + " has 0)";
            } else if (label == 0 && zeroOneLine == 0) {
                zeroOneLine = lineNo;
            } else if (label == -1 && plusMinusLine == 0) {
                plusMinusLine = lineNo;
            }
            return null;
        }

        /** Why a class index can't be used, or null. */
        String otherLabelError(double label, String text) {
            return Dataset.labelProblem(labels, label) == null && label < maxClasses ? null
                    : "class '" + text + "' must be a whole number from 0 to " + (maxClasses - 1);
        }

        Result result() {
            if (errors.isEmpty() && xs.isEmpty()) {
                errors.add(new LineError(1, "no points: expected lines of x,y,label"));
            }
            if (!errors.isEmpty()) {
                return new Result(null, errors);
            }
            double[] ys = new double[rawLabels.size()];
            for (int i = 0; i < ys.length; i++) {
                double y = rawLabels.get(i);
                // in a binary file, 0 (of 0/1) and -1 (of -1/+1) are both the negative class
                ys[i] = labels != Dataset.Labels.SIGNS ? y : y == 1 ? 1 : -1;
            }
            return new Result(new Dataset(xs.toArray(new double[0][]), ys, labels), errors);
        }
    }

    /** A header is three fields of which none is a number, e.g. "x,y,label". */
    private static boolean isHeader(String[] fields) {
        if (fields.length != 3) {
            return false;
        }
        for (String f : fields) {
            if (!Double.isNaN(Numbers.parse(f))) {
                return false;
            }
        }
        return true;
    }
}
