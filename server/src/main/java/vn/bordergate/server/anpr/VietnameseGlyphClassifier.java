package vn.bordergate.server.anpr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * Reads the letters and digits of a Vietnamese plate row one glyph at a time: a small convolutional network
 * ({@link GlyphCnn}) trained only on renders of open-licence condensed fonts ({@link VietnameseGlyphRenders},
 * {@code server/tools/train_vn_glyph_cnn.py}). Tesseract's English model confuses the plate typeface's {@code 4/6},
 * {@code 6/8}, {@code 1/7} and {@code 5/6/9}; this second opinion is asked only to choose among plates the
 * Tesseract reads already gave ({@link CropVote}). Loaded from the classpath; thread-safe.
 */
final class VietnameseGlyphClassifier {
    static final String RESOURCE = "vn-glyph-cnn.onnx";

    /** The classes, in the order of the network's outputs: digits and the series letters (no I, J, O or W). */
    static final String CLASSES = "0123456789ABCDEFGHKLMNPQRSTUVXYZ";

    /** The network's input: a glyph box resized to this many pixels across and down ({@link GlyphCnn#input}). */
    static final int WIDTH = 24;

    static final int HEIGHT = 32;

    private final GlyphCnn network;

    private VietnameseGlyphClassifier(GlyphCnn network) {
        this.network = network;
    }

    /** The network committed beside this class. */
    static VietnameseGlyphClassifier bundled() {
        return new VietnameseGlyphClassifier(GlyphCnn.load(RESOURCE, WIDTH, HEIGHT));
    }

    /** A network exported by {@code train_vn_glyph_cnn.py} (ONNX), for measuring a new model. */
    static VietnameseGlyphClassifier fromFile(Path file) throws IOException {
        return new VietnameseGlyphClassifier(GlyphCnn.read(Files.readAllBytes(file), WIDTH, HEIGHT));
    }

    /** The tensor the network sees for a glyph box (grey, dark on light). */
    static float[] input(Mat glyph) {
        return GlyphCnn.input(glyph, WIDTH, HEIGHT);
    }

    /** The probability of each of {@link #CLASSES} for one glyph image (grey, dark on light, framed as boxed). */
    double[] probabilities(Mat glyph) {
        return network.probabilities(List.of(input(glyph)))[0];
    }

    /** Per character box of the row {@code band} (left to right), the probabilities of {@link #CLASSES}. */
    List<double[]> read(Mat grey, Rect band) {
        return read(grey, PlateRows.characterBlobs(grey), band);
    }

    /** {@link #read(Mat, Rect)} given the crop's {@link PlateRows#characterBlobs}. */
    List<double[]> read(Mat grey, List<Rect> characterBlobs, Rect band) {
        List<float[]> inputs = new ArrayList<>();
        for (Rect box : VietnameseGlyphs.boxes(grey, characterBlobs, band)) {
            try (Mat glyph = VietnameseGlyphs.cut(grey, box)) {
                inputs.add(input(glyph));
            }
        }
        return probabilities(inputs);
    }

    /** The probabilities of {@link #CLASSES} for each of the inputs, in one forward pass (a row at a time). */
    List<double[]> probabilities(List<float[]> inputs) {
        return inputs.isEmpty() ? List.of() : List.of(network.probabilities(inputs));
    }

    /** The three most likely characters of a glyph as one grammar position. */
    static PlateGrammarSymbol symbol(double[] p) {
        return ProvinceClassifier.symbol(p, CLASSES);
    }
}
