package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A two-row plate whose top row runs into the frame's shadow above it (vn-mixed-silver's `9xemay67`, `3xemay1795`):
 * the crop's threshold joins the top row's characters to the shadow, no top-row blob is seen, and the row's line
 * images, thresholded across the same gradient, lose the characters' tops. Read from the crop flattened against its
 * background ({@link JoinedTopRow}) the row reads, with real OpenCV and Tesseract. The grey crop is drawn directly:
 * {@link CropGrey#straight} would trim a drawn dark band off as background.
 */
class JoinedTopRowTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.plain();

    @ParameterizedTest
    @CsvSource({"59-C1/686.12, 59C1", "47-K1/082.79, 47K1"})
    void aTopRowJoinedToTheFrameShadowIsReadFromTheFlattenedCrop(String text, String topRow) {
        Mat grey = rendered(text);
        shadowOverTheTopRow(grey);
        List<Rect> blobs = PlateRows.characterBlobs(grey);
        PlateRows rows = PlateRows.of(grey, blobs);
        assertThat(rows.twoRows()).isTrue();
        assertThat(JoinedTopRow.characters(blobs, rows)).isLessThan(JoinedTopRow.SEEN);

        Mat flat = JoinedTopRow.flattenedIfJoined(grey, blobs, rows, ReadEffort.CROP);
        assertThat(flat).as("the joined top row gets a flattened grey").isNotNull();
        assertThat(topRowRead(grey, rows)).as("read from the crop as it is").doesNotContain(topRow);
        assertThat(topRowRead(flat, rows)).as("read from the flattened crop").contains(topRow);
        flat.close();
        grey.close();
    }

    @ParameterizedTest
    @CsvSource({"29-E1/151.36", "59-C1/686.12"})
    void aTopRowSeenAsCharactersOrAFinderRegionIsReadAsBefore(String text) {
        Mat clean = rendered(text);
        List<Rect> blobs = PlateRows.characterBlobs(clean);
        PlateRows rows = PlateRows.of(clean, blobs);
        assertThat(JoinedTopRow.flattenedIfJoined(clean, blobs, rows, ReadEffort.CROP))
                .as("four top blobs")
                .isNull();
        shadowOverTheTopRow(clean);
        List<Rect> shadowed = PlateRows.characterBlobs(clean);
        PlateRows shadowedRows = PlateRows.of(clean, shadowed);
        assertThat(JoinedTopRow.flattenedIfJoined(clean, shadowed, shadowedRows, ReadEffort.FULL))
                .as("a finder region")
                .isNull();
        clean.close();
    }

    @Test
    void onlyTheFrameRemovedAndEqualisedReadsReadItFlattened() {
        assertThat(JoinedTopRow.readsFlattened(LineImage.Binarisation.GLOBAL)).isTrue();
        assertThat(JoinedTopRow.readsFlattened(LineImage.Binarisation.EQUALISED))
                .isTrue();
        assertThat(JoinedTopRow.readsFlattened(LineImage.Binarisation.PLAIN)).isFalse();
        assertThat(JoinedTopRow.readsFlattened(LineImage.Binarisation.SMALL)).isFalse();
    }

    /** The top row's equalised line image, as {@link CropReader} cuts it, read by Tesseract. */
    private static String topRowRead(Mat grey, PlateRows rows) {
        Mat line = LineImage.of(grey, rows.top(), LineImage.Binarisation.EQUALISED, false, -1, true);
        try {
            return line == null
                    ? ""
                    : TESSERACT
                            .engines()
                            .forCurrentThread()
                            .readLine(line, true)
                            .text();
        } finally {
            if (line != null) {
                line.close();
            }
        }
    }

    private static Mat rendered(String text) {
        Plate plate = PlateParser.parse(text.replace('/', '\n'));
        Mat bgr = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 3).image());
        Mat grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        bgr.close();
        return grey;
    }

    /**
     * The frame's shadow: the plate darkened to a fifth above the top row's characters, lightening over half a
     * character's height down into them.
     */
    private static void shadowOverTheTopRow(Mat grey) {
        List<Rect> top = PlateRows.characterBlobs(grey).stream()
                .filter(b -> b.y() < grey.rows() / 3)
                .toList();
        int tops = top.stream().mapToInt(Rect::y).min().orElseThrow();
        int height = top.stream().mapToInt(Rect::height).max().orElseThrow();
        double reach = height * 0.5;
        try (UByteIndexer p = grey.createIndexer()) {
            for (int y = 0; y < grey.rows(); y++) {
                double light = y < tops ? 0.2 : y < tops + reach ? 0.2 + 0.8 * (y - tops) / reach : 1.0;
                for (int x = 0; x < grey.cols(); x++) {
                    p.put(y, x, (int) (p.get(y, x) * light));
                }
            }
        }
    }
}
