package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateLayout;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * The frame's side left of a motorbike plate's bottom row, no taller than the characters (so {@link FrameEdge#erase}
 * leaves it), is not read as a leading {@code 1} or {@code L}: ink wholly left of where the top row says the plate starts is
 * erased ({@link FrameEdge#bottomRowStart}), with real OpenCV and Tesseract.
 */
class BottomRowStartTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @ParameterizedTest
    @CsvSource({"52-F7/384.05", "59-K1/650.72", "77-H6/222.98"})
    void aShortFrameEdgeLeftOfTheBottomRowIsNotReadAsAOne(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        PlateStyle twoRows = PlateStyle.choices(plate).stream()
                .filter(style -> style.layout() == PlateLayout.TWO_ROW)
                .findFirst()
                .orElseThrow();
        BufferedImage clean = RENDERER.render(plate, twoRows, 0.6).image();
        Mat crop = TestImages.mat(withShortEdge(clean));
        Mat grey = new Mat();
        cvtColor(crop, grey, COLOR_BGR2GRAY);
        PlateRows rows = PlateRows.of(grey);
        assertThat(rows.twoRows()).isTrue();
        int start = FrameEdge.bottomRowStart(grey, rows);
        assertThat(start).isPositive();
        String bottom = text.substring(text.indexOf('/') + 1).replace(".", "");

        for (LineImage.Binarisation binarisation : LineImage.Binarisation.values()) {
            Mat line = LineImage.of(grey, rows.bottom(), binarisation, true, start);
            assertThat(TESSERACT.engines().forCurrentThread().readLine(line).text())
                    .as("%s read", binarisation)
                    .isEqualTo(bottom);
            line.close();
        }
        assertThat(TESSERACT.reader().read(crop, ReadEffort.FULL).text()).isEqualTo(plate.normalized());
        grey.close();
        crop.close();
    }

    /** The plate's background: the lightest pixel across its middle. */
    private static Color background(BufferedImage plate) {
        Color lightest = Color.BLACK;
        for (int x = 0; x < plate.getWidth(); x++) {
            Color c = new Color(plate.getRGB(x, plate.getHeight() / 2));
            if (c.getRed() + c.getGreen() + c.getBlue()
                    > lightest.getRed() + lightest.getGreen() + lightest.getBlue()) {
                lightest = c;
            }
        }
        return lightest;
    }

    /**
     * The plate widened at the left by a strip of plate white, with the frame's side drawn there beside the bottom row:
     * a bar as tall as the characters bent into a short foot, a character width left of the top row's start.
     */
    private static BufferedImage withShortEdge(BufferedImage plate) {
        int w = plate.getWidth();
        int h = plate.getHeight();
        int pad = w / 6;
        BufferedImage out = new BufferedImage(w + pad, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(background(plate));
            g.fillRect(0, 0, pad + 2, h);
            g.drawImage(plate, pad, 0, null);
            g.setColor(new Color(30, 30, 30));
            int stroke = Math.max(3, w / 60);
            int x = pad / 3;
            g.fillRect(x, h * 55 / 100, stroke, h * 32 / 100);
            g.fillRect(x, h * 87 / 100 - stroke, pad / 3, stroke);
        } finally {
            g.dispose();
        }
        return out;
    }
}
