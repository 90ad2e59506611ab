package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;

/**
 * The second look at a frame where nothing was read: a plate of faint strokes in the dark part of a frame whose bright
 * part holds strong strokes (a lit barrier) is below the frame's one stroke threshold, and only the contrast-equalised search
 * finds it (cn-scenes 011 160: a hazy and a night plate beside headlights).
 */
class SecondLookTest {
    private static final Rect PLATE = new Rect(820, 520, 150, 34);

    /**
     * The plate's contrast: 0..255 made 25..50. At 0.15 (25..63) the first look finds it already beside this barrier;
     * the frame is flat and dark, not a photo's texture, so the first look's threshold is not far off.
     */
    private static final double CONTRAST = 0.1;

    @Test
    void aFaintPlateBesideABrightSignIsFoundOnlyWithTheContrastEqualised() {
        try (Mat frame = frameWithAFaintPlate("51F-617.12")) {
            PlateFinder finder = new PlateFinder();

            assertThat(finder.find(frame)).as("first look").noneMatch(SecondLookTest::onThePlate);
            assertThat(finder.findEqualised(frame)).as("equalised").anyMatch(SecondLookTest::onThePlate);
        }
    }

    @Test
    void theReaderReadsItWhenTheFirstLookReadNothing() {
        try (Mat frame = frameWithAFaintPlate("51F-617.12");
                PlateReader reader = new PlateReader()) {
            List<PlateCandidate> read = reader.read(frame);

            assertThat(read).extracting(PlateCandidate::text).contains("51F61712");
        }
    }

    @Test
    void theSecondLookReadsOnlyRegionsTheFirstDidNotOffer() {
        PlateRegion first = new PlateRegion(400, 300, 120, 30, 0, PlateRegion.Source.DARK_TEXT, 0.9);
        PlateRegion same = new PlateRegion(404, 301, 116, 28, 0, PlateRegion.Source.DARK_TEXT, 0.8);
        PlateRegion inside = new PlateRegion(400, 300, 40, 12, 0, PlateRegion.Source.DARK_TEXT, 0.7);
        PlateRegion elsewhere = new PlateRegion(900, 500, 120, 30, 0, PlateRegion.Source.DARK_TEXT, 0.6);

        assertThat(SecondLook.unseen(List.of(same, inside, elsewhere), List.of(first)))
                .containsExactly(inside, elsewhere);
    }

    private static boolean onThePlate(PlateRegion region) {
        PlateBox box = region.box(1280, 720);
        return box.overlap(new PlateBox(PLATE.x(), PLATE.y(), PLATE.width(), PLATE.height())) > 0.5;
    }

    /**
     * A 1280×720 night frame: a dark road, a lit barrier striped black and white at the top, and the plate at {@link #CONTRAST}
     * in the lower right.
     */
    private static Mat frameWithAFaintPlate(String text) {
        Mat frame = new Mat(720, 1280, CV_8UC3, new Scalar(30, 30, 30, 0));
        // the gate's barrier, striped black and white, lit
        for (int x = 60; x < 1220; x += 80) {
            line(frame, new Point(x, 40), new Point(x + 40, 160), new Scalar(250, 250, 250, 0), 24, LINE_8, 0);
        }
        Plate plate = PlateParser.parse(text);
        try (Mat rendered = TestImages.mat(new PlateRenderer()
                        .render(plate, PlateStyle.standard(plate), 0.6)
                        .image());
                Mat small = new Mat()) {
            resize(rendered, small, new Size(PLATE.width(), PLATE.height()));
            small.convertTo(small, -1, CONTRAST, 25);
            try (Mat target = frame.apply(PLATE)) {
                small.copyTo(target);
            }
        }
        return frame;
    }
}
