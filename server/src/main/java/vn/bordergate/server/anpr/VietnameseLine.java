package vn.bordergate.server.anpr;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The line image the Vietnamese line network ({@code vn-line-ctc.onnx}, {@link LineCtc}) reads: the grey row band of a
 * one-row crop as the reader finds it ({@link CropGrey#straight}, {@link PlateRows}), unbinarised, so the network sees
 * what a threshold would lose on a blurred or low crop. Its training lines ({@link VietnameseLineSamples}) and its
 * measurement are cut by this same code.
 */
final class VietnameseLine {
    /** The network's input: a one-row band is about 4.5 times as wide as high on vn-one-row. */
    static final int WIDTH = 144;

    static final int HEIGHT = 32;

    /** The characters of a Vietnamese plate's rows, as the glyph classifier's. */
    static final String ALPHABET = VietnameseGlyphClassifier.CLASSES;

    /** The trained network beside this class ({@code server/tools/train_vn_line_ctc.py}). */
    static final String RESOURCE = "vn-line-ctc.onnx";

    private VietnameseLine() {}

    /** The bundled network. */
    static LineCtc bundled() {
        return LineCtc.load(RESOURCE, WIDTH, HEIGHT, ALPHABET);
    }

    /** The network's say on a one-row crop ({@link VietnameseLineVote}); none for a two-row crop. */
    static VietnameseLineVote vote(LineCtc network, Mat grey, PlateRows rows) {
        float[] input = network == null ? null : input(grey, rows);
        return input == null
                ? VietnameseLineVote.NONE
                : new VietnameseLineVote(
                        network, network.logProbabilities(List.of(input)).get(0));
    }

    /** The network's input for a one-row crop's straight grey image and rows; null for a two-row crop. */
    static float[] input(Mat grey, PlateRows rows) {
        if (rows.twoRows()) {
            return null;
        }
        return input(grey, rows.top());
    }

    /** The network's input for the band {@code band} of a straight grey crop. */
    static float[] input(Mat grey, Rect band) {
        try (Mat line = new Mat(grey, band)) {
            return LineCtc.input(line, WIDTH, HEIGHT);
        }
    }
}
