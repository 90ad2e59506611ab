package vn.bordergate.server.anpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Font;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The clean province templates ({@link ProvinceTemplates}): the committed resource is what
 * {@link ProvinceTemplateWriter} writes, they have no say on small crop glyphs, and on scene photos they mend the
 * network's 京/宁, 浙/湘 and 津 confusions (docs/anpr.md, "Province: clean templates as a second opinion").
 */
class ProvinceTemplatesTest {
    @Test
    void theCommittedTemplatesAreWhatTheWriterWrites() throws Exception {
        ProvinceTemplates templates = ProvinceTemplates.bundled();
        assertEquals(ProvinceClassifier.CLASSES, templates.classes());
        Font font = ProvinceClassifierTrainer.font();
        for (int c = 0; c < ProvinceClassifier.CLASSES.length(); c++) {
            float[] written = ProvinceTemplateWriter.features(font, ProvinceClassifier.CLASSES.charAt(c));
            // the template as a whole, not feature by feature: another JDK's font rasteriser may move a grey level
            // here and there, which moves single gradients far more than the template's direction
            float[] committed = templates.template(c);
            assertEquals(written.length, committed.length);
            assertTrue(
                    cosine(written, committed) >= 0.999,
                    "template of " + ProvinceClassifier.CLASSES.charAt(c) + ": cosine " + cosine(written, committed));
            double[] p = templates.probabilities(written);
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                best = p[i] > p[best] ? i : best;
            }
            assertEquals(c, best, "clean render of " + ProvinceClassifier.CLASSES.charAt(c));
        }
    }

    @Test
    void aGlyphOfAnotherLengthIsRefused() {
        ProvinceTemplates templates = ProvinceTemplates.bundled();
        float[] shorter = new float[ProvinceGlyph.featureLength() - 1];
        assertThrows(IllegalArgumentException.class, () -> templates.probabilities(shorter));
    }

    @Test
    void aSmallCropGlyphIsTheNetworksAloneALargeOneIsMixed() throws Exception {
        ProvinceClassifier classifier = ProvinceClassifier.bundled(0);
        float[] features = ProvinceTemplateWriter.features(ProvinceClassifierTrainer.font(), '湘');
        // a 94 × 24 crop gives the glyph a box about 14 px high: the clean templates do not match such blurred glyphs
        assertArrayEquals(classifier.probabilities(features), classifier.probabilities(features, 14), 1e-12);
        assertNotEquals(classifier.probabilities(features)[0], classifier.probabilities(features, 30)[0]);
        assertEquals(0, ProvinceTemplates.weight(ProvinceTemplates.NO_HEIGHT));
        assertEquals(ProvinceTemplates.WEIGHT, ProvinceTemplates.weight(ProvinceTemplates.FULL_HEIGHT));
    }

    @Test
    void sceneProvincesTheNetworkAloneMisreadAreReadRight() {
        Optional<Path> set = TestImages.realSet("cn-scenes");
        assumeTrue(set.isPresent(), "../shared/plates/cn-scenes is not on this machine");
        // on main c446c37 (the network alone) these read 宁H99999, 沪A13840 and 甘LS2999
        String[][] photos = {{"easypr_003.jpg", "京H99999"}, {"easypr_062.jpg", "浙A13840"}, {"easypr_054.jpg", "津LS2999"}
        };
        try (PlateReader reader = new PlateReader()) {
            for (String[] photo : photos) {
                Mat image = ImageDecoder.read(set.get().resolve("images/" + photo[0]))
                        .orElseThrow();
                try {
                    assertEquals(photo[1], reader.readBest(image).orElseThrow().text(), photo[0]);
                } finally {
                    image.close();
                }
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            aa += a[i] * (double) a[i];
            bb += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(aa * bb);
    }
}
