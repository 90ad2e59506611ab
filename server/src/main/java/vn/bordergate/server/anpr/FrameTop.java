package vn.bordergate.server.anpr;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The frame's top edge (or the dark body above the plate) inside a row's line image: a band of ink across most of
 * the row, above the characters, which Otsu's threshold joins to the characters' tops (a {@code 9} whose loop runs
 * into it reads as {@code O}, a {@code 5} as {@code S}). Character tops never cover most of a row's width.
 */
final class FrameTop {
    /** A pixel row with ink over at least this share of its width is part of the bar. */
    static final double BAR = 0.7;

    /** The bar is looked for only in this top share of the line's rows. */
    static final double REACH = 0.35;

    private FrameTop() {}

    /**
     * Erases (sets to 0) the rows of {@code ink} (ink = 255) from the top down to the lowest bar row within
     * {@link #REACH}, character tops joined to the bar included; returns how many rows went (0: no bar).
     */
    static int clear(Mat ink) {
        return clear(ink, BAR);
    }

    private static int clear(Mat ink, double bar) {
        int w = ink.cols();
        int reach = (int) (ink.rows() * REACH);
        int lowest = -1;
        try (UByteIndexer p = ink.createIndexer()) {
            for (int y = 0; y < reach; y++) {
                int inked = 0;
                for (int x = 0; x < w; x++) {
                    if (p.get(y, x) != 0) {
                        inked++;
                    }
                }
                if (inked >= bar * w) {
                    lowest = y;
                }
            }
            for (int y = 0; y <= lowest; y++) {
                for (int x = 0; x < w; x++) {
                    p.put(y, x, 0);
                }
            }
        }
        return lowest + 1;
    }

    /**
     * {@link #clear} upside down: the frame's bottom edge under a two-row plate's bottom row, which Otsu's threshold
     * joins to the digits' feet and to the frame's sides, so that the row reads as a box Tesseract skips.
     */
    static int clearBottom(Mat ink) {
        org.bytedeco.opencv.global.opencv_core.flip(ink, ink, 0);
        try {
            return clear(ink, BAR);
        } finally {
            org.bytedeco.opencv.global.opencv_core.flip(ink, ink, 0);
        }
    }
}
