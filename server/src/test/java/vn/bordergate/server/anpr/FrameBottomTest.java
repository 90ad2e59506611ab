package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.PlateGrammarSymbol;

/**
 * A row whose frame (bottom edge and sides) the threshold joined into a box round the characters reads as nothing or a
 * few symbols; read again with the bottom bar erased ({@link FrameBottom}), it reads its characters.
 */
class FrameBottomTest {
    private static final LineImage.Binarisation PLAIN = LineImage.Binarisation.PLAIN;

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @Test
    void theBottomBarIsErasedAndTheSidesStandApart() {
        try (Mat ink = digits()) {
            fill(ink, new Rect(4, 56, 192, 6)); // the frame's bottom edge, under the digits' feet
            fill(ink, new Rect(4, 8, 5, 50)); // its sides, joined to it
            fill(ink, new Rect(191, 8, 5, 50));
            fill(ink, new Rect(20, 52, 20, 4)); // a digit's foot joined to the bar

            assertThat(FrameTop.clearBottom(ink)).isEqualTo(8);

            try (Mat bar = new Mat(ink, new Rect(0, 56, 200, 8))) {
                assertThat(countNonZero(bar)).isZero();
            }
            // the digits above the bar are untouched, and the sides are now blobs of their own for FrameEdge.erase
            try (Mat above = new Mat(ink, new Rect(10, 0, 180, 56))) {
                assertThat(countNonZero(above)).isEqualTo(4 * 20 * 40 + 20 * 4);
            }
            assertThat(FrameEdge.erase(ink)).isEqualTo(2);
        }
    }

    @Test
    void digitsAloneAreNoBar() {
        try (Mat ink = digits()) {
            int before = countNonZero(ink);

            assertThat(FrameTop.clearBottom(ink)).isZero();
            assertThat(countNonZero(ink)).isEqualTo(before);
        }
    }

    /**
     * Real crops main ff927ab read as SB8582 and 92H162107 (a bottom row read as nothing) and as BI4710 (a one-row
     * plate's row read short); skipped without the real sets.
     */
    @ParameterizedTest
    @CsvSource({
        "vn-mixed-silver, images/3xemay1155.jpg, 59L178582",
        "vn-mixed-silver, images/5xemay1592.jpg, 92H142107",
        "vn-one-row, images/part15__668_crop_0.jpg, 51A72110"
    })
    void realCropsReadTheirShortRowAgain(String name, String file, String plate) {
        Optional<Path> set = TestImages.realSet(name);
        assumeTrue(set.isPresent(), "../shared/plates/" + name + " is not on this machine");
        try (PlateReader reader = new PlateReader();
                Mat image = ImageDecoder.read(set.get().resolve(file)).orElseThrow()) {
            assertThat(reader.readBest(image).map(PlateCandidate::text)).contains(plate);
        }
    }

    @Test
    void onlyARowTooShortForItsPlateIsReadAgain() {
        try (Mat ink = digits()) {
            fill(ink, new Rect(4, 56, 192, 6)); // a bottom bar under the digits: a reread has something to erase
            try (Mat grey = new Mat()) {
                org.bytedeco.opencv.global.opencv_core.bitwise_not(ink, grey); // dark ink on a light plate
                TesseractEngine engine = TESSERACT.engines().forCurrentThread();
                Rect top = new Rect(0, 0, 200, 64);
                Rect bottom = new Rect(0, 0, 200, 64);
                PlateRows twoRows = new PlateRows(top, bottom, 8);
                PlateRows oneRow = new PlateRows(top, null, 8);
                LineRead empty = LineRead.empty();
                LineRead four = read("1234");
                LineRead seven = read("30A1234");
                long before = engine.lines();

                // a two-row plate's top row, rows long enough for their plate, a coloured one-row plate: no OCR call
                assertThat(FrameBottom.readAgain(engine, grey, twoRows, top, PLAIN, -1, empty, PlateColour.WHITE))
                        .isSameAs(empty);
                assertThat(FrameBottom.readAgain(engine, grey, twoRows, bottom, PLAIN, -1, four, PlateColour.WHITE))
                        .isSameAs(four);
                assertThat(FrameBottom.readAgain(engine, grey, oneRow, top, PLAIN, -1, seven, PlateColour.WHITE))
                        .isSameAs(seven);
                // a coloured one-row plate's six symbols: a Chinese row without its province glyph
                LineRead six = read("A12345");
                assertThat(FrameBottom.readAgain(engine, grey, oneRow, top, PLAIN, -1, six, PlateColour.BLUE))
                        .isSameAs(six);
                assertThat(engine.lines()).isEqualTo(before);

                // a two-row bottom row and a one-row row read short are read once more, kept only when longer
                LineRead three = read("123");
                LineRead bottomAgain =
                        FrameBottom.readAgain(engine, grey, twoRows, bottom, PLAIN, -1, three, PlateColour.WHITE);
                LineRead rowAgain =
                        FrameBottom.readAgain(engine, grey, oneRow, top, PLAIN, -1, read("30A123"), PlateColour.WHITE);
                assertThat(engine.lines()).isEqualTo(before + 2);
                assertThat(bottomAgain.symbols().size()).isGreaterThanOrEqualTo(3);
                assertThat(rowAgain.symbols().size()).isGreaterThanOrEqualTo(6);
            }
        }
    }

    private static LineRead read(String text) {
        List<PlateGrammarSymbol> symbols = new ArrayList<>();
        for (char c : text.toCharArray()) {
            symbols.add(PlateGrammarSymbol.of(c, 0.9));
        }
        return new LineRead(text, symbols);
    }

    /** Four 20 × 40 digit strokes (ink = 255) from row 12 of a 64-row, 200-column line. */
    private static Mat digits() {
        Mat ink = new Mat(64, 200, CV_8U, new Scalar(0));
        for (int k = 0; k < 4; k++) {
            fill(ink, new Rect(20 + 45 * k, 12, 20, 40));
        }
        return ink;
    }

    private static void fill(Mat ink, Rect r) {
        try (Mat part = new Mat(ink, r)) {
            part.put(new Scalar(255));
        }
    }
}
