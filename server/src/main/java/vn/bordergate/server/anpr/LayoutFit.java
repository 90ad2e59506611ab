package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * One placement of a Chinese plate's layout ({@link SerialGlyphs}): offset and scale, and which blob (if any) sits at
 * each place.
 */
record LayoutFit(double offset, double scale, int[] blobAt, int matched, double error, double outside, int width) {
    /**
     * The placement at {@code offset} and {@code scale} of blobs whose centres are {@code centreX} (plain numbers: a
     * placement search tries thousands of fits, and each {@code Rect} getter is a native call).
     */
    static LayoutFit of(double[] centreX, double offset, double scale, int width) {
        int[] at = new int[SerialGlyphs.COUNT];
        boolean[] used = new boolean[centreX.length];
        int matched = 0;
        double error = 0;
        double outside = 0;
        double tolerance = 0.25 * SerialGlyphs.PITCH_MM * scale;
        for (int k = 0; k < SerialGlyphs.COUNT; k++) {
            double x = offset + scale * SerialGlyphs.CENTRES[k];
            at[k] = -1;
            double nearest = tolerance;
            for (int i = 0; i < centreX.length; i++) {
                double d = Math.abs(centreX[i] - x);
                if (!used[i] && d < nearest) {
                    nearest = d;
                    at[k] = i;
                }
            }
            if (at[k] >= 0) {
                used[at[k]] = true;
                matched++;
                error += nearest / tolerance;
            }
            double half = 22.5 * scale;
            outside += Math.max(0, -(x - half)) + Math.max(0, x + half - width);
        }
        return new LayoutFit(offset, scale, at, matched, error, outside / (45 * scale), width);
    }

    /**
     * Blobs in place (the province's counts half: its glyph breaks into pieces that land anywhere), less the
     * places off the crop (a plate is seldom cut: a fit one place off puts the province outside).
     */
    double score() {
        return matched - (blobAt[0] >= 0 ? 0.5 : 0) - 1.5 * outside;
    }

    /**
     * How far right of the crop's middle the layout sits, in pitches: the crop's room left of the first place's
     * centre less its room right of the last one's (negative: left of the middle).
     */
    double offCentre() {
        double left = offset + scale * SerialGlyphs.CENTRES[0];
        double right = width - offset - scale * SerialGlyphs.CENTRES[SerialGlyphs.COUNT - 1];
        return (left - right) / (SerialGlyphs.PITCH_MM * scale);
    }

    /**
     * Whether the last place reaches the crop's right edge while the layout sits more than {@link
     * SerialGlyphs#OFF_CENTRE} pitches right of the crop's middle: room for a character is left on the left.
     */
    boolean pushedRight() {
        return offCentre() > SerialGlyphs.OFF_CENTRE
                && offset + scale * (SerialGlyphs.CENTRES[SerialGlyphs.COUNT - 1] + 22.5) >= width - 1;
    }

    /** Whether the two put the last character at the same place (within a third of a pitch). */
    boolean sameAs(LayoutFit other) {
        double last = offset + scale * SerialGlyphs.CENTRES[SerialGlyphs.COUNT - 1];
        double otherLast = other.offset + other.scale * SerialGlyphs.CENTRES[SerialGlyphs.COUNT - 1];
        return Math.abs(last - otherLast) < SerialGlyphs.PITCH_MM * scale / 3
                && Math.abs(offset
                                + scale * SerialGlyphs.CENTRES[1]
                                - other.offset
                                - other.scale * SerialGlyphs.CENTRES[1])
                        < SerialGlyphs.PITCH_MM * scale / 3;
    }

    /** More blobs in place, then fewer places off the crop, then a closer fit. */
    boolean better(LayoutFit other) {
        double mine = score();
        double theirs = other.score();
        if (Math.abs(mine - theirs) > 1e-9) {
            return mine > theirs;
        }
        return error < other.error;
    }

    Rect[] boxes(List<Rect> blobs, int width, int height) {
        // the characters' vertical centre and height follow the matched blobs (a line through them for tilt)
        List<double[]> points = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        for (int k = 0; k < SerialGlyphs.COUNT; k++) {
            if (blobAt[k] >= 0) {
                Rect b = blobs.get(blobAt[k]);
                points.add(new double[] {ProvinceGlyph.centreX(b), b.y() + b.height() / 2.0});
                heights.add((double) b.height());
            }
        }
        // the layout's scale gives the height when the matched blobs disagree with it (frame bits, merged blobs)
        double charHeight = ProvinceGlyph.median(
                heights.stream().mapToDouble(Double::doubleValue).toArray());
        double expected = SerialGlyphs.HEIGHT_MM * scale;
        if (charHeight < expected * 0.8 || charHeight > expected * 1.25) {
            charHeight = expected;
        }
        double[] line = line(points);
        Rect[] out = new Rect[SerialGlyphs.COUNT];
        // the width follows the pitch, not the height: a plate seen at an angle is narrower, not shorter
        double w = Math.min(charHeight * 0.62, 1.2 * 45 * scale);
        double h = charHeight * 1.1;
        for (int k = 0; k < SerialGlyphs.COUNT; k++) {
            double cx = blobAt[k] >= 0
                    ? ProvinceGlyph.centreX(blobs.get(blobAt[k]))
                    : offset + scale * SerialGlyphs.CENTRES[k];
            double cy = line[0] + line[1] * cx;
            int x0 = (int) Math.round(Math.max(0, cx - w / 2));
            int y0 = (int) Math.round(Math.max(0, cy - h / 2));
            int x1 = (int) Math.round(Math.min(width, cx + w / 2));
            int y1 = (int) Math.round(Math.min(height, cy + h / 2));
            out[k] = x1 - x0 < Math.max(3, w * 0.5) || y1 - y0 < 5 ? null : new Rect(x0, y0, x1 - x0, y1 - y0);
        }
        return out;
    }

    /** Least-squares line y = a + b·x through the points; flat through their mean when fewer than 2. */
    private static double[] line(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        if (n < 2 || Math.abs(denominator) < 1e-9) {
            return new double[] {sy / Math.max(1, n), 0};
        }
        double b = (n * sxy - sx * sy) / denominator;
        // a plate is never tilted more than about 15° after straightening
        b = Math.max(-0.27, Math.min(0.27, b));
        return new double[] {(sy - b * sx) / n, b};
    }
}
