package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * A one-row plate cropped along its characters' tops and bottoms, darker at one end than at the other (vn-one-row crops
 * in a shadow's edge): Otsu takes the dark end's plate for ink, the characters there join it and each other, and the
 * crop shows almost no character blobs (45 wrong vn-one-row crops). Cut loose of its dark edge ({@link DarkCropEdge}),
 * it is read right; read as it is, its first digit comes out {@code 8}.
 */
class DarkCropEdgeTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @RegisterExtension
    static final EnglishTesseract TESSERACT = EnglishTesseract.withClassifiers();

    @Test
    void aTightCropDarkAtOneEndIsReadCutLoose() {
        assertThat(readTight("29H-335.78")).isEqualTo("29H33578");
        assertThat(readTight("51A-721.10")).isEqualTo("51A72110");
    }

    private static String readTight(String text) {
        try (Mat crop = tightAndShaded(text)) {
            try (Mat grey = CropGrey.straight(crop)) {
                List<Rect> blobs = PlateRows.characterBlobs(grey);
                assertThat(blobs)
                        .as("the characters merged with the dark edge")
                        .hasSizeLessThan(DarkCropEdge.FEW_BLOBS);
                try (Mat loose = DarkCropEdge.cutLoose(grey, blobs.size())) {
                    assertThat(loose).isNotNull();
                    assertThat(PlateRows.characterBlobs(loose)).hasSizeGreaterThanOrEqualTo(7);
                }
            }

            return TESSERACT.reader().read(crop, ReadEffort.CROP).text();
        }
    }

    @Test
    void aCropWithItsCharactersApartIsNotCut() {
        Plate plate = PlateParser.parse("29H-335.78");
        try (Mat crop = TestImages.mat(
                        RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
                Mat grey = CropGrey.straight(crop)) {
            List<Rect> blobs = PlateRows.characterBlobs(grey);

            assertThat(DarkCropEdge.wanted(grey, blobs, ReadEffort.CROP)).isFalse();
        }
    }

    @Test
    void onlyWholeCropsOfOneRowAreCut() {
        try (Mat oneRow = new Mat(40, 200, org.bytedeco.opencv.global.opencv_core.CV_8U, new Scalar(200));
                Mat twoRow = new Mat(100, 140, org.bytedeco.opencv.global.opencv_core.CV_8U, new Scalar(200))) {
            assertThat(DarkCropEdge.wanted(oneRow, List.of(), ReadEffort.CROP)).isTrue();
            assertThat(DarkCropEdge.wanted(oneRow, List.of(), ReadEffort.FULL))
                    .as("a finder region")
                    .isFalse();
            assertThat(DarkCropEdge.wanted(twoRow, List.of(), ReadEffort.CROP)).isFalse();
        }
    }

    /**
     * The rendered plate cut to its characters' rows, a pixel inside their tops and bottoms, then shaded from left to
     * right: the left end at 35 % of its light, the right end at full light.
     */
    private static Mat tightAndShaded(String text) {
        Plate plate = PlateParser.parse(text);
        try (Mat rendered = TestImages.mat(
                        RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
                Mat grey = new Mat()) {
            cvtColor(rendered, grey, COLOR_BGR2GRAY);
            int top = Integer.MAX_VALUE;
            int bottom = 0;
            int left = Integer.MAX_VALUE;
            int right = 0;
            for (Rect b : PlateRows.characterBlobs(grey)) {
                top = Math.min(top, b.y());
                bottom = Math.max(bottom, b.y() + b.height());
                left = Math.min(left, b.x());
                right = Math.max(right, b.x() + b.width());
            }
            Rect cut = new Rect(
                    Math.max(0, left - 6),
                    top + 1,
                    Math.min(grey.cols(), right + 6) - Math.max(0, left - 6),
                    bottom - top - 2);
            Mat tight = new Mat();
            try (Mat part = new Mat(grey, cut)) {
                part.copyTo(tight);
            }
            try (UByteIndexer p = tight.createIndexer()) {
                for (int y = 0; y < tight.rows(); y++) {
                    for (int x = 0; x < tight.cols(); x++) {
                        double light = 0.35 + 0.65 * x / tight.cols();
                        p.put(y, x, (int) Math.round(p.get(y, x) * light));
                    }
                }
            }
            Mat bgr = new Mat();
            cvtColor(tight, bgr, COLOR_GRAY2BGR);
            tight.close();
            return bgr;
        }
    }
}
