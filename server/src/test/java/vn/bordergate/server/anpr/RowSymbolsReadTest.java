package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateGrammar;
import vn.bordergate.common.plate.PlateGrammarSymbol;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A two-row crop read by real OpenCV and Tesseract carries each row's symbols with their alternatives, which the row
 * vote weighs ({@link RowSupport}); a one-row read carries none (its symbols are in {@link CropRead#symbols()}).
 */
class RowSymbolsReadTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @ParameterizedTest
    @CsvSource({"59-P1/332.02", "52-F3/888.59"})
    void aTwoRowReadCarriesItsRowsSymbols(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        Mat grey = CropGrey.straight(crop);
        PlateRows rows = PlateRows.of(grey);

        CropRead read = new CropLines(TESSERACT.engines())
                .read(
                        grey,
                        null,
                        rows,
                        FrameEdge.bottomRowStart(grey, rows),
                        PlateColour.WHITE,
                        false,
                        LineImage.Binarisation.PLAIN,
                        new CropProvince(null, null, grey, rows),
                        ReadEffort.CROP);

        assertThat(read.text()).isEqualTo(plate.normalized());
        assertThat(read.rowSymbols()).hasSize(2);
        for (int row = 0; row < 2; row++) {
            List<PlateGrammarSymbol> symbols = read.rowSymbols().get(row);
            // the row the grammar gave is read out of that row's own symbols, and the other row is not
            assertThat(PlateGrammar.costOf(symbols, read.match().rows().get(row)))
                    .isLessThan(PlateGrammar.costOf(symbols, read.match().rows().get(1 - row)));
        }
        grey.close();
        crop.close();
    }
}
