package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.server.anpr.synthetic.PlateRenderer;
import vn.bordergate.server.anpr.synthetic.PlateStyle;
import vn.bordergate.server.anpr.synthetic.RandomPlates;

/**
 * The committed plate model ({@code tessdata/plate.traineddata}, trained by {@code server/tools/train_plate_model.sh})
 * loads from the classpath, is small, and reads rendered plates it was not trained on (other seeds).
 */
class PlateModelTest {
    private static final int PER_KIND = 8;
    private static final PlateRenderer RENDERER = new PlateRenderer();
    private static PlateReader reader;

    @BeforeAll
    static void open() {
        reader = new PlateReader(TesseractModel.bundledPlate());
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = PlateKind.class,
            names = {"VN_VEHICLE", "VN_MOTORBIKE", "CN_STANDARD"})
    void theBundledPlateModelReadsRenderedPlates(PlateKind kind) {
        TesseractModel model = TesseractModel.bundledPlate();
        assertThat(model.language()).isEqualTo("plate");
        assertThat(model.data().length).as("plate.traineddata bytes").isBetween(10_000, 1_000_000);

        int right = 0;
        Random random = new Random(1000 + kind.ordinal());
        for (int i = 0; i < PER_KIND; i++) {
            Plate plate = RandomPlates.next(random, kind);
            List<PlateStyle> styles = PlateStyle.choices(plate);
            Mat crop = TestImages.mat(
                    RENDERER.render(plate, styles.get(i % styles.size()), 0.3 + 0.5 * random.nextDouble())
                            .image());
            String read;
            try {
                read = reader.readCrop(crop).map(PlateCandidate::text).orElse("");
            } finally {
                crop.close();
            }
            // the province is the classifier's business: the model's part is every plate letter and digit
            right += TestImages.latin(read).equals(TestImages.latin(plate.normalized())) ? 1 : 0;
        }
        System.out.printf("PlateModelTest %s: %d of %d right (letters and digits)%n", kind, right, PER_KIND);
        assertThat(right)
                .as("%s letters and digits right, of %d", kind, PER_KIND)
                .isGreaterThanOrEqualTo(FLOOR);
    }

    @org.junit.jupiter.api.Test
    void anUnknownBundledModelIsAClearError() {
        assertThatThrownBy(() -> TesseractModel.bundled("klingon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("klingon")
                .hasMessageContaining("eng, plate");
    }

    private static final int FLOOR = 5;
}
