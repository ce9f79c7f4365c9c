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
     * The frame's work (training and drawing) after which the other trainers wait for the next frame: 10 ms leaves
     * the browser the rest of a 60 Hz frame (16.7 ms) to paint. At 20 ms a page of twelve trainers painted every
     * third frame (p95 50 ms between frames), and one trainer alone skipped a frame whenever its turn ran long.
     */
    static final double WORK_MS = 10;
    /**
     * The least the frame's work is lowered to while frames come late. At 6 ms one trainer alone once trained for
     * half of what it does at 10, when its drawing cost 5 ms a turn; that is now 1–3 ms.
     */
    static final double LEAST_WORK_MS = 6;

    private final List<RunLoop> waiting = new ArrayList<>();
    private int frame = -1;
    /**
     * The frame's work now: WORK_MS, or less while frames come late. What the browser does after the script (style,
     * layout, paint, and copying every canvas on the page at each commit) grows with the widgets on the page and
     * differs from machine to machine; a frame that came late says the page's work plus the browser's did not fit,
     * so the next frames work 1 ms less, and after a second of frames on time, 0.5 ms more again.
     */
    private double workMs = WORK_MS;
    /** When the last frame with turns began (-1: none just before), and the shortest gap between two seen. */
    private double lastFrameAt = -1;
    private double shortestGap = 1000.0 / 60;
    private int onTime;

    /** Gives the loop a turn in the next frame. */
    void want(RunLoop loop) {
        if (!waiting.contains(loop)) {
            waiting.add(loop);
        }
        if (frame < 0) {
            lastFrameAt = -1; // the page was still: the gap to this frame says nothing of its work
            frame = Window.requestAnimationFrame(this::onFrame);
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

    /** Lowers the frame's work after a late frame, and raises it again after a second of frames on time. */
    private void adapt(double frameAt) {
        if (lastFrameAt >= 0) {
            double gap = frameAt - lastFrameAt;
            shortestGap = Math.max(4, Math.min(shortestGap, gap));
            if (gap > 1.5 * shortestGap) {
                workMs = Math.max(LEAST_WORK_MS, workMs - 1);
                onTime = 0;
            } else if (++onTime >= 60) {
                workMs = Math.min(WORK_MS, workMs + 0.5);
                onTime = 0;
            }
        }
        lastFrameAt = frameAt;
    }

    private void onFrame(double frameAt) {
        frame = -1;
        adapt(frameAt);
        double start = Dom.now();
        double slice = Math.max(LEAST_TRAIN_MS, TRAIN_MS / Math.max(1, playing()));
        List<RunLoop> turns = new ArrayList<>(waiting);
        waiting.clear();
        for (int i = 0; i < turns.size(); i++) {
            RunLoop loop = turns.get(i);
            if (i > 0 && Dom.now() - start + loop.lastTurnMs() > workMs) {
                // The frame is spent, or would be overrun by this turn (as long as its last one): the rest keep
                // their place at the head of the queue for the next frame.
                waiting.addAll(0, turns.subList(i, turns.size()));
                break;
            }
            loop.frame(slice, workMs); // a loop still playing asks again, at the back of the queue
        }
        if (!waiting.isEmpty() && frame < 0) {
            frame = Window.requestAnimationFrame(this::onFrame);
        }
    }
}
