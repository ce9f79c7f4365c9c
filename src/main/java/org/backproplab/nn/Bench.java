package org.backproplab.nn;

import java.util.Arrays;
import org.backproplab.data.Datasets;

/**
 * The speed benchmark, in plain Java so that the command line ({@code bench}) and the browser's bench page run the
 * same code: milliseconds per training step of micrograd's demo with the Value engine and with the tape, and
 * microseconds per {@code predict} over a 100x100 heatmap grid. Each figure is the median of many timed samples
 * after a warm-up (so the JIT has compiled the hot code). A sample times several steps or a whole grid at once,
 * because browsers coarsen their clock (performance.now) to between 5 and 100 microseconds.
 */
public final class Bench {

    /** Medians, in the units their names say. */
    public record Result(double valueMsPerStep, double tapeMsPerStep, double predictUsPerPoint) {
        /** How many times faster the tape is than the Value engine. */
        public double speedup() {
            return valueMsPerStep / tapeMsPerStep;
        }
    }

    /** How much to measure: warm-up steps and samples for each engine, and predict grids. */
    public record Options(int valueWarmup, int valueSamples, int tapeWarmup, int tapeSamples, int tapeStepsPerSample,
                          int predictWarmup, int predictSamples) {
        /** About a second or two on the JVM, a few seconds in a browser. */
        public static Options standard() {
            return new Options(30, 40, 300, 40, 20, 20, 30);
        }

        /** Just enough to see that it runs (tests). */
        public static Options quick() {
            return new Options(1, 3, 2, 3, 2, 1, 3);
        }

        /**
         * For {@link #bigSpec()}, whose Value engine step builds 2.4 million Values (seconds in a browser, which
         * cannot answer anything meanwhile): fewer samples, and no predict (the demo network's is the one the
         * heatmap needs).
         */
        public static Options big() {
            return new Options(1, 3, 10, 10, 3, 0, 0);
        }
    }

    private static final int GRID = 100;

    private static double sink; // results are added here so the JIT cannot drop the work being timed

    private Bench() {
    }

    /**
     * A spec with the demo's shape and cost (MLP(2,[16,16,1]), 100 moons, SVM + L2, SGD 1.0 to 0.1) for when the
     * demo file itself is not at hand, e.g. a page opened from disk that cannot fetch it.
     */
    public static TrainSpec demoShapedSpec() {
        return new TrainSpec(Datasets.moons(100, 0.1, 1337), 2, new int[] {16, 16, 1}, Activation.RELU,
                Activation.LINEAR, false, null, Loss.microgradDemo(), Optimizer.Settings.sgd(1.0, 0.1), 100, 0, 1337);
    }

    /**
     * A bigger run than the demo, to see how the engines scale: 1,000 points of moons and a 2-32-32-1 network (1,185
     * parameters), trained as the demo is.
     */
    public static TrainSpec bigSpec() {
        return new TrainSpec(Datasets.moons(1000, 0.1, 1337), 2, new int[] {32, 32, 1}, Activation.RELU,
                Activation.LINEAR, false, null, Loss.microgradDemo(), Optimizer.Settings.sgd(1.0, 0.1), 100, 0, 1337);
    }

    /** The figures; predict is NaN when the options ask for no predict samples. */
    public static Result run(TrainSpec spec, Options options) {
        double value = msPerStep(spec, Trainer.Engine.VALUE, options.valueWarmup(), options.valueSamples(), 1);
        double tape = msPerStep(spec, Trainer.Engine.TAPE, options.tapeWarmup(), options.tapeSamples(),
                options.tapeStepsPerSample());
        double predict = options.predictSamples() == 0 ? Double.NaN
                : usPerPredict(spec, options.predictWarmup(), options.predictSamples());
        return new Result(value, tape, predict);
    }

    /**
     * Runs the spec's training over and over (a fresh trainer every {@code steps} steps, so the learning rate never
     * leaves its schedule and the numbers stay those of a real run), timing stepsPerSample steps per sample.
     */
    private static double msPerStep(TrainSpec spec, Trainer.Engine engine, int warmup, int samples,
                                    int stepsPerSample) {
        Trainer trainer = new Trainer(spec, engine);
        for (int i = 0; i < warmup; i++) {
            trainer = freshIfDone(trainer, spec, engine);
            sink += trainer.step().loss();
        }
        double[] times = new double[samples];
        for (int s = 0; s < samples; s++) {
            trainer = freshIfDone(trainer, spec, engine);
            int count = Math.min(stepsPerSample, Math.max(1, spec.steps()) - trainer.stepCount());
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                sink += trainer.step().loss();
            }
            times[s] = (System.nanoTime() - start) / 1e6 / count;
        }
        return median(times);
    }

    private static Trainer freshIfDone(Trainer trainer, TrainSpec spec, Trainer.Engine engine) {
        return trainer.stepCount() >= Math.max(1, spec.steps()) ? new Trainer(spec, engine) : trainer;
    }

    /** Times whole 100x100 grids over [-2, 2]^2 (a decision-boundary heatmap), from the spec's initial model. */
    private static double usPerPredict(TrainSpec spec, int warmup, int samples) {
        Tape tape = new Tape(spec.model(), spec.loss(), 1, spec.features());
        double[] x = new double[spec.features().count()];
        for (int i = 0; i < warmup; i++) {
            sink += grid(tape, x);
        }
        double[] times = new double[samples];
        for (int s = 0; s < samples; s++) {
            long start = System.nanoTime();
            sink += grid(tape, x);
            times[s] = (System.nanoTime() - start) / 1e3 / (GRID * GRID);
        }
        return median(times);
    }

    private static double grid(Tape tape, double[] x) {
        double sum = 0;
        for (int r = 0; r < GRID; r++) {
            for (int c = 0; c < GRID; c++) {
                x[0] = -2 + 4.0 * c / (GRID - 1);
                if (x.length > 1) {
                    x[1] = -2 + 4.0 * r / (GRID - 1);
                }
                sum += tape.predict(x);
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
