package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.awt.Font;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes {@link ProvinceTemplates}' resource: one clean render per class from the committed Noto Sans CJK subset
 * (OFL), squeezed to the plate font's width (0.52 of the height) and cut in the 0.62 × 1.1 box the reader cuts. Not
 * part of the build; deterministic (no random draws).
 *
 * <pre>
 * java -cp ... vn.bordergate.server.anpr.ProvinceTemplateWriter \
 *     server/src/main/resources/vn/bordergate/server/anpr/province-templates.bin.gz
 * </pre>
 */
public final class ProvinceTemplateWriter {
    private ProvinceTemplateWriter() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ProvinceTemplateWriter OUT.bin.gz");
            System.exit(2);
        }
        String classes = ProvinceClassifier.CLASSES;
        Font font = ProvinceClassifierTrainer.font();
        try (DataOutputStream out =
                new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(Path.of(args[0]))))) {
            out.writeUTF(classes);
            out.writeInt(ProvinceGlyph.features(new Mat(32, 24, CV_8UC1, Scalar.all(255))).length);
            for (int c = 0; c < classes.length(); c++) {
                for (float f : features(font, classes.charAt(c))) {
                    out.writeFloat(f);
                }
            }
        }
        System.out.println("saved " + args[0] + " (" + Files.size(Path.of(args[0])) + " bytes)");
    }

    /** The HOG features of one clean glyph as the reader's box holds it (a 30 px character on white). */
    static float[] features(Font font, char c) {
        double h = 30;
        try (Mat clean = ProvinceClassifierTrainer.render(font, c);
                Mat canvas = new Mat(60, 60, CV_8UC1, Scalar.all(255))) {
            ProvinceGlyphRenders.draw(canvas, clean, 30, 30, h * 0.52, h);
            int w = (int) Math.round(h * 0.62);
            int hh = (int) Math.round(h * 1.1);
            try (Mat box = new Mat(canvas, new Rect(30 - w / 2, 30 - hh / 2, w, hh))) {
                return ProvinceGlyph.features(box);
            }
        }
    }
}
