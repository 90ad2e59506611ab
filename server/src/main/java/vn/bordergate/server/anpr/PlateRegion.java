package vn.bordergate.server.anpr;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RotatedRect;

/**
 * A loose plate-like region of a frame as {@link PlateFinder} found it: a rotated rectangle in frame pixels.
 *
 * @param centreX centre, frame pixels
 * @param width the long side
 * @param height the short side
 * @param angle degrees of the long side from horizontal
 * @param score how plate-like the region looks (higher is better)
 */
public record PlateRegion(
        double centreX, double centreY, double width, double height, double angle, Source source, double score) {
    /** What made the finder look here. */
    public enum Source {
        /** Dark characters on a light plate (white, yellow, green). */
        DARK_TEXT,
        /** Light characters on a dark plate (blue). */
        LIGHT_TEXT,
        /** A plate-coloured area (blue, yellow, green). */
        COLOUR,
        /** The whole image, taken for a plate crop. */
        WHOLE_IMAGE
    }

    /** Margin added around a region before it is cut out, as a share of its height. */
    static final double MARGIN = 0.25;

    /** The margin of the second, tight cut of a region whose loose cut showed no plate (see {@code PlateReader}). */
    static final double TIGHT_MARGIN = 0.05;

    /** A region at least this wide for its height (one-row plate shape) may get the tight cut (see {@code PlateReader}). */
    static final double TIGHT_CUT_SHAPE = 2.5;

    static PlateRegion of(RotatedRect box, double scale, Source source, double score) {
        double w = Math.max(box.size().width(), box.size().height()) / scale;
        double h = Math.min(box.size().width(), box.size().height()) / scale;
        return new PlateRegion(
                box.center().x() / scale, box.center().y() / scale, w, h, PlateFinder.uprightAngle(box), source, score);
    }

    static PlateRegion whole(Mat image) {
        return new PlateRegion(
                image.cols() / 2.0, image.rows() / 2.0, image.cols(), image.rows(), 0, Source.WHOLE_IMAGE, 1);
    }

    /** The upright bounding box of the region in the frame (clipped to it). */
    public PlateBox box(int frameWidth, int frameHeight) {
        // plain floats, not corners()' native points: the finder compares every candidate's box (PlateFinder
        // suppressOverlaps), and a native allocation per corner cost it about a millisecond a frame
        float[][] c = cornerCoordinates(0);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (float[] p : c) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int x = (int) Math.max(0, Math.floor(minX));
        int y = (int) Math.max(0, Math.floor(minY));
        int right = (int) Math.min(frameWidth, Math.ceil(maxX));
        int bottom = (int) Math.min(frameHeight, Math.ceil(maxY));
        return new PlateBox(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
    }

    /** Overlap with another region's upright box (see {@link PlateBox#overlap}). */
    double overlap(PlateRegion o) {
        return box(Integer.MAX_VALUE, Integer.MAX_VALUE).overlap(o.box(Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    /** The region with a margin of {@code margin} × height all round, cut out of the frame and turned upright. */
    Mat cut(Mat frame, double margin) {
        if (source == Source.WHOLE_IMAGE) {
            return frame.clone();
        }
        return PlateRectifier.warp(frame, corners(margin * height));
    }

    /** Corners top-left, top-right, bottom-right, bottom-left, grown by {@code grow} pixels on each side. */
    Point2f[] corners(double grow) {
        float[][] c = cornerCoordinates(grow);
        Point2f[] out = new Point2f[4];
        for (int i = 0; i < 4; i++) {
            out[i] = new Point2f(c[i][0], c[i][1]);
        }
        return out;
    }

    /** {@link #corners(double)} as {x, y} pairs. */
    private float[][] cornerCoordinates(double grow) {
        double rad = Math.toRadians(angle);
        double cos = Math.cos(rad);
        double sin = Math.sin(rad);
        double hw = width / 2 + grow;
        double hh = height / 2 + grow;
        double[][] local = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        float[][] out = new float[4][];
        for (int i = 0; i < 4; i++) {
            double x = centreX + local[i][0] * cos - local[i][1] * sin;
            double y = centreY + local[i][0] * sin + local[i][1] * cos;
            out[i] = new float[] {(float) x, (float) y};
        }
        return out;
    }
}
