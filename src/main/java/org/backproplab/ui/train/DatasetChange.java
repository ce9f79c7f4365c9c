package org.backproplab.ui.train;

import org.backproplab.data.Dataset;
import org.backproplab.engine.Choice;
import org.backproplab.engine.Numbers;
import org.backproplab.nn.Optimizer;
import org.backproplab.ui.dom.Dom;

/**
 * What picking a dataset from the menu changes besides the points: the lecture's setup, regression's setup or
 * classification's again (TaskLink), the classes of spiral and blobs, and custom points that start from the points
 * on show. Each change is said in the message.
 */
final class DatasetChange {
    private final TrainView view;
    private final SettingsPanel panel;
    /** The points and noise before the menu's spiral set its own (200, none), or null: leaving it puts them back. */
    private double[] beforeSpiral;

    DatasetChange(TrainView view, SettingsPanel panel) {
        this.view = view;
        this.panel = panel;
    }

    /** A dataset picked from the menu, by id: the lecture's brings its setup; custom starts from the points on show. */
    void chosen(String id) {
        TrainSettings s = view.settings();
        DatasetChoice was = s.dataset;
        boolean wasRegression = s.regression();
        s.dataset = Choice.byId(DatasetChoice.values(), id);
        if (s.dataset == DatasetChoice.LECTURE) {
            s.useLectureSetup();
            view.dataChanged("Dataset: lecture, with the lecture's setup: MLP(3, [4, 4, 1]) with tanh, the "
                    + "squared error summed over all four examples (none held out), and SGD at learning rate "
                    + Numbers.trimmed(TrainSettings.LECTURE_RATE, 3) + ", the rate of the lecture's final "
                    + "training loop (earlier cells try 0.05), for its 20 steps.");
            return;
        }
        if (was == DatasetChoice.LECTURE) {
            s.leaveLectureSetup(); // the lecture's summed loss and rate would blow up on 100 points
        }
        if (s.dataset == DatasetChoice.CUSTOM && s.custom.isEmpty()) {
            // start from the training points on show: clicks then change a dataset rather than fill an empty plot
            Dataset shown = view.train();
            s.targets = wasRegression; // the points keep what they had: targets, or classes
            for (int i = 0; i < shown.size(); i++) {
                s.custom.add(new double[] {shown.xs()[i][0], shown.xs()[i][1], shown.ys()[i]});
            }
        }
        s.init = null;
        String task = TaskLink.taskChosen(s, wasRegression)
                + (s.dataset == DatasetChoice.SPIRAL ? "" : leftSpiral(s, was));
        if (s.dataset == DatasetChoice.SPIRAL) {
            spiralChosen(s, task);
            return;
        }
        if (s.dataset.takesClasses()) {
            s.classes = 3;
        }
        view.dataChanged("Dataset: " + s.dataset.id() + (s.dataset.takesClasses() ? ", 3 classes." : ".") + task);
    }

    /**
     * The menu's spiral: three arms (a link's spiral without classes keeps its two), and enough points without noise
     * for the arms to show: they wind close, and the usual noise of 0.1 hides them. Plain SGD on its decaying rate
     * stalls near 55% on them, so the message offers Adam at 0.03, which learns them in a few hundred steps.
     */
    private void spiralChosen(TrainSettings s, String task) {
        s.classes = 3;
        if (beforeSpiral == null) {
            beforeSpiral = new double[] {s.points, s.noise};
        }
        s.points = Math.max(s.points, 200);
        s.noise = 0;
        boolean sgd = s.optimizer == Optimizer.Kind.SGD;
        view.dataChanged("Dataset: spiral, 3 arms, " + s.points + " points without noise, so the arms show." + task + (sgd
                ? " Plain SGD stalls on spirals: Adam at learning rate 0.03 learns them in a few hundred steps." : ""));
        if (!sgd) {
            return;
        }
        view.addToMessage(Dom.button("Use Adam at 0.03", "use-adam", () -> useAdam(view.settings())));
    }

    /**
     * Leaving the menu's spiral puts back the points and noise it replaced, unless they were changed since: its 200
     * noiseless points suit its arms, not the next dataset. Returns what it says about it, or "".
     */
    private String leftSpiral(TrainSettings s, DatasetChoice was) {
        double[] before = beforeSpiral;
        beforeSpiral = null;
        if (was != DatasetChoice.SPIRAL || before == null || s.points != 200 || s.noise != 0) {
            return "";
        }
        s.points = (int) before[0];
        s.noise = before[1];
        return " Back to " + s.points + " points with noise " + Numbers.compact(s.noise, 3) + ", as before the spiral.";
    }

    /** Adam at 0.03 without decay, for at least 500 steps, keeping the weights (see spiralChosen). */
    private void useAdam(TrainSettings s) {
        s.optimizer = Optimizer.Kind.ADAM;
        s.lr = 0.03;
        s.lrEnd = 0.03;
        s.decay = false;
        if (s.budget > 0 && s.budget < 500) { // 0 is no limit: it stays
            s.budget = 500;
        }
        panel.show(s);
        view.setStepLimit(s.budget);
        view.hyperChanged("Optimizer: Adam at 0.03" + (s.budget > 0 ? ", for " + s.budget + " steps." : "."));
    }
}
