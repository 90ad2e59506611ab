package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.GateScene;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.RandomPlates;
import vn.bordergate.server.anpr.synthetic.SceneVariant;
import vn.bordergate.server.anpr.synthetic.TruckSceneRenderer;
import vn.bordergate.server.anpr.synthetic.TruckSceneSpec;

/**
 * The recognizer on synthetic plates of every kind and style, and on synthetic lane-camera scenes. Floors are set
 * a little below what was measured (docs/anpr.md); the English model cannot read Chinese characters yet, so a
 * Chinese read counts when everything but its {@code ?} is right.
 */
class PlateReaderTest {
    private static final int PER_KIND = 8;
    private static PlateReader reader;
    private static final PlateRenderer RENDERER = new PlateRenderer();

    @BeforeAll
    static void open() {
        reader = new PlateReader();
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = PlateKind.class,
            names = {"VN_VEHICLE", "VN_TRAILER", "VN_MOTORBIKE", "VN_MILITARY", "VN_DIPLOMATIC"})
    void readsVietnamesePlatesOfEveryKindAndStyle(PlateKind kind) {
        int exact = 0;
        Random random = new Random(kind.ordinal());
        for (int i = 0; i < PER_KIND; i++) {
            Plate plate = RandomPlates.next(random, kind);
            String read = readRendered(plate, i, random);
            exact += read.equals(plate.normalized()) ? 1 : 0;
        }
        System.out.printf("PlateReaderTest %s: %d of %d exact%n", kind, exact, PER_KIND);
        assertThat(exact).as("%s read exactly, of %d", kind, PER_KIND).isGreaterThanOrEqualTo(PER_KIND - 1);
    }

    @ParameterizedTest
    @EnumSource(
            value = PlateKind.class,
            names = {"CN_STANDARD", "CN_NEW_ENERGY"})
    void readsChinesePlatesAndTheirProvince(PlateKind kind) {
        int right = 0;
        int exact = 0;
        Random random = new Random(kind.ordinal());
        for (int i = 0; i < PER_KIND; i++) {
            Plate plate = RandomPlates.next(random, kind);
            String truth = plate.normalized();
            String read = readRendered(plate, i, random);
            // the province comes from ProvinceClassifier: right, another province, or ? when unsure
            boolean restRight =
                    read.length() == truth.length() && read.substring(1).equals(truth.substring(1));
            right += restRight ? 1 : 0;
            exact += read.equals(truth) ? 1 : 0;
        }
        System.out.printf(
                "PlateReaderTest %s: %d of %d right but the province, %d exact%n", kind, right, PER_KIND, exact);
        int floor = kind == PlateKind.CN_STANDARD ? PER_KIND / 2 : PER_KIND * 3 / 4;
        assertThat(right).as("%s right but the province, of %d", kind, PER_KIND).isGreaterThanOrEqualTo(floor);
    }

    @ParameterizedTest
    @EnumSource(
            value = PlateKind.class,
            names = {"CN_TRAILER", "CN_COACH", "CN_CROSS_BORDER"})
    void readsTheLatinPartOfSuffixedChinesePlates(PlateKind kind) {
        // 挂 学 港 澳 are read as some Latin character by the English model: the serial before it must be right
        int right = 0;
        Random random = new Random(kind.ordinal());
        for (int i = 0; i < PER_KIND; i++) {
            Plate plate = RandomPlates.next(random, kind);
            String read = readRendered(plate, i, random);
            right += TestImages.latin(read).contains(TestImages.latin(plate.normalized())) ? 1 : 0;
        }
        System.out.printf("PlateReaderTest %s: %d of %d serials right%n", kind, right, PER_KIND);
        // cross-border plates are white on black: the suffix sits tight on the serial and is misread more
        int floor = kind == PlateKind.CN_CROSS_BORDER ? PER_KIND / 4 : PER_KIND / 2;
        assertThat(right).as("%s serial right, of %d", kind, PER_KIND).isGreaterThanOrEqualTo(floor);
    }

    @Test
    void findsAndReadsTheTruckPlateInLaneCameraScenes() {
        TruckSceneRenderer scenes = new TruckSceneRenderer();
        Random random = new Random(3);
        int right = 0;
        int cleanRight = 0;
        int total = 0;
        List<Set<SceneVariant>> variants = List.of(
                Set.of(),
                EnumSet.of(SceneVariant.TILT),
                EnumSet.of(SceneVariant.NIGHT),
                EnumSet.of(SceneVariant.GLARE),
                EnumSet.of(SceneVariant.RAIN),
                EnumSet.of(SceneVariant.BLUR),
                EnumSet.of(SceneVariant.NOISE));
        for (int round = 0; round < 3; round++) {
            for (Set<SceneVariant> variant : variants) {
                Plate plate = RandomPlates.gateTruck(random);
                GateScene scene = scenes.render(
                        TruckSceneSpec.of(plate, random.nextLong()).withVariants(variant));
                Mat frame = TestImages.mat(scene.image());
                List<PlateCandidate> reads = reader.read(frame);
                frame.close();
                // since the serial classifier's layout fit also places the province box, a synthetic 桂 is often read
                // as another province instead of ?: finding and the Latin part are what this test is about
                boolean hit = reads.stream().anyMatch(c -> TestImages.sameButTheChinese(plate.normalized(), c.text()));
                right += hit ? 1 : 0;
                cleanRight += hit && variant.isEmpty() ? 1 : 0;
                total++;
                if (hit) {
                    PlateCandidate read = reads.stream()
                            .filter(c -> TestImages.sameButTheChinese(plate.normalized(), c.text()))
                            .findFirst()
                            .orElseThrow();
                    java.awt.Rectangle truth = scene.plates().get(0).bounds();
                    assertThat(read.box().overlap(new PlateBox(truth.x, truth.y, truth.width, truth.height)))
                            .as("the box of %s lies on the plate", plate)
                            .isGreaterThan(0.5);
                }
            }
        }
        System.out.printf("PlateReaderTest scenes: %d of %d read, %d of 3 clean%n", right, total, cleanRight);
        assertThat(cleanRight).as("clean scenes read, of 3").isGreaterThanOrEqualTo(2);
        assertThat(right).as("scenes read, of %d", total).isGreaterThanOrEqualTo(total / 2);
    }

    @Test
    void aFrameWithoutPlatesGivesNoRead() {
        try (Mat grey = new Mat(720, 1280, org.bytedeco.opencv.global.opencv_core.CV_8UC3, new Scalar(90, 90, 90, 0))) {
            assertThat(reader.read(grey)).isEmpty();
        }
    }

    @Test
    void imagesOfAnyShapeDoNotBreakTheReader() {
        int[][] sizes = {{1, 1}, {2, 300}, {300, 2}, {7, 7}, {12, 6}, {40, 3000}, {3000, 40}, {16, 16}};
        for (int[] size : sizes) {
            try (Mat noise = noise(size[0], size[1])) {
                assertThat(reader.read(noise)).isNotNull();
                assertThat(reader.readCrop(noise)).isNotNull();
            }
        }
        assertThat(reader.read(new Mat())).isEmpty();
        assertThat(reader.readCrop(new Mat())).isEmpty();
        assertThat(reader.read(null)).isEmpty();
    }

    @Test
    void greyAndSixteenBitFramesAreConvertedFirst() {
        Plate plate = vn.bordergate.common.plate.PlateParser.parse("51F-617.12");
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        try (Mat grey = new Mat();
                Mat deep = new Mat()) {
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(
                    crop, grey, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
            crop.convertTo(deep, org.bytedeco.opencv.global.opencv_core.CV_16UC3, 257, 0);

            assertThat(reader.readBest(grey).map(PlateCandidate::text)).contains("51F61712");
            assertThat(reader.readCrop(deep).map(PlateCandidate::text)).contains("51F61712");
        } finally {
            crop.close();
        }
    }

    @Test
    void aCandidateCarriesItsPlateAndGrammar() {
        Plate plate = vn.bordergate.common.plate.PlateParser.parse("29H-335.78");
        Mat crop = TestImages.mat(
                RENDERER.render(plate, PlateStyle.standard(plate), 0.6).image());
        PlateCandidate read = reader.readCrop(crop).orElseThrow();
        crop.close();

        assertThat(read.text()).isEqualTo("29H33578");
        assertThat(read.plate()).contains(plate);
        assertThat(read.country()).isEqualTo(PlateCountry.VN);
        assertThat(read.kind()).isEqualTo(PlateKind.VN_VEHICLE);
        assertThat(read.confidence()).isBetween(0.5, 1.0);
        assertThat(read.colour()).isEqualTo(PlateColour.WHITE);
        assertThat(read.twoRows()).isFalse();
    }

    private static Mat noise(int rows, int cols) {
        Mat mat = new Mat(rows, cols, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        byte[] bytes = new byte[rows * cols * 3];
        new Random(rows * 31L + cols).nextBytes(bytes);
        mat.data().put(bytes);
        return mat;
    }

    private static String readRendered(Plate plate, int i, Random random) {
        List<PlateStyle> styles = PlateStyle.choices(plate);
        PlateStyle style = styles.get(i % styles.size());
        double pxPerMm = 0.3 + 0.5 * random.nextDouble();
        Mat crop = TestImages.mat(RENDERER.render(plate, style, pxPerMm).image());
        try {
            return reader.readCrop(crop).map(PlateCandidate::text).orElse("");
        } finally {
            crop.close();
        }
    }
}
