package vn.bordergate.server.anpr.tracking;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The picture behind a voted plate: the camera frame of its most confident sighting (a copy of its own, so
 * the camera's frame pool is not held) and where the plate is in it.
 */
public record PlateEvidence(BufferedImage frame, Rectangle plate) {
    /** Context around the plate in the saved crop, as a share of the plate's height. */
    private static final double MARGIN = 0.15;

    public PlateEvidence {
        Objects.requireNonNull(frame);
        plate = new Rectangle(plate).intersection(new Rectangle(frame.getWidth(), frame.getHeight()));
        if (plate.isEmpty()) {
            throw new IllegalArgumentException(
                    "the plate box lies outside the " + frame.getWidth() + "x" + frame.getHeight() + " frame");
        }
    }

    /** The plate with a small margin, cut from the frame (shares the frame's pixels). */
    public BufferedImage crop() {
        int margin = (int) Math.round(plate.height * MARGIN);
        Rectangle r = new Rectangle(plate);
        r.grow(margin, margin);
        r = r.intersection(new Rectangle(frame.getWidth(), frame.getHeight()));
        return frame.getSubimage(r.x, r.y, r.width, r.height);
    }
}
