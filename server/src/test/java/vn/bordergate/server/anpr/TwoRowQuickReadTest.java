package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A finder region split into two rows gets its quick read's OCR calls only with {@link PlateRows#TWO_ROW_CHARACTERS}
 * character blobs or more: a two-row plate is read, a two-row split around a few blobs (a truck front, a grille) is
 * not, with real OpenCV and Tesseract (docs/anpr.md, "Frame time"); a quick read whose bottom row reads as almost
 * nothing ends before its top row's OCR call ({@link TwoRowQuickRead}).
 */
class TwoRowQuickReadTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @Test
    void aTwoRowPlateIsRead() {
        Mat crop = TestImages.mat(rendered(1.0));
        PlateRows rows = rowsOf(crop);
        assertThat(rows.twoRows()).isTrue();
        assertThat(rows.characters()).isGreaterThanOrEqualTo(PlateRows.TWO_ROW_CHARACTERS);

        long before = TESSERACT.engines().forCurrentThread().lines();
        CropRead quick = TESSERACT.reader().read(crop, ReadEffort.QUICK);
        crop.close();

        assertThat(TESSERACT.engines().forCurrentThread().lines() - before).isEqualTo(2);
        assertThat(quick.raw()).contains("/");
    }

    @Test
    void aTwoRowSplitAroundAFewBlobsGetsNoOcrCall() {
        // the plate with its right part painted over: two characters a row are left
        Mat crop = TestImages.mat(rendered(0.4));
        PlateRows rows = rowsOf(crop);
        assertThat(rows.twoRows()).isTrue();
        // enough blobs for a one-row region's quick read: only the two-row rule keeps Tesseract away
        assertThat(rows.characters())
                .isGreaterThanOrEqualTo(PlateRows.MIN_CHARACTERS)
                .isLessThan(PlateRows.TWO_ROW_CHARACTERS);

        long before = TESSERACT.engines().forCurrentThread().lines();
        CropRead quick = TESSERACT.reader().read(crop, ReadEffort.QUICK);
        crop.close();

        assertThat(TESSERACT.engines().forCurrentThread().lines()).isEqualTo(before);
        assertThat(quick.found()).isFalse();
        assertThat(quick.raw()).isEmpty();
    }

    @Test
    void aBottomRowOfOneCharacterEndsTheQuickReadBeforeTheTopRow() {
        // the bottom row painted over but for its first digit: enough blobs for the two-row quick read's OCR calls
        Mat crop = TestImages.mat(rendered(1.0, 0.25));
        PlateRows rows = rowsOf(crop);
        assertThat(rows.twoRows()).isTrue();
        assertThat(rows.characters()).isGreaterThanOrEqualTo(PlateRows.TWO_ROW_CHARACTERS);

        long before = TESSERACT.engines().forCurrentThread().lines();
        CropRead quick = TESSERACT.reader().read(crop, ReadEffort.QUICK);
        long calls = TESSERACT.engines().forCurrentThread().lines() - before;
        // a full read of the same crop still reads the top row
        CropRead full = TESSERACT.reader().read(crop, ReadEffort.FULL);
        crop.close();

        assertThat(calls).isEqualTo(1); // the bottom row only: its top row gets no OCR call
        assertThat(quick.found()).isFalse();
        assertThat(quick.raw()).startsWith("/").doesNotContain("P");
        // its region is not promising enough for a full read, so the ended read never stands in for one's plain read
        assertThat(PlateReader.promise(quick)).isZero();
        assertThat(full.raw()).contains("P");
    }

    /** The two-row plate 59-P1 332.02 with everything right of {@code kept} × its width painted white. */
    private static BufferedImage rendered(double kept) {
        return rendered(kept, kept);
    }

    /**
     * The two-row plate 59-P1 332.02 with its top half painted white right of {@code keptTop} × its width, its bottom
     * half right of {@code keptBottom}.
     */
    private static BufferedImage rendered(double keptTop, double keptBottom) {
        Plate plate = PlateParser.parse("59-P1\n332.02");
        BufferedImage image =
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image();
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        int half = image.getHeight() / 2;
        int fromTop = (int) (image.getWidth() * keptTop);
        g.fillRect(fromTop, 0, image.getWidth() - fromTop, half);
        int fromBottom = (int) (image.getWidth() * keptBottom);
        g.fillRect(fromBottom, half, image.getWidth() - fromBottom, image.getHeight() - half);
        g.dispose();
        return image;
    }

    private static PlateRows rowsOf(Mat crop) {
        try (Mat grey = CropGrey.straight(crop)) {
            return PlateRows.of(grey);
        }
    }
}
