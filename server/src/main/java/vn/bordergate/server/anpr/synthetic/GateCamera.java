package vn.bordergate.server.anpr.synthetic;

import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;

/**
 * A lane camera looking down the approach road: a pinhole at {@code heightM} above the road, tilted
 * so the horizon sits at image row {@code horizonY}. World coordinates are metres: x to the right of
 * the lane centre, y up from the road, z distance ahead of the camera.
 *
 * @param focalPx focal length in pixels (2000 at 1280 × 720 puts a 440 mm plate 126 px wide at 7 m)
 */
public record GateCamera(int width, int height, double focalPx, double heightM, double horizonY) {
    /** Distance at which plates are read: trucks stop here in the videos, and scenes vary around it. */
    public static final double READING_DISTANCE_M = 7.0;

    /** A camera for a {@code width × height} image with the proportions of the 1280 × 720 lane camera. */
    public static GateCamera forImage(int width, int height) {
        double s = height / 720.0;
        return new GateCamera(width, height, 2000 * s, 2.0, 70 * s);
    }

    public double centreX() {
        return width / 2.0;
    }

    /** Pixels per metre on a plane facing the camera at distance {@code z}. */
    public double pixelsPerMetre(double z) {
        return focalPx / z;
    }

    public Point2D project(double x, double y, double z) {
        double ppm = pixelsPerMetre(z);
        return new Point2D.Double(centreX() + ppm * x, horizonY + ppm * (heightM - y));
    }

    /**
     * The transform from a vertical plane facing the camera at distance {@code z} to image pixels, with
     * the plane's own origin at world {@code (x0, 0)}: plane x right, plane y up, in metres.
     */
    public AffineTransform facingPlane(double x0, double z) {
        double ppm = pixelsPerMetre(z);
        AffineTransform at = new AffineTransform();
        at.translate(centreX() + ppm * x0, horizonY + ppm * heightM);
        at.scale(ppm, -ppm);
        return at;
    }
}
