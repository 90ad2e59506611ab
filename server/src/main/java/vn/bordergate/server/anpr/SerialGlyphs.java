package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.ADAPTIVE_THRESH_MEAN_C;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.adaptiveThreshold;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Where the seven characters of a one-row Chinese plate are (province, region letter, five serial characters).
 * The plate's layout is fixed by GA 36 (440 mm wide, characters 45 × 90 mm on a 57 mm pitch, a 34 mm gap with
 * the dot after the region letter), so the character blobs that are found fix the scale and the offset of the
 * layout, and the layout gives the boxes of the characters whose blobs were not found (touching the frame,
 * broken up, smudged).
 */
final class SerialGlyphs {
    /** Centres of the seven characters from the plate's left edge, in mm. */
    static final double[] CENTRES = {38, 95, 174, 231, 288, 345, 402};

    static final int COUNT = CENTRES.length;

    /** Character height in mm. */
    static final double HEIGHT_MM = 90;

    /** The pitch in mm, for the tolerance of a blob's fit to its place. */
    static final double PITCH_MM = 57;

    /** Fewer character blobs in place than this, and the layout's placement is too unsure to read by. */
    static final int MIN_MATCHED = 4;

    /**
     * How many placements {@link #placements} gives. Letting the classifier choose between the best two (the surer
     * one as a whole) was tried: 61 against 68 held-out cn-crops serials right, so one.
     */
    static final int PLACEMENTS = 1;

    /**
     * The widest placement tried, against the scale the blobs' height gives. Crops squeezed to a fixed size (cn-crops
     * are 94 × 24) or blobs cut short by the threshold make the characters wider apart than their height says: with
     * 1.4 the right placement was out of reach and a squeezed one, off by a place, won (held-out serials 99 → 108 of
     * 247 with 1.8; 2.2 gave the same).
     */
    static final double MAX_SCALE = Double.parseDouble(System.getProperty("anpr.fitMaxScale", "1.8"));

    private SerialGlyphs() {}

    /**
     * The boxes of the seven characters in a grey crop (dark text on light), in the layout's order; a box is null
     * when its place falls outside the crop. Null when fewer than 3 character blobs are in the band, or they do not
     * fit the layout.
     */
    static Rect[] boxes(Mat grey, Rect band) {
        List<Rect[]> all = placements(grey, band);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The {@link #PLACEMENTS} best placements of the layout, best first, each as {@link #boxes}. */
    static List<Rect[]> placements(Mat grey, Rect band) {
        // faint or unevenly lit characters merge with the plate under one global threshold: add local ones
        return placements(grey, band, withGlobalBlobs(grey, localBlobs(grey, band)));
    }

    /**
     * Boxes as {@link #boxes}, from the blobs left when the frame's long horizontal runs are cut from a local threshold
     * ({@link FrameCutBlobs}): for a crop where {@link #boxes} finds no placement.
     */
    static Rect[] strippedBoxes(Mat grey, Rect band) {
        List<Rect[]> all = placements(grey, band, withGlobalBlobs(grey, FrameCutBlobs.of(grey, band)));
        return all.isEmpty() ? null : all.get(0);
    }

    /** The crop's character blobs under its global threshold, and those of {@code local} that overlap none of them. */
    private static List<Rect> withGlobalBlobs(Mat grey, List<Rect> local) {
        List<Rect> found = new ArrayList<>(PlateRows.characterBlobs(grey));
        for (Rect b : local) {
            if (found.stream().noneMatch(o -> overlaps(o, b))) {
                found.add(b);
            }
        }
        return found;
    }

    private static List<Rect[]> placements(Mat grey, Rect band, List<Rect> found) {
        List<Rect> blobs = new ArrayList<>();
        for (Rect b : found) {
            double cy = b.y() + b.height() / 2.0;
            if (cy >= band.y() && cy <= band.y() + band.height()) {
                blobs.add(b);
            }
        }
        if (blobs.size() < 3) {
            return List.of();
        }
        blobs.sort(Comparator.comparingInt(Rect::x));
        double height =
                ProvinceGlyph.median(blobs.stream().mapToDouble(Rect::height).toArray());
        double base = height / HEIGHT_MM;
        double[] centreX = blobs.stream().mapToDouble(ProvinceGlyph::centreX).toArray();
        int width = grey.cols();
        List<LayoutFit> fits = new ArrayList<>();
        for (double scale = base * 0.45; scale <= base * MAX_SCALE; scale += base * 0.02) {
            for (double blobX : centreX) {
                for (double centre : CENTRES) {
                    LayoutFit fit = LayoutFit.of(centreX, blobX - scale * centre, scale, width);
                    if (fit.matched() >= MIN_MATCHED) {
                        fits.add(fit);
                    }
                }
            }
        }
        fits.sort((a, b) -> a.better(b) ? -1 : b.better(a) ? 1 : 0);
        if (OFF_CENTRE > 0 && !fits.isEmpty() && fits.get(0).pushedRight()) {
            // the province place on the region letter, the last on the frame: a centred placement instead
            List<LayoutFit> centred = fits.stream()
                    .filter(f -> Math.abs(f.offCentre()) <= OFF_CENTRE)
                    .toList();
            if (!centred.isEmpty()) {
                fits = centred;
            }
        }
        List<Rect[]> out = new ArrayList<>();
        List<LayoutFit> kept = new ArrayList<>();
        for (LayoutFit fit : fits) {
            // a second placement only when it puts the characters elsewhere (one place along, another scale)
            if (kept.stream().noneMatch(k -> k.sameAs(fit))) {
                kept.add(fit);
                out.add(fit.boxes(blobs, grey.cols(), grey.rows()));
                if (out.size() == PLACEMENTS) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * How far right of the crop's middle, in pitches, a placement whose last place reaches the crop's right edge may
     * sit before the best placement within that distance of the middle is taken instead ({@link LayoutFit#pushedRight});
     * 0 turns the check off ({@code -Danpr.offCentre=0}). The seven characters stand in the plate's middle (15.5 mm of
     * plate either side) and a crop holds the plate: a pitch of empty crop on the left means the small province glyph
     * left no blob and the fit went one place right, the province place on the region letter and the last on the
     * frame. On cn-crops no glyph read that is right sits more than about a pitch off the middle. Only this pattern is
     * checked: a finder's cut is not centred on the plate (docs/anpr.md, branch cnserial).
     */
    static final double OFF_CENTRE = Double.parseDouble(System.getProperty("anpr.offCentre", "1.0"));

    /** Character-shaped blobs of dark ink under a local (adaptive) threshold sized to the band. */
    static List<Rect> localBlobs(Mat grey, Rect band) {
        try (Mat ink = new Mat()) {
            adaptiveThreshold(grey, ink, 255, ADAPTIVE_THRESH_MEAN_C, THRESH_BINARY_INV, localBlock(band), 4);
            return characterShaped(ink, band, 0.45, 1.0);
        }
    }

    /** The block of a band's local threshold: half its height, odd. */
    static int localBlock(Rect band) {
        return Math.max(3, (band.height() / 2) | 1);
    }

    /**
     * The blobs of {@code ink} (white on black) shaped like a character of the band: between {@code minHeight} and
     * {@code maxHeight} of its height tall (5 px at least), at most 0.9 of their height wide, and neither a thin line nor
     * a filled block.
     */
    static List<Rect> characterShaped(Mat ink, Rect band, double minHeight, double maxHeight) {
        List<Rect> out = new ArrayList<>();
        try (Mat labels = new Mat();
                Mat stats = new Mat();
                Mat centroids = new Mat()) {
            int n = connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
            try (IntIndexer s = stats.createIndexer()) {
                for (int i = 1; i < n; i++) {
                    int bw = s.get(i, CC_STAT_WIDTH);
                    int bh = s.get(i, CC_STAT_HEIGHT);
                    int area = s.get(i, CC_STAT_AREA);
                    boolean tall = bh >= band.height() * minHeight && bh <= band.height() * maxHeight && bh >= 5;
                    boolean shaped = bw <= bh * 0.9 && bw * 10 >= bh;
                    boolean solid = area >= bw * bh * 0.15 && area <= bw * bh * 0.95;
                    if (tall && shaped && solid) {
                        out.add(new Rect(s.get(i, CC_STAT_LEFT), s.get(i, CC_STAT_TOP), bw, bh));
                    }
                }
            }
        }
        return out;
    }

    private static boolean overlaps(Rect a, Rect b) {
        int w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        int h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        return w > 0 && h > 0 && w * h > 0.3 * Math.min(a.area(), b.area());
    }
}
