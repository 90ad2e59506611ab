package vn.bordergate.server.camera;

import java.util.Objects;

/** A rectangle to draw on a camera preview, in the pixels of the full camera frame, with its label. */
public record PlateBox(int x, int y, int width, int height, String label) {
    public PlateBox {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a plate box needs a positive size");
        }
        label = Objects.requireNonNullElse(label, "");
    }
}
