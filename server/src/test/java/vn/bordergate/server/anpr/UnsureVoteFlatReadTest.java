package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * The flattened read of an unsure vote, through {@link CropReader#read} with real OpenCV and Tesseract (the rule itself:
 * {@link FlatTooTest}). A rendered one-row plate darkened towards its left edge, as by a shadow, is read four ways
 * without agreeing surely; read as a crop it costs one more Tesseract line (its one row, flattened) than the same four
 * reads of a finder region, and the five reads vote the right plate. A sure vote of four reads, or two that agreed, costs
 * no extra line.
 */
class UnsureVoteFlatReadTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    /** 30A-816.74 read as a finder region (the four reads, none flattened) is 80A81674 (0.47): the fifth rights it. */
    @ParameterizedTest
    @CsvSource({"30A-816.74", "43A-250.61", "88H-902.17", "51F-123.45"})
    void anUnsureVoteOfAOneRowCropIsReadOnceMoreFlattened(String text) {
        Plate plate = PlateParser.parse(text);
        Mat crop = TestImages.mat(shaded(plate, 0.55));
        try {
            long fourWays = lines(crop, ReadEffort.FULL);
            CropRead read = TESSERACT.reader().read(crop, ReadEffort.CROP);
            long asCrop = lines(crop, ReadEffort.CROP);

            assertThat(read.text()).isEqualTo(plate.normalized());
            assertThat(fourWays)
                    .as("a finder region's four reads, none agreeing early")
                    .isEqualTo(4);
            assertThat(asCrop).as("the four reads and the one row flattened").isEqualTo(fourWays + 1);
        } finally {
            crop.close();
        }
    }

    /** The same shadow a little deeper on 51F-123.45 reads surely four ways; a clean 29C-567.89 agrees at once. */
    @ParameterizedTest
    @CsvSource({"51F-123.45, 0.6", "29C-567.89, 0"})
    void aSureVoteCostsNoExtraLine(String text, double shadow) {
        Plate plate = PlateParser.parse(text);
        Mat crop = TestImages.mat(shaded(plate, shadow));
        try {
            CropRead read = TESSERACT.reader().read(crop, ReadEffort.CROP);

            assertThat(read.confidence()).as("a sure vote").isGreaterThanOrEqualTo(CropReader.FLAT_UNSURE);
            assertThat(lines(crop, ReadEffort.CROP)).isEqualTo(lines(crop, ReadEffort.FULL));
            assertThat(read.text()).isEqualTo(plate.normalized());
        } finally {
            crop.close();
        }
    }

    /** How many lines this thread's Tesseract reads for one read of {@code crop}. */
    private static long lines(Mat crop, ReadEffort effort) {
        TesseractEngine engine = TESSERACT.engines().forCurrentThread();
        long before = engine.lines();
        TESSERACT.reader().read(crop, effort);
        return engine.lines() - before;
    }

    /**
     * {@code plate} rendered at 0.6 px/mm with the light falling off towards its left edge: darkened by {@code depth}
     * there, less and less over the left 70 % of its width (0: evenly lit).
     */
    private static BufferedImage shaded(Plate plate, double depth) {
        BufferedImage image =
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image();
        double extent = 0.7 * image.getWidth();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < extent; x++) {
                double light = 1 - depth * (1 - x / extent);
                int rgb = image.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 255) * light);
                int g = (int) (((rgb >> 8) & 255) * light);
                int b = (int) ((rgb & 255) * light);
                image.setRGB(x, y, (rgb & 0xff000000) | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }
}
