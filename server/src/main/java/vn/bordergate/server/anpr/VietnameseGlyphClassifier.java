package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_ml.ANN_MLP;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * Reads the letters and digits of a one-row Vietnamese plate one glyph at a time: HOG features
 * ({@link ProvinceGlyph#features}) into a small OpenCV multilayer perceptron trained only on renders of open-licence
 * condensed fonts ({@link VietnameseGlyphTrainer}). Tesseract's English model confuses the plate typeface's
 * {@code 4/6}, {@code 6/8}, {@code 1/7} and {@code 5/6/9}; this second opinion is asked only to choose among
 * plates the Tesseract reads already gave ({@link CropVote}). Loaded from the classpath; thread-safe.
 */
final class VietnameseGlyphClassifier {
    static final String RESOURCE = "vn-glyph-mlp.yml.gz";

    /** The classes, in the order of the network's outputs: digits and the series letters (no I, J, O or W). */
    static final String CLASSES = "0123456789ABCDEFGHKLMNPQRSTUVXYZ";

    private final ANN_MLP network;

    VietnameseGlyphClassifier(ANN_MLP network) {
        this.network = network;
    }

    /** The classifier committed beside this class. */
    static VietnameseGlyphClassifier bundled() {
        return new VietnameseGlyphClassifier(SerialClassifier.load(RESOURCE));
    }

    /** A network saved by {@link VietnameseGlyphTrainer} (gzipped OpenCV YAML), for measuring a new model. */
    static VietnameseGlyphClassifier fromFile(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            return new VietnameseGlyphClassifier(SerialClassifier.read(in, file.toString()));
        }
    }

    /** The probability of each of {@link #CLASSES} for one glyph image (grey, dark on light, framed as boxed). */
    double[] probabilities(Mat glyph) {
        return ProvinceClassifier.softmax(network, ProvinceGlyph.features(glyph), CLASSES.length());
    }

    /** Per character box of the row {@code band} (left to right), the probabilities of {@link #CLASSES}. */
    List<double[]> read(Mat grey, Rect band) {
        return read(grey, PlateRows.characterBlobs(grey), band);
    }

    /** {@link #read(Mat, Rect)} given the crop's {@link PlateRows#characterBlobs}. */
    List<double[]> read(Mat grey, List<Rect> characterBlobs, Rect band) {
        List<double[]> out = new ArrayList<>();
        for (Rect box : VietnameseGlyphs.boxes(grey, characterBlobs, band)) {
            try (Mat glyph = VietnameseGlyphs.cut(grey, box)) {
                out.add(probabilities(glyph));
            }
        }
        return out;
    }

    /** The three most likely characters of a glyph as one grammar position. */
    static PlateGrammarSymbol symbol(double[] p) {
        return ProvinceClassifier.symbol(p, CLASSES);
    }
}
