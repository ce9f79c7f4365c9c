package org.backproplab.ui.train;

/** The hidden layers' sizes as the Model panel's + and − buttons change them. */
final class LayerSizes {
    private LayerSizes() {
    }

    /**
     * The hidden layers after a + or − button: layerDelta adds a layer (as big as the last) or removes the last one;
     * neuronDelta changes only layer {@code chosen} (from 0). Sizes stay 1 to 64, in 0 to 6 layers.
     */
    static String changed(int[] sizes, int layerDelta, int neuronDelta, int chosen) {
        StringBuilder text = new StringBuilder();
        int count = Math.max(0, Math.min(TrainSettings.MAX_LAYERS, sizes.length + layerDelta));
        for (int l = 0; l < count; l++) {
            int n = l < sizes.length ? sizes[l] : (sizes.length > 0 ? sizes[sizes.length - 1] : 4);
            if (l == chosen) {
                n = Math.max(1, Math.min(TrainSettings.MAX_NEURONS, n + neuronDelta));
            }
            text.append(l == 0 ? "" : ",").append(n);
        }
        return text.toString();
    }
}
