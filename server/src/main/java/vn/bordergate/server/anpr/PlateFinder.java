package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.convertScaleAbs;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_BLACKHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_TOPHAT;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;

/**
 * Finds plate-like regions in a full camera frame with classic OpenCV: dense vertical strokes of text (black-hat
 * for dark text, top-hat for light text, then a horizontal Sobel gradient closed into blobs) and plate-coloured
 * areas (blue, yellow, green in HSV), each kept when its rotated rectangle has a plate's proportions (one row
 * about 4.3:1, two rows about 1.4:1) and size. Returns loose regions in frame coordinates, most plate-like
 * first; the reader straightens and reads them.
 */
public final class PlateFinder {
    /** A region this many times larger or smaller than a better one it overlaps is kept beside it. */
    static final double NESTED_SIZE = 2.5;

    /** Frames are searched at this width at most (the plates of a 1280×720 lane camera stay readable). */
    static final int SEARCH_WIDTH = 1280;
    /** At most this many regions are returned per frame. */
    static final int MAX_REGIONS = 10;

    private static final double MIN_ASPECT = 1.0;
    private static final double MAX_ASPECT = 7.0;

    /** Plate colours in OpenCV's 0–179 hue: yellow 15–34, green 35–85, blue 100–124. */
    private static final int[][] HUE_RANGES = {{100, 124}, {15, 34}, {35, 85}};

    private static final int MIN_SATURATION = 90;
    private static final int MIN_VALUE = 70;

    /** 255 for a plate colour's hue, 0 otherwise: a lookup table over the hue channel. */
    private static final byte[] PLATE_HUES = plateHues();

    /**
     * {@link #findEqualised} searches frames at this width at most: a quarter of the pixels of {@link #SEARCH_WIDTH},
     * and a plate 100 px wide in a 1280 px frame still has characters about 8 px tall at it (cn-scenes: 6 photos won at
     * 640, 5 at 1280, where more scenery competed with the plates).
     */
    static final int EQUALISED_WIDTH = 640;

    /**
     * The tile size (pixels of the searched frame) and clip limit of the contrast equalisation of {@link #findEqualised}:
     * eight tiles across, about a car front each; clipped so a flat road's noise is not raised into strokes.
     */
    static final int EQUALISE_TILE = 80;

    static final double EQUALISE_CLIP = 3.0;

    /** Loose plate regions of a BGR frame, most plate-like first. */
    public List<PlateRegion> find(Mat bgr) {
        return find(bgr, false);
    }

    /**
     * {@link #find} with the frame's grey contrast-equalised tile by tile (CLAHE) before the text strokes are sought,
     * at {@link #EQUALISED_WIDTH}, dark strokes only (black-hat: a blue plate's light characters leave dark gaps between
     * them, and the top-hat and colour passes found no more on cn-scenes), no colour areas. The strokes' threshold is one
     * for the whole frame (Otsu), so a plate of faint strokes (at night, in haze, in the shade beside bright lights and
     * sky) falls below the strokes of the scenery; equalised, its strokes are as strong as anything else in its tile.
     * For a frame where nothing was read ({@link SecondLook}; docs/anpr.md, "Scenes with nothing read").
     */
    public List<PlateRegion> findEqualised(Mat bgr) {
        return find(bgr, true);
    }

    private List<PlateRegion> find(Mat bgr, boolean equalised) {
        if (bgr.empty() || bgr.cols() < 16 || bgr.rows() < 8) {
            return List.of();
        }
        double scale = Math.min(1.0, (double) (equalised ? EQUALISED_WIDTH : SEARCH_WIDTH) / bgr.cols());
        // a frame of the search width is searched as it is (only read, never written: no copy)
        Mat small = bgr;
        if (scale < 1.0) {
            small = new Mat();
            resize(bgr, small, new Size(), scale, scale, INTER_AREA);
        }
        Mat grey = new Mat();
        cvtColor(small, grey, COLOR_BGR2GRAY);
        List<PlateRegion> found = new ArrayList<>();
        try {
            if (equalised) {
                equalise(grey);
            }
            int textHeight = Math.max(5, small.cols() / 90);
            collect(strokes(grey, MORPH_BLACKHAT, textHeight), small, scale, PlateRegion.Source.DARK_TEXT, found);
            if (!equalised) {
                collect(strokes(grey, MORPH_TOPHAT, textHeight), small, scale, PlateRegion.Source.LIGHT_TEXT, found);
                collect(colourMask(small), small, scale, PlateRegion.Source.COLOUR, found);
            }
        } finally {
            if (small != bgr) {
                small.close();
            }
            grey.close();
        }
        found.sort(Comparator.comparingDouble(PlateRegion::score).reversed());
        return suppressOverlaps(found);
    }

    /** Contrast-limited equalisation of {@code grey} in place, in tiles of about {@link #EQUALISE_TILE} pixels. */
    private static void equalise(Mat grey) {
        Size tiles = new Size(
                Math.max(1, Math.round((float) grey.cols() / EQUALISE_TILE)),
                Math.max(1, Math.round((float) grey.rows() / EQUALISE_TILE)));
        try (CLAHE clahe = createCLAHE(EQUALISE_CLIP, tiles)) {
            clahe.apply(grey, grey);
        }
    }

    /** Blobs of dense vertical edges (text) after a black-hat or top-hat that keeps strokes of text size. */
    private static Mat strokes(Mat grey, int hat, int textHeight) {
        Mat hatted = new Mat();
        Mat gradient = new Mat();
        Mat blobs = new Mat();
        try (Mat kernel = getStructuringElement(MORPH_RECT, new Size(textHeight * 3, textHeight));
                Mat close = getStructuringElement(MORPH_RECT, new Size(textHeight * 2, Math.max(3, textHeight / 2)));
                Mat open = getStructuringElement(MORPH_RECT, new Size(Math.max(3, textHeight / 2), 3))) {
            morphologyEx(grey, hatted, hat, kernel);
            // a 3×3 Sobel of 8-bit pixels fits 16 bits exactly (|dx| ≤ 1020): the 32F gradient, half the memory
            Sobel(hatted, gradient, CV_16S, 1, 0);
            convertScaleAbs(gradient, gradient);
            GaussianBlur(gradient, gradient, new Size(5, 5), 0);
            morphologyEx(gradient, blobs, MORPH_CLOSE, close);
            threshold(blobs, blobs, 0, 255, THRESH_BINARY | THRESH_OTSU);
            morphologyEx(blobs, blobs, MORPH_OPEN, open);
            return blobs;
        } catch (RuntimeException e) {
            blobs.close();
            throw e;
        } finally {
            hatted.close();
            gradient.close();
        }
    }

    /** Areas of plate colours: blue, yellow and green with enough saturation. */
    private static Mat colourMask(Mat bgr) {
        Mat hsv = new Mat();
        Mat mask = new Mat();
        cvtColor(bgr, hsv, COLOR_BGR2HSV);
        // a hue table and two thresholds instead of one inRange per colour (each ~1 ms at 1280×720): the same
        // pixels, as saturation ≥ 90 and value ≥ 70 bound every colour alike (docs/anpr.md, "Frame path, part two")
        try (MatVector channels = new MatVector();
                BytePointer hues = new BytePointer(PLATE_HUES);
                Mat plateHues = new Mat(1, 256, CV_8U, hues)) {
            split(hsv, channels);
            LUT(channels.get(0), plateHues, mask);
            Mat saturation = channels.get(1);
            Mat value = channels.get(2);
            threshold(saturation, saturation, MIN_SATURATION - 1, 255, THRESH_BINARY);
            threshold(value, value, MIN_VALUE - 1, 255, THRESH_BINARY);
            bitwise_and(mask, saturation, mask);
            bitwise_and(mask, value, mask);
        }
        hsv.close();
        int k = Math.max(3, bgr.cols() / 200);
        try (Mat close = getStructuringElement(MORPH_RECT, new Size(k * 2, k));
                Mat open = getStructuringElement(MORPH_RECT, new Size(k, k))) {
            morphologyEx(mask, mask, MORPH_CLOSE, close);
            morphologyEx(mask, mask, MORPH_OPEN, open);
        }
        return mask;
    }

    private static byte[] plateHues() {
        byte[] table = new byte[256];
        for (int[] range : HUE_RANGES) {
            for (int h = range[0]; h <= range[1]; h++) {
                table[h] = (byte) 255;
            }
        }
        return table;
    }

    private static void collect(Mat mask, Mat frame, double scale, PlateRegion.Source source, List<PlateRegion> out) {
        MatVector contours = new MatVector();
        try {
            findContours(mask, contours, new Mat(), RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
            double frameArea = (double) frame.cols() * frame.rows();
            for (long i = 0; i < contours.size(); i++) {
                RotatedRect box = minAreaRect(contours.get(i));
                double w = Math.max(box.size().width(), box.size().height());
                double h = Math.min(box.size().width(), box.size().height());
                if (h < 8 || w < 24) {
                    continue;
                }
                double aspect = w / h;
                double area = w * h;
                if (aspect < MIN_ASPECT || aspect > MAX_ASPECT || area > frameArea * 0.25) {
                    continue;
                }
                double tilt = Math.abs(uprightAngle(box));
                if (tilt > 25) {
                    continue;
                }
                out.add(PlateRegion.of(box, scale, source, score(aspect, tilt, area / frameArea, source)));
            }
        } finally {
            contours.close();
            mask.close();
        }
    }

    /** The angle (degrees) of the box's long side from horizontal. */
    static double uprightAngle(RotatedRect box) {
        double angle = box.angle();
        if (box.size().width() < box.size().height()) {
            angle += 90;
        }
        while (angle > 90) {
            angle -= 180;
        }
        while (angle < -90) {
            angle += 180;
        }
        return angle;
    }

    /** How plate-like a candidate is: close to a plate's proportions, level, not tiny, found by colour. */
    private static double score(double aspect, double tilt, double share, PlateRegion.Source source) {
        double oneRow = Math.abs(Math.log(aspect / 4.3));
        double twoRows = Math.abs(Math.log(aspect / 1.6));
        double shape = Math.exp(-2 * Math.min(oneRow, twoRows));
        double size = Math.min(1, share * 400);
        double level = 1 - tilt / 45;
        double bonus = source == PlateRegion.Source.COLOUR ? 1.1 : 1.0;
        return shape * size * level * bonus;
    }

    /**
     * Drops regions mostly inside a better one of about their size. A region inside a much larger or much smaller one
     * is another thing: a plate inside a coloured bus front or a car body's blob, or a plate around a bright piece of
     * itself (a part of its colour or text split off), and the piece used to drop the plate (cn-scenes 062, 154, 166:
     * the plate's own region lost to a 40×25 blob inside it or to a 1201×264 body around it; docs/anpr.md, "Scenes").
     */
    static List<PlateRegion> suppressOverlaps(List<PlateRegion> sorted) {
        List<PlateRegion> kept = new ArrayList<>();
        for (PlateRegion r : sorted) {
            boolean covered = kept.stream().anyMatch(k -> covers(k, r));
            if (!covered) {
                kept.add(r);
                if (kept.size() == MAX_REGIONS) {
                    break;
                }
            }
        }
        return kept;
    }

    /** Whether region {@code a} stands for {@code b}: mostly overlapping it, and of about its size. */
    static boolean covers(PlateRegion a, PlateRegion b) {
        return a.overlap(b) > 0.6 && similarSize(a, b);
    }

    /** Whether two regions' areas are within {@link #NESTED_SIZE} of each other. */
    private static boolean similarSize(PlateRegion a, PlateRegion b) {
        double ratio = (a.width() * a.height()) / (b.width() * b.height());
        return Math.max(ratio, 1 / ratio) < NESTED_SIZE;
    }
}
