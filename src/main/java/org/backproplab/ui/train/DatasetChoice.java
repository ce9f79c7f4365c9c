package org.backproplab.ui.train;

import org.backproplab.data.Datasets;
import org.backproplab.engine.Choice;

/**
 * The trainer's dataset menu: the generated toy datasets and the lecture's four examples (each one of the data
 * package's generators), plus CUSTOM, the points a person clicks onto the plot or pastes as CSV. Links and the menu
 * name them by id: moons, circles, xor, spiral, blobs, gauss, boundary_sin, boundary_cubic, boundary_abs, lecture,
 * plane, gaussians, sine, custom. Spiral and blobs have a number of classes (see TrainSettings.classes); the
 * boundary sets are the points above and below a curve (TF Playground's issue 252). Plane, gaussians and sine are
 * regression sets (TF Playground's tilted plane and signed Gaussians, and the curve y = sin x): their points have
 * real targets.
 */
enum DatasetChoice implements Choice {
    MOONS(Datasets.Generator.MOONS),
    CIRCLES(Datasets.Generator.CIRCLES),
    XOR(Datasets.Generator.XOR),
    SPIRAL(Datasets.Generator.SPIRAL),
    BLOBS(Datasets.Generator.BLOBS),
    GAUSS(Datasets.Generator.GAUSS),
    BOUNDARY_SIN(Datasets.Generator.BOUNDARY_SIN),
    BOUNDARY_CUBIC(Datasets.Generator.BOUNDARY_CUBIC),
    BOUNDARY_ABS(Datasets.Generator.BOUNDARY_ABS),
    LECTURE(Datasets.Generator.LECTURE),
    PLANE(Datasets.Generator.PLANE),
    GAUSSIANS(Datasets.Generator.GAUSSIANS),
    SINE(Datasets.Generator.SINE),
    CUSTOM(null);

    /** Makes the points; null for CUSTOM, whose points are the settings' own. */
    final Datasets.Generator generator;

    DatasetChoice(Datasets.Generator generator) {
        this.generator = generator;
    }

    /** Whether the points and noise fields apply: not to the lecture's four examples, nor to custom points. */
    boolean generated() {
        return this != CUSTOM && this != LECTURE;
    }

    /** The menu's name: the id, but the function boundaries by their curves (points above or below it). */
    String menuText() {
        return switch (this) {
            case BOUNDARY_SIN -> "above/below y = sin(πx)";
            case BOUNDARY_CUBIC -> "above/below y = x³ − x";
            case BOUNDARY_ABS -> "above/below y = |x|";
            default -> id();
        };
    }

    /** Whether the number of classes is a setting: spiral's arms, the blobs' centres. */
    boolean takesClasses() {
        return generator != null && generator.takesClasses();
    }

    /** Whether the points have real targets to fit (a regression set) rather than classes. */
    boolean regression() {
        return generator != null && generator.isRegression();
    }
}
