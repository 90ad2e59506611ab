package vn.bordergate.server.anpr;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Writes the glyphs {@code server/tools/train_vn_glyph_cnn.py} trains and measures the Vietnamese glyph network on,
 * as {@link GlyphCnn#input} tensors in {@link GlyphCnn#writeSamples}' format, so Java and Python see the same inputs.
 * Not part of the build.
 *
 * <pre>
 * java -cp … vn.bordergate.server.anpr.VietnameseGlyphExport OUT_DIR server/tools/plate-fonts [VN_ONE_ROW_FOLDER]
 * </pre>
 *
 * {@code renders.bin}: the training renders ({@link VietnameseGlyphRenders#sample}, seeded), every class of every
 * font. {@code renders-check.bin}: fresh renders with another seed, to stop training. {@code real.bin}, only when a
 * folder is given: the one-row crops' glyphs cut as {@link VietnameseGlyphMeasure} cuts them, labelled — those photos
 * carry no licence to train on, so the trainer only ever measures on them.
 */
public final class VietnameseGlyphExport {
    private static final int PER_CLASS_AND_FONT = Integer.getInteger("vnglyph.samples", 120);
    private static final int CHECK_PER_CLASS_AND_FONT = 8;

    private VietnameseGlyphExport() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: VietnameseGlyphExport OUT_DIR FONT_FOLDER [VN_ONE_ROW_FOLDER]");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        List<Font> fonts = VietnameseGlyphRenders.fonts(Path.of(args[1]));
        renders(fonts, PER_CLASS_AND_FONT, new Random(20261125L), out.resolve("renders.bin"));
        renders(fonts, CHECK_PER_CLASS_AND_FONT, new Random(7L), out.resolve("renders-check.bin"));
        if (args.length > 2) {
            real(Path.of(args[2]), out.resolve("real.bin"));
        }
    }

    private static void renders(List<Font> fonts, int perClassAndFont, Random random, Path file) throws Exception {
        String classes = VietnameseGlyphClassifier.CLASSES;
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Font font : fonts) {
            for (int c = 0; c < classes.length(); c++) {
                for (int k = 0; k < perClassAndFont; k++) {
                    try (Mat glyph = VietnameseGlyphRenders.sample(font, classes.charAt(c), random)) {
                        inputs.add(VietnameseGlyphClassifier.input(glyph));
                        labels.add(c);
                    }
                }
            }
        }
        write(file, inputs, labels);
        System.out.printf("%s: %d renders of %d fonts%n", file, inputs.size(), fonts.size());
    }

    /** The glyphs of the crops whose boxes are one per label character, as the measure cuts them. */
    private static void real(Path folder, Path file) throws Exception {
        List<float[]> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        ScoredCrops.forEach(folder, Integer.MAX_VALUE, (label, grey) -> {
            String plate = label.plate();
            PlateRows rows = PlateRows.of(grey);
            List<Rect> boxes = VietnameseGlyphs.boxes(grey, rows.top());
            if (rows.twoRows() || boxes.size() != plate.length()) {
                return;
            }
            for (int k = 0; k < boxes.size(); k++) {
                int index = VietnameseGlyphClassifier.CLASSES.indexOf(plate.charAt(k));
                if (index < 0) {
                    continue; // a class the network has no output for (I, J, O, W): not measurable
                }
                try (Mat glyph = VietnameseGlyphs.cut(grey, boxes.get(k))) {
                    inputs.add(VietnameseGlyphClassifier.input(glyph));
                    labels.add(index);
                }
            }
        });
        write(file, inputs, labels);
        System.out.printf("%s: %d real glyphs (measuring only)%n", file, inputs.size());
    }

    private static void write(Path file, List<float[]> inputs, List<Integer> labels) throws Exception {
        GlyphCnn.writeSamples(file, VietnameseGlyphClassifier.WIDTH, VietnameseGlyphClassifier.HEIGHT, inputs, labels);
    }
}
