package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A motorbike plate whose top row touches a dark shadow above it (the frame's top edge, a mudguard), as in
 * vn-mixed-silver: the shadow joins all but one of the top row's characters into one blob. The crop is still split
 * into two rows, and the top row's band stops short of the shadow, with real OpenCV and Tesseract.
 */
class TwoRowShadowTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @ParameterizedTest
    @CsvSource({"59-P1/332.02", "52-F3/888.59", "77-H6/222.98"})
    void aShadowOverTheTopRowLeavesTwoRowsAndAReadableTopRow(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        BufferedImage image =
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image();
        Mat crop = TestImages.mat(withShadow(image));
        Mat grey = CropGrey.straight(crop);

        // without the split for a row of one blob, this was one row and read as no plate
        assertThat(PlateRows.characterBlobs(grey).stream()
                        .filter(b -> b.y() < grey.rows() / 3)
                        .count())
                .isEqualTo(1);
        assertThat(PlateRows.of(grey).twoRows()).isTrue();
        CropRead read = TESSERACT.reader().read(crop, ReadEffort.FULL);
        assertThat(read.text()).isEqualTo(plate.normalized());
        grey.close();
        crop.close();
    }

    @ParameterizedTest
    @CsvSource({"59-P1/332.02", "52-F3/888.59"})
    void theTopRowBandStopsJustAboveItsCharacters(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        Mat grey = new Mat();
        cvtColor(crop, grey, COLOR_BGR2GRAY);
        crop.close();
        PlateRows rows = PlateRows.of(grey);
        List<Rect> top = PlateRows.characterBlobs(grey).stream()
                .filter(b -> b.y() < rows.bottom().y())
                .toList();
        int tops = top.stream().mapToInt(Rect::y).min().orElseThrow();
        int height = top.stream().mapToInt(Rect::height).max().orElseThrow();
        grey.close();

        // a fifth of a character height above (the old margin) took in the frame's shadow
        assertThat(tops - rows.top().y()).isBetween(0, (int) Math.ceil(height * 0.1));
    }

    /** A dark band from the plate's top down onto the tops of the top row's characters, all but the first. */
    private static BufferedImage withShadow(BufferedImage plate) {
        Mat clean = TestImages.mat(plate);
        Mat grey = new Mat();
        cvtColor(clean, grey, COLOR_BGR2GRAY);
        clean.close();
        List<Rect> top = PlateRows.characterBlobs(grey).stream()
                .filter(b -> b.y() < grey.rows() / 3)
                .sorted(Comparator.comparingInt(Rect::x))
                .toList();
        grey.close();
        Rect first = top.get(0);
        Rect last = top.get(top.size() - 1);
        int reach = first.y() + Math.max(2, first.height() / 12);
        BufferedImage out = new BufferedImage(plate.getWidth(), plate.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(plate, 0, 0, null);
            g.setColor(new Color(40, 40, 40));
            int from = first.x() + first.width() + 2;
            g.fillRect(from, plate.getHeight() / 40, last.x() + last.width() - from, reach - plate.getHeight() / 40);
        } finally {
            g.dispose();
        }
        return out;
    }
}
