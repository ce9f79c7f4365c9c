package org.backproplab.ui.bench;

import org.backproplab.nn.Trainer;
import org.backproplab.ui.dom.Dom;
import org.backproplab.ui.train.TrainView;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The trainer's frame benchmark, while it runs: a trainer playing micrograd's demo with no step limit, heard step by
 * step and frame by frame. It keeps the frame times (300, after 30 to warm up), the steps per second over those
 * frames, the wall time of the first 100 steps and the first step whose training accuracy is 100%.
 */
final class TrainFrames implements TrainView.RunListener {
    private final String backend;
    private final HTMLElement host;
    private final TrainView view;
    private final FrameStats stats = new FrameStats(30, 300);
    private final double started;
    private double hundredStepsMs = Double.NaN;
    private int firstFullAccuracy = -1;
    /** Training speed while the frames are recorded: the steps a student sees per second, drawing included. */
    private double firstFrameAt = Double.NaN;
    private int firstFrameStep;
    private double stepsPerSecond = Double.NaN;

    /** Starts the view playing; it was just made and shown in host. */
    TrainFrames(String backend, HTMLElement host, TrainView view) {
        this.backend = backend;
        this.host = host;
        this.view = view;
        view.setRunListener(this);
        view.setStepLimit(0);
        started = Dom.now();
        view.play();
    }

    @Override
    public void stepped(Trainer.Step s) {
        if (s.accuracy() == 1.0 && firstFullAccuracy < 0) {
            firstFullAccuracy = s.step();
        }
        if (s.step() == 99) {
            hundredStepsMs = Dom.now() - started;
        }
    }

    @Override
    public void framed(double workMs) {
        boolean done = stats.done();
        stats.record(workMs);
        if (stats.recorded() == 1 && Double.isNaN(firstFrameAt)) {
            firstFrameAt = Dom.now();
            firstFrameStep = view.trainedSteps();
        } else if (stats.done() && !done) {
            stepsPerSecond = (view.trainedSteps() - firstFrameStep) / ((Dom.now() - firstFrameAt) / 1000);
        }
    }

    /** The figures as JSON once the frames are recorded and 100 steps done (then the view goes), or "" until then. */
    String result() {
        if (!stats.done() || Double.isNaN(hundredStepsMs)) {
            return "";
        }
        view.hidden();
        host.getParentNode().removeChild(host);
        return "{\"backend\":\"" + backend + "\",\"frameP95Ms\":" + stats.percentile(true, 0.95)
                + ",\"frameMedianMs\":" + stats.percentile(true, 0.5)
                + ",\"frameWorkP95Ms\":" + stats.percentile(false, 0.95)
                + ",\"frameWorkMedianMs\":" + stats.percentile(false, 0.5)
                + ",\"stepsPerSecond\":" + stepsPerSecond
                + ",\"hundredStepsMs\":" + hundredStepsMs + ",\"firstFullAccuracyStep\":" + firstFullAccuracy + "}";
    }
}
