package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Where the characters of a one-row Vietnamese plate are: its character-sized blobs in the row, left to right, each
 * framed the way {@link VietnameseGlyphRenders} frames a rendered glyph (centred, 0.62 × 1.1 of the row's common
 * character height). The dash and the dot are too small to be character blobs, so the boxes are the plate's
 * letters and digits in reading order when every character stands apart.
 */
final class VietnameseGlyphs {
    /** A box's width and height in character heights (a plate character is about 0.5 wide; room for a stroke). */
    static final double BOX_WIDTH = 0.62;

    static final double BOX_HEIGHT = 1.1;

    /** A blob wider than this many character heights is two characters touching, split in the middle. */
    static final double TWO_WIDE = 0.95;

    private VietnameseGlyphs() {}

    /** The character boxes of the row {@code band} of a grey crop (dark text on light), left to right. */
    static List<Rect> boxes(Mat grey, Rect band) {
        return boxes(grey, PlateRows.characterBlobs(grey), band);
    }

    /** {@link #boxes(Mat, Rect)} given the crop's {@link PlateRows#characterBlobs}. */
    static List<Rect> boxes(Mat grey, List<Rect> characterBlobs, Rect band) {
        List<Rect> blobs = new ArrayList<>();
        for (Rect b : characterBlobs) {
            double cy = b.y() + b.height() / 2.0;
            if (cy >= band.y() && cy <= band.y() + band.height()) {
                blobs.add(b);
            }
        }
        if (blobs.isEmpty()) {
            return List.of();
        }
        blobs.sort(Comparator.comparingInt(Rect::x));
        double height =
                ProvinceGlyph.median(blobs.stream().mapToDouble(Rect::height).toArray());
        List<Rect> out = new ArrayList<>();
        for (Rect b : blobs) {
            if (b.width() > TWO_WIDE * height) {
                int half = b.width() / 2;
                out.add(frame(grey, b.x() + half / 2.0, b.y() + b.height() / 2.0, height));
                out.add(frame(grey, b.x() + half + (b.width() - half) / 2.0, b.y() + b.height() / 2.0, height));
            } else {
                out.add(frame(grey, b.x() + b.width() / 2.0, b.y() + b.height() / 2.0, height));
            }
        }
        return out;
    }

    /**
     * The box of a character centred at ({@code cx}, {@code cy}); it may reach past the crop's edge (cut it with
     * {@link #cut}, which pads), so a character at the edge keeps its shape.
     */
    static Rect frame(Mat grey, double cx, double cy, double height) {
        int w = Math.max(3, (int) Math.round(height * BOX_WIDTH));
        int h = Math.max(5, (int) Math.round(height * BOX_HEIGHT));
        return new Rect((int) Math.round(cx - w / 2.0), (int) Math.round(cy - h / 2.0), w, h);
    }

    /** A copy of {@code box} of the grey crop; where the box reaches past the crop, the crop's edge is repeated. */
    static Mat cut(Mat grey, Rect box) {
        int left = Math.max(0, -box.x());
        int top = Math.max(0, -box.y());
        int right = Math.max(0, box.x() + box.width() - grey.cols());
        int bottom = Math.max(0, box.y() + box.height() - grey.rows());
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int w = Math.min(grey.cols(), box.x() + box.width()) - x0;
        int h = Math.min(grey.rows(), box.y() + box.height()) - y0;
        Mat out = new Mat();
        if (w <= 0 || h <= 0) {
            return new Mat(box.height(), box.width(), grey.type(), org.bytedeco.opencv.opencv_core.Scalar.all(255));
        }
        try (Mat inside = new Mat(grey, new Rect(x0, y0, w, h))) {
            org.bytedeco.opencv.global.opencv_core.copyMakeBorder(
                    inside, out, top, bottom, left, right, org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE);
        }
        return out;
    }
}
