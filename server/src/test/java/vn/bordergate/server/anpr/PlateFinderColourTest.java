package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The finder's colour source: a plate-coloured area with no text on a plain grey frame is found by its colour. */
class PlateFinderColourTest {

    @ParameterizedTest(name = "{0} plate, BGR {1} {2} {3}")
    @CsvSource({"blue, 200, 80, 20", "yellow, 0, 200, 230", "green, 60, 180, 40"})
    void aPlateColouredAreaIsFoundByItsColour(String colour, int b, int g, int r) {
        try (Mat frame = new Mat(360, 640, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            rectangle(frame, new Rect(220, 157, 200, 46), new Scalar(b, g, r, 0), FILLED, 8, 0);

            List<PlateRegion> regions = new PlateFinder().find(frame);

            assertThat(regions)
                    .as("regions of a frame holding only a %s plate-shaped area", colour)
                    .anySatisfy(region -> {
                        assertThat(region.source()).isEqualTo(PlateRegion.Source.COLOUR);
                        assertThat(region.centreX()).isCloseTo(320, within(6.0));
                        assertThat(region.centreY()).isCloseTo(180, within(6.0));
                        assertThat(region.width()).isBetween(180.0, 220.0);
                    });
        }
    }
}
