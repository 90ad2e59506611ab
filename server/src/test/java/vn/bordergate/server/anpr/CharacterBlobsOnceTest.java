package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A crop's character blobs are found once ({@link CropReader}) and handed to the row split, the frame edge beside the
 * bottom row and the Vietnamese glyph boxes: each must come out as when it finds the blobs itself, with real OpenCV
 * on rendered plates (a large two-row crop's threshold and components cost about a Tesseract call each time).
 */
class CharacterBlobsOnceTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"52-F7/384.05", "77-H6/222.98", "51A-123.45"})
    void theRowsTheFrameEdgeAndTheGlyphBoxesAreThoseOfBlobsFoundAgain(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        try (Mat grey = new Mat()) {
            cvtColor(crop, grey, COLOR_BGR2GRAY);
            List<Rect> blobs = PlateRows.characterBlobs(grey);
            List<String> found = boxes(blobs);

            PlateRows rows = PlateRows.of(grey, blobs);
            PlateRows alone = PlateRows.of(grey);

            assertThat(boxes(blobs))
                    .as("the row split leaves the blobs as found")
                    .isEqualTo(found);
            assertThat(rows.twoRows()).isEqualTo(text.contains("/"));
            assertThat(boxes(List.of(rows.top()))).isEqualTo(boxes(List.of(alone.top())));
            assertThat(rows.characters()).isEqualTo(alone.characters()).isGreaterThanOrEqualTo(7);
            assertThat(FrameEdge.bottomRowStart(blobs, rows)).isEqualTo(FrameEdge.bottomRowStart(grey, rows));
            for (Rect band : rows.twoRows() ? List.of(rows.top(), rows.bottom()) : List.of(rows.top())) {
                List<String> glyphs = boxes(VietnameseGlyphs.boxes(grey, blobs, band));
                assertThat(glyphs).isNotEmpty().isEqualTo(boxes(VietnameseGlyphs.boxes(grey, band)));
            }
        } finally {
            crop.close();
        }
    }

    private static List<String> boxes(List<Rect> rects) {
        return rects.stream()
                .map(r -> r.x() + "," + r.y() + "," + r.width() + "x" + r.height())
                .toList();
    }
}
