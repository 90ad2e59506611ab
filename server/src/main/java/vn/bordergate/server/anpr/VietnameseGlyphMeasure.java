package vn.bordergate.server.anpr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Measures {@link VietnameseGlyphClassifier} on a labelled folder of one-row Vietnamese crops: the glyph accuracy
 * over the crops whose character boxes are as many as their label's characters. For measuring only (those photo
 * sets carry no licence to train on).
 *
 * <pre>
 * java -cp … vn.bordergate.server.anpr.VietnameseGlyphMeasure VN_ONE_ROW_FOLDER [MODEL.onnx]
 * </pre>
 */
public final class VietnameseGlyphMeasure {
    private VietnameseGlyphMeasure() {}

    public static void main(String[] args) throws Exception {
        VietnameseGlyphClassifier classifier = args.length > 1
                ? VietnameseGlyphClassifier.fromFile(Path.of(args[1]))
                : VietnameseGlyphClassifier.bundled();
        print(classifier, Path.of(args[0]));
    }

    /** The most likely digit (or letter) of a glyph's probabilities. */
    static char bestOfType(double[] p, boolean digit) {
        String classes = VietnameseGlyphClassifier.CLASSES;
        int best = -1;
        for (int i = 0; i < p.length; i++) {
            if (Character.isDigit(classes.charAt(i)) == digit && (best < 0 || p[i] > p[best])) {
                best = i;
            }
        }
        return classes.charAt(best);
    }

    /** What {@link #measure} counted: crops read, crops with one box per character, glyphs right of glyphs. */
    record Count(int crops, int matched, int right, int total, Map<String, Integer> confusions) {}

    /** Prints the boxes' match rate, the glyph accuracy and the most common confusions. */
    static void print(VietnameseGlyphClassifier classifier, Path folder) throws Exception {
        Count c = measure(classifier, folder, Integer.MAX_VALUE);
        System.out.printf(
                "%d crops, %d with one box per character; glyphs %d/%d right among their own kind (digit or letter) (%.1f %%)%n",
                c.crops(), c.matched(), c.right(), c.total(), 100.0 * c.right() / Math.max(1, c.total()));
        c.confusions().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(30)
                .forEach(e -> System.out.print(e.getKey() + " " + e.getValue() + ", "));
        System.out.println();
    }

    /** The glyph accuracy over the first {@code maxCrops} labelled crops of the folder. */
    static Count measure(VietnameseGlyphClassifier classifier, Path folder, int maxCrops) throws Exception {
        int[] counts = new int[3]; // matched, right, total
        Map<String, Integer> confusions = new TreeMap<>();
        int crops = ScoredCrops.forEach(folder, maxCrops, (label, grey) -> {
            String plate = label.plate();
            PlateRows rows = PlateRows.of(grey);
            List<Rect> boxes = VietnameseGlyphs.boxes(grey, rows.top());
            if (rows.twoRows() || boxes.size() != plate.length()) {
                return;
            }
            counts[0]++;
            List<double[]> read = classifier.read(grey, rows.top());
            for (int k = 0; k < read.size(); k++) {
                char truth = plate.charAt(k);
                // the classifier only ever chooses among valid plates: a digit's place against digits only
                char best = bestOfType(read.get(k), Character.isDigit(truth));
                counts[2]++;
                if (best == truth) {
                    counts[1]++;
                } else {
                    confusions.merge(truth + "→" + best, 1, Integer::sum);
                }
            }
        });
        return new Count(crops, counts[0], counts[1], counts[2], confusions);
    }
}
