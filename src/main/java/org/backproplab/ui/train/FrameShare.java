package org.backproplab.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.backproplab.ui.dom.Dom;
import org.teavm.jso.browser.Window;

/**
 * One frame budget for every trainer on a page. Alone, a playing trainer trains for about 7 ms a frame and then
 * draws; twelve trainers doing that each took 130–180 ms a frame, about 7 frames a second for the whole page. So
 * the page has one animation loop: each frame it gives the playing trainers their turns, starting where the last
 * frame stopped, until the frame's work is spent, and the rest go first in the next frame. The 7 ms of training is
 * split among the trainers playing, so each learns at the same pace as the others. A trainer scrolled out of view
 * asks for no turns until it comes back.
 */
public final class FrameShare {
    /** The page's training time per frame, split among the trainers playing (as much as one trainer alone gets). */
    static final double TRAIN_MS = 7;
    /** Each trainer's least training per turn, so it takes at least a step or two. */
    static final double LEAST_TRAIN_MS = 1;
    /**
     * The frame's work (training and drawing) after which the other trainers wait for the next frame: 8.5 ms leaves
     * the browser the rest of a 60 Hz frame (16.7 ms) to style, lay out and paint what changed. At 20 ms a page of
     * twelve trainers painted every third frame (p95 50 ms between frames); at 10 ms one trainer alone still missed
     * a frame in twenty on a 2-core laptop drawing in software (the browser's own work there is 3-4 ms a frame on
     * the main thread, and raster and compositing share the other core).
     */
    static final double WORK_MS = 8.5;

    private final List<RunLoop> waiting = new ArrayList<>();
    private int frame = -1;

    /** Gives the loop a turn in the next frame. */
    void want(RunLoop loop) {
        if (!waiting.contains(loop)) {
            waiting.add(loop);
        }
        if (frame < 0) {
            frame = Window.requestAnimationFrame(t -> onFrame());
        }
    }

    /** Takes back the loop's turn (its trainer was hidden or destroyed). */
    void leave(RunLoop loop) {
        waiting.remove(loop);
    }

    /** Trainers waiting now that are playing: the ones the training time is split among. */
    private int playing() {
        int n = 0;
        for (RunLoop loop : waiting) {
            if (loop.isPlaying()) {
                n++;
            }
        }
        return n;
    }

    private void onFrame() {
        frame = -1;
        double start = Dom.now();
        double slice = Math.max(LEAST_TRAIN_MS, TRAIN_MS / Math.max(1, playing()));
        List<RunLoop> turns = new ArrayList<>(waiting);
        waiting.clear();
        for (int i = 0; i < turns.size(); i++) {
            RunLoop loop = turns.get(i);
            if (i > 0 && Dom.now() - start >= WORK_MS) {
                // The frame is spent: the rest keep their place at the head of the queue for the next one.
                waiting.addAll(0, turns.subList(i, turns.size()));
                break;
            }
            loop.frame(slice); // a loop still playing asks again, at the back of the queue
        }
        if (!waiting.isEmpty() && frame < 0) {
            frame = Window.requestAnimationFrame(t -> onFrame());
        }
    }
}
