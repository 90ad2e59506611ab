package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A blue plate's quick plain read that sees no text though its row holds a plate's characters is read again with the
 * frame removed: the plate's white rim boxes the characters and Tesseract returns nothing for the boxed line
 * ({@link RimmedPlainRead}; docs/anpr.md, "Scenes: the rim, pale blue plates").
 */
class RimmedPlainReadTest {
    private static final PlateRows SEVEN = new PlateRows(new Rect(0, 5, 200, 40), null, 7);
    private static final CropRead BLANK_BLUE = new CropRead(null, "", PlateColour.BLUE, false);
    private static final LineImage.Binarisation PLAIN = LineImage.Binarisation.PLAIN;

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @Test
    void aBlankQuickPlainReadOfABluePlatesRowIsReadAgain() {
        assertThat(RimmedPlainRead.readAgain(ReadEffort.QUICK, PLAIN, BLANK_BLUE, SEVEN))
                .isTrue();
    }

    @Test
    void otherReadsAreNotReadAgain() {
        // some text, another colour, too few characters, two rows, another binarisation, a full read
        assertThat(RimmedPlainRead.readAgain(
                        ReadEffort.QUICK, PLAIN, new CropRead(null, "AB", PlateColour.BLUE, false), SEVEN))
                .isFalse();
        assertThat(RimmedPlainRead.readAgain(
                        ReadEffort.QUICK, PLAIN, new CropRead(null, "", PlateColour.WHITE, false), SEVEN))
                .isFalse();
        assertThat(RimmedPlainRead.readAgain(
                        ReadEffort.QUICK, PLAIN, BLANK_BLUE, new PlateRows(new Rect(0, 5, 200, 40), null, 5)))
                .isFalse();
        assertThat(RimmedPlainRead.readAgain(
                        ReadEffort.QUICK,
                        PLAIN,
                        BLANK_BLUE,
                        new PlateRows(new Rect(0, 0, 80, 30), new Rect(0, 30, 80, 40), 9)))
                .isFalse();
        assertThat(RimmedPlainRead.readAgain(ReadEffort.QUICK, LineImage.Binarisation.SMALL, BLANK_BLUE, SEVEN))
                .isFalse();
        assertThat(RimmedPlainRead.readAgain(ReadEffort.FULL, PLAIN, BLANK_BLUE, SEVEN))
                .isFalse();
    }

    @Test
    void aFullReadCountsTheFramedOffReadOnceForItsOwnLine() {
        CropRead framedOff = new CropRead(null, "AB12345", PlateColour.BLUE, false).inPlaceOfABlankPlainRead();
        CropRead plain = new CropRead(null, "AB12345", PlateColour.BLUE, false);

        assertThat(RimmedPlainRead.known(framedOff, PLAIN, PlateColour.BLUE).raw())
                .isEmpty();
        assertThat(RimmedPlainRead.known(framedOff, LineImage.Binarisation.GLOBAL, PlateColour.BLUE))
                .isSameAs(framedOff);
        assertThat(RimmedPlainRead.known(framedOff, LineImage.Binarisation.SMALL, PlateColour.BLUE))
                .isNull();
        assertThat(RimmedPlainRead.known(plain, PLAIN, PlateColour.BLUE)).isSameAs(plain);
        assertThat(RimmedPlainRead.known(plain, LineImage.Binarisation.GLOBAL, PlateColour.BLUE))
                .isNull();
    }

    @Test
    void aFullReadAfterAFramedOffQuickReadReadsOnlyTheLinesNotReadYet() {
        Plate plate = PlateParser.parse("51F-123.45");
        Mat crop = TestImages.mat(new PlateRenderer()
                .render(plate, PlateStyle.standard(plate), 0.6)
                .image());
        TesseractEngine engine = TESSERACT.engines().forCurrentThread();
        try {
            CropRead quick = TESSERACT.reader().read(crop, ReadEffort.QUICK);

            long before = engine.lines();
            TESSERACT.reader().read(crop, ReadEffort.FULL, quick.inPlaceOfABlankPlainRead());
            long framedOff = engine.lines() - before;
            before = engine.lines();
            TESSERACT.reader().read(crop, ReadEffort.FULL, quick);
            long plain = engine.lines() - before;

            // the plain line is blank and the frame-removed one known: only the small and the equalised lines are read
            assertThat(framedOff).isEqualTo(2);
            // a plain quick read leaves the other three (no early agreement on this crop)
            assertThat(plain).isEqualTo(3);
        } finally {
            crop.close();
        }
    }

    @Test
    void aCleanBluePlateInItsRimIsRead() {
        // base: nothing read (the plain line of the loose and the tight cut both read as nothing); the plate is 浙AM690M
        assertThat(TestImages.bestRead("cn-scenes", "easypr_075.jpg").text()).endsWith("AM690M");
    }
}
