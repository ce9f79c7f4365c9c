package org.backproplab.ui.train;

import org.backproplab.data.Datasets;
import org.backproplab.engine.Choice;

/**
 * The trainer's dataset menu: the generated toy datasets and the lecture's four examples (each one of the data
 * package's generators), plus CUSTOM, the points a person clicks onto the plot or pastes as CSV. Links and the menu
 * name them by id: moons, circles, xor, spiral, gauss, lecture, custom. Plane, gaussians and sine are regression sets
 * (TF Playground's tilted plane and signed Gaussians, and the curve y = sin x): their points have real targets.
 */
enum DatasetChoice implements Choice {
    MOONS(Datasets.Generator.MOONS),
    CIRCLES(Datasets.Generator.CIRCLES),
    XOR(Datasets.Generator.XOR),
    SPIRAL(Datasets.Generator.SPIRAL),
    GAUSS(Datasets.Generator.GAUSS),
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

    /** Whether the points have real targets to fit (a regression set) rather than classes. */
    boolean regression() {
        return generator != null && generator.isRegression();
    }
}
