package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** A crop turned into what the readers work on: grey, dark text on a light plate, upright. */
final class CropGrey {
    private CropGrey() {}

    /** The crop in grey with dark text, warped upright onto the plate body when one is found. */
    static Mat straight(Mat bgr) {
        return upright(darkTextGrey(bgr));
    }

    /**
     * {@link #straight} turned the other way (the text taken to be light where {@link #mostlyDark} took it for dark, or
     * the reverse): a blue plate whose bold white characters fill much of its middle is not inverted by {@link
     * #mostlyDark} (51 of the 500 cn-crops), and the layout fit finds no characters in it.
     */
    static Mat otherWay(Mat bgr) {
        Mat grey = darkTextGrey(bgr);
        bitwise_not(grey, grey);
        return upright(grey);
    }

    /**
     * {@code grey} (dark text) divided by its own background, so that a shadow or a light falling across the plate
     * no longer outweighs the text in a row's one threshold: the background is {@code grey} closed with a square a
     * fifth of {@code rowHeight} wide, just wider than a stroke (about a seventh of a character's height), so it fills
     * the strokes and follows the shading as closely as it can. Otsu's threshold then no longer splits the lit half
     * from the shaded half (crops with no read; on those a third gave 4 plates of 43, a fifth 7, a half 6).
     */
    static Mat flattened(Mat grey, int rowHeight) {
        int side = Math.max(3, rowHeight / 5) | 1;
        Mat flat = new Mat();
        try (Mat background = new Mat();
                Mat square = getStructuringElement(MORPH_RECT, new Size(side, side))) {
            morphologyEx(grey, background, MORPH_CLOSE, square);
            divide(grey, background, flat, 255.0, -1);
            return flat;
        } catch (RuntimeException e) {
            flat.close();
            throw e;
        }
    }

    /** {@code grey} warped upright onto the plate body when one is found (then closed), else itself. */
    private static Mat upright(Mat grey) {
        Point2f[] body = PlateRectifier.body(grey);
        if (body == null) {
            return grey;
        }
        Mat straight = PlateRectifier.warp(grey, body);
        grey.close();
        return straight;
    }

    /** An 8-bit grey version of the crop with dark text on a light background. */
    static Mat darkTextGrey(Mat bgr) {
        Mat grey = grey(bgr);
        if (mostlyDark(grey)) {
            bitwise_not(grey, grey);
        }
        return grey;
    }

    /** Whether the crop (BGR or already grey) has light text on a dark plate ({@link #mostlyDark}). */
    static boolean lightText(Mat bgr) {
        try (Mat grey = grey(bgr)) {
            return mostlyDark(grey);
        }
    }

    /** A grey copy of the crop: converted from BGR, copied when it has no three channels. */
    private static Mat grey(Mat bgr) {
        Mat grey = new Mat();
        if (bgr.channels() == 3) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
        } else {
            bgr.copyTo(grey);
        }
        return grey;
    }

    /**
     * Whether most of the crop's centre (where the plate is, away from the surroundings a loose crop holds) is
     * darker than its Otsu threshold: light text on a dark plate.
     */
    static boolean mostlyDark(Mat grey) {
        Rect centre = new Rect(
                grey.cols() / 5, grey.rows() / 4, Math.max(1, grey.cols() * 3 / 5), Math.max(1, grey.rows() / 2));
        Mat binary = new Mat();
        try (Mat middle = new Mat(grey, centre)) {
            threshold(middle, binary, 0, 255, THRESH_BINARY | THRESH_OTSU);
            return countNonZero(binary) < 0.45 * binary.total();
        } finally {
            binary.close();
        }
    }
}
