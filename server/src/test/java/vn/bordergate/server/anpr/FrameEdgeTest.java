package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * The plate frame's left edge beside a two-row plate's bottom row is not read as a leading {@code 1}, with real
 * OpenCV and Tesseract: rendered motorbike plates cut loosely, so the crop holds a strip of the dark world and the
 * frame's bent edge at its left, as in vn-mixed-silver ({@code 63-H3 / 1295} read as {@code 63H311295}).
 */
class FrameEdgeTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();
    private static TesseractEngines engines;

    @BeforeAll
    static void start() {
        engines = new TesseractEngines(TesseractModel.bundledEnglish());
    }

    @AfterAll
    static void stop() {
        engines.close();
    }

    @ParameterizedTest
    @CsvSource({"52-F7/384.05,6,2", "52-F7/384.05,4,4", "77-H6/222.98,6,4"})
    void theFrameEdgeLeftOfTheBottomRowIsNotReadAsAOne(String text, int darkPercent, int edgeWidth) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        Mat crop = TestImages.mat(withFrameEdge(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image(), darkPercent, edgeWidth));
        Mat grey = new Mat();
        cvtColor(crop, grey, COLOR_BGR2GRAY);
        crop.close();
        PlateRows rows = PlateRows.of(grey);
        assertThat(rows.twoRows()).isTrue();
        String bottom = text.substring(text.indexOf('/') + 1).replace(".", "");

        for (LineImage.Binarisation binarisation : LineImage.Binarisation.values()) {
            // without the edge erased, the plain, equalised and small reads of these rows start with a stray 1
            Mat line = LineImage.of(grey, rows.bottom(), binarisation, true);
            assertThat(engines.forCurrentThread().readLine(line).text())
                    .as("%s read", binarisation)
                    .isEqualTo(bottom);
            line.close();
        }
        grey.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void onlyTheEdgeGoesTheCharactersStay(int side) {
        // a binarised row (ink = 255): three character-sized strokes and a full-height edge at one side
        Mat ink = new Mat(64, 200, CV_8U, new Scalar(0));
        for (int x : new int[] {40, 90, 140}) {
            rectangle(ink, new Rect(x, 12, 8, 40), new Scalar(255), -1, 8, 0);
        }
        int edge = side == 0 ? 2 : 193;
        rectangle(ink, new Rect(edge, 0, 5, 64), new Scalar(255), -1, 8, 0);
        int before = countNonZero(ink);

        int erased = FrameEdge.erase(ink);

        assertThat(erased).isEqualTo(1);
        assertThat(countNonZero(ink)).isEqualTo(before - 5 * 64);
        ink.close();
    }

    /**
     * The plate cut loosely: {@code darkPercent} of its width of dark world at the left, then the frame's side edge
     * ({@code edgeWidth} pixels) bent into its bottom edge.
     */
    private static BufferedImage withFrameEdge(BufferedImage plate, int darkPercent, int edgeWidth) {
        int dark = plate.getWidth() * darkPercent / 100;
        int h = plate.getHeight();
        BufferedImage out = new BufferedImage(plate.getWidth() + dark + edgeWidth, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(30, 30, 30));
            g.fillRect(0, 0, dark, h);
            g.fillRect(dark, h / 20, edgeWidth, h * 19 / 20);
            g.fillRect(dark, h * 19 / 20, plate.getWidth() / 3, h / 20);
            g.drawImage(plate, dark + edgeWidth, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
