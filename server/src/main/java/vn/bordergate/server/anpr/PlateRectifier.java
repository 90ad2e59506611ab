package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds the plate's body inside a loose crop (a bright rectangle, after {@link CropReader#darkTextGrey}: the
 * plate background is light) and straightens it: the largest light region's rotated rectangle is warped to
 * an upright image, which also removes the dark surroundings and most of the frame.
 */
final class PlateRectifier {
    /** The plate must cover at least this share of the crop to be taken for it. */
    static final double MIN_SHARE = 0.25;
    /** A plate covering more than this share already fills the crop: nothing to do. */
    static final double FILLS = 0.9;
    /** A light region spanning a one-row crop's height but at most this share of its width is a piece of the plate. */
    static final double TIGHT_WIDTH = 0.85;
    /** How near the crop's top and bottom rows a region must reach to be cut off by them (a JPEG edge's blur). */
    static final double EDGE_ROWS = 0.02;

    private PlateRectifier() {}

    /**
     * The four corners (top-left, top-right, bottom-right, bottom-left, in crop coordinates) of the plate
     * body in {@code grey}, or null when no plausible body stands out or it already fills the crop.
     */
    static Point2f[] body(Mat grey) {
        Mat bright = new Mat();
        MatVector contours = new MatVector();
        try {
            threshold(grey, bright, 0, 255, THRESH_BINARY | THRESH_OTSU);
            findContours(bright, contours, new Mat(), RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            double cropArea = grey.total();
            Mat largest = null;
            double largestArea = 0;
            for (long i = 0; i < contours.size(); i++) {
                Mat c = contours.get(i);
                double area = contourArea(c);
                if (area > largestArea) {
                    largestArea = area;
                    largest = c;
                }
            }
            if (largest == null || largestArea < MIN_SHARE * cropArea) {
                return null;
            }
            RotatedRect box = minAreaRect(largest);
            double boxArea = (double) box.size().width() * box.size().height();
            if (boxArea > FILLS * cropArea || boxArea < MIN_SHARE * cropArea) {
                return null;
            }
            try (Rect bounds = boundingRect(largest)) {
                if (pieceOfATightCrop(grey.cols(), grey.rows(), bounds)) {
                    return null;
                }
            }
            return corners(box);
        } finally {
            bright.close();
            contours.close();
        }
    }

    /**
     * Whether the light region with upright bounds {@code bounds} is only a piece of a tightly cropped one-row plate: it
     * runs from the crop's top row to its bottom row but spans at most {@link #TIGHT_WIDTH} of its width. On a
     * plate-shaped crop whose characters touch its top and bottom, the characters cut the background into islands cut
     * off by the crop's edges, and the largest is the stretch between two of them (vn-one-row: 24 crops lost their first
     * characters this way and none of them was read right; docs/anpr.md, "A tight crop's body"). A plate body inside a
     * loose crop, even tilted so that its upright bounds are nearly as tall as the crop, stops short of its edges.
     */
    static boolean pieceOfATightCrop(int cropWidth, int cropHeight, Rect bounds) {
        int edge = Math.max(1, (int) Math.round(EDGE_ROWS * cropHeight));
        return cropWidth >= CropReader.ONE_ROW_SHAPE * cropHeight
                && bounds.y() <= edge
                && bounds.y() + bounds.height() >= cropHeight - edge
                && bounds.width() <= TIGHT_WIDTH * cropWidth;
    }

    /** The corners of a rotated rectangle, ordered top-left, top-right, bottom-right, bottom-left. */
    static Point2f[] corners(RotatedRect box) {
        Point2f[] p = new Point2f[4];
        try (Point2f points = new Point2f(4)) {
            box.points(points);
            for (int i = 0; i < 4; i++) {
                Point2f q = points.position(i);
                p[i] = new Point2f(q.x(), q.y());
            }
        }
        return ordered(p);
    }

    /** Orders four points top-left, top-right, bottom-right, bottom-left (by coordinate sums and differences). */
    static Point2f[] ordered(Point2f[] p) {
        Point2f tl = p[0];
        Point2f br = p[0];
        Point2f tr = p[0];
        Point2f bl = p[0];
        for (Point2f q : p) {
            if (q.x() + q.y() < tl.x() + tl.y()) {
                tl = q;
            }
            if (q.x() + q.y() > br.x() + br.y()) {
                br = q;
            }
            if (q.x() - q.y() > tr.x() - tr.y()) {
                tr = q;
            }
            if (q.x() - q.y() < bl.x() - bl.y()) {
                bl = q;
            }
        }
        return new Point2f[] {tl, tr, br, bl};
    }

    /** Warps the quadrilateral {@code corners} of {@code image} to an upright rectangle of its own size. */
    static Mat warp(Mat image, Point2f[] corners) {
        double top = distance(corners[0], corners[1]);
        double bottom = distance(corners[3], corners[2]);
        double left = distance(corners[0], corners[3]);
        double right = distance(corners[1], corners[2]);
        int w = Math.max(8, (int) Math.round(Math.max(top, bottom)));
        int h = Math.max(8, (int) Math.round(Math.max(left, right)));
        Mat src = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2);
        Mat dst = new Mat(4, 1, org.bytedeco.opencv.global.opencv_core.CV_32FC2);
        float[][] target = {{0, 0}, {w - 1, 0}, {w - 1, h - 1}, {0, h - 1}};
        try (FloatIndexer s = src.createIndexer();
                FloatIndexer d = dst.createIndexer()) {
            for (int i = 0; i < 4; i++) {
                s.put(i, 0, 0, corners[i].x());
                s.put(i, 0, 1, corners[i].y());
                d.put(i, 0, 0, target[i][0]);
                d.put(i, 0, 1, target[i][1]);
            }
        }
        Mat out = new Mat();
        try (Mat transform = getPerspectiveTransform(src, dst)) {
            warpPerspective(image, out, transform, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        } finally {
            src.close();
            dst.close();
        }
        return out;
    }

    private static double distance(Point2f a, Point2f b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
