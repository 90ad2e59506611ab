package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;

/** Scenes are reproducible from their seed and their ground truth points at the plate. */
class TruckSceneRendererTest {
    private static final TruckSceneRenderer RENDERER = new TruckSceneRenderer();
    private static final Plate VN = PlateParser.parse("29C-671.61");
    private static final Plate CN = PlateParser.parse("桂A·12345");

    @Test
    void sameSeedSamePicture() {
        TruckSceneSpec spec = TruckSceneSpec.of(CN, 42).withVariants(EnumSet.allOf(SceneVariant.class));
        GateScene a = RENDERER.render(spec);
        GateScene b = new TruckSceneRenderer().render(spec);
        assertThat(pixels(a.image())).isEqualTo(pixels(b.image()));
        assertThat(a.plates()).isEqualTo(b.plates());
        assertThat(pixels(RENDERER.render(TruckSceneSpec.of(CN, 43)).image()))
                .as("another seed, another picture")
                .isNotEqualTo(pixels(RENDERER.render(TruckSceneSpec.of(CN, 42)).image()));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void truthBoxHoldsThePlate(long seed) {
        for (Plate plate : List.of(VN, CN, PlateParser.parse("苏E·12345D"), PlateParser.parse("30E-220.70"))) {
            TruckSceneSpec spec = TruckSceneSpec.of(plate, seed);
            GateScene scene = RENDERER.render(spec);
            assertThat(scene.image().getWidth()).isEqualTo(1280);
            assertThat(scene.image().getHeight()).isEqualTo(720);
            PlateTruth truth = scene.tractorPlate().orElseThrow();
            assertThat(truth.plate()).isEqualTo(plate);
            assertThat(truth.visibleFraction(1280, 720)).isEqualTo(1.0);
            assertThat(truth.widthPx()).as("readable size").isBetween(40.0, 260.0);
            Color background = spec.tractorStyle().paint().background();
            assertThat(shareNear(scene.image(), truth, background, 60))
                    .as("%s plate colour inside its box (seed %d)", plate, seed)
                    .isGreaterThan(0.35);
            assertThat(shareNear(
                            scene.image(), truth, spec.tractorStyle().paint().ink(), 60))
                    .as("characters inside the box")
                    .isGreaterThan(0.08);
        }
    }

    @ParameterizedTest
    @EnumSource(SceneVariant.class)
    void everyVariantChangesThePictureButNotTheTruck(SceneVariant variant) {
        TruckSceneSpec clean = TruckSceneSpec.of(VN, 11);
        GateScene base = RENDERER.render(clean);
        GateScene varied = RENDERER.render(clean.withVariants(variant));
        assertThat(varied.variants()).containsExactly(variant);
        assertThat(difference(base.image(), varied.image()))
                .as("mean change per pixel")
                .isGreaterThan(0.5);
        PlateTruth before = base.tractorPlate().orElseThrow();
        PlateTruth after = varied.tractorPlate().orElseThrow();
        if (variant == SceneVariant.TILT) {
            double dy = after.corners().get(1).getY() - after.corners().get(0).getY();
            double dx = after.corners().get(1).getX() - after.corners().get(0).getX();
            assertThat(Math.abs(Math.toDegrees(Math.atan2(dy, dx)))).isBetween(1.0, 9.0);
            assertThat(shareNear(varied.image(), after, PlatePaint.YELLOW.background(), 60))
                    .as("the tilted box still holds the yellow plate")
                    .isGreaterThan(0.35);
        } else {
            assertThat(after.corners()).isEqualTo(before.corners());
        }
    }

    @Test
    void nightKeepsTheRetroReflectivePlateBright() {
        GateScene night = RENDERER.render(TruckSceneSpec.of(CN, 5).withVariants(SceneVariant.NIGHT));
        PlateTruth truth = night.tractorPlate().orElseThrow();
        Rectangle b = truth.bounds();
        double plate = meanLuma(night.image(), b);
        double below = meanLuma(night.image(), new Rectangle(b.x, b.y + b.height * 3, b.width, b.height));
        assertThat(plate).isGreaterThan(below + 40);
        assertThat(meanLuma(night.image(), new Rectangle(0, 600, 1280, 120)))
                .as("dark road")
                .isLessThan(60);
    }

    @Test
    void trailerLeavingInTheNextLaneCarriesTheSecondPlate() {
        Plate trailer = PlateParser.parse("桂A·1234挂");
        for (long seed = 1; seed <= 6; seed++) {
            GateScene scene = RENDERER.render(TruckSceneSpec.of(VN, seed).withTrailer(trailer));
            assertThat(scene.plates()).hasSize(2);
            PlateTruth front = scene.plates().get(0);
            PlateTruth back = scene.plates().get(1);
            assertThat(front.role()).isEqualTo(PlateTruth.Role.TRACTOR);
            assertThat(back.role()).isEqualTo(PlateTruth.Role.TRAILER);
            assertThat(back.plate()).isEqualTo(trailer);
            assertThat(back.style()).isEqualTo(new PlateStyle(PlatePaint.YELLOW, PlateLayout.TWO_ROW));
            assertThat(back.visibleFraction(1280, 720)).isEqualTo(1.0);
            assertThat(back.widthPx()).as("further back, smaller").isLessThan(front.widthPx());
            assertThat(back.bounds().intersects(front.bounds())).isFalse();
            assertThat(shareNear(scene.image(), back, PlatePaint.YELLOW.background(), 70))
                    .as("trailer plate not hidden behind the truck (seed %d)", seed)
                    .isGreaterThan(0.3);
        }
        assertThatThrownBy(() ->
                        RENDERER.render(TruckSceneSpec.of(VN, 1).withDistance(5).withTrailer(trailer)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailer");
    }

    @Test
    void sizeAndDistanceAreHonoured() {
        GateScene small =
                RENDERER.render(TruckSceneSpec.of(CN, 3).withSize(640, 360).withDistance(7));
        assertThat(small.image().getWidth()).isEqualTo(640);
        PlateTruth truth = small.tractorPlate().orElseThrow();
        // 440 mm at 7 m with the 2000 px focal length scaled to 360 rows: 63 px
        assertThat(truth.widthPx()).isBetween(60.0, 66.0);
        GateScene near = RENDERER.render(TruckSceneSpec.of(CN, 3).withDistance(6));
        GateScene far = RENDERER.render(TruckSceneSpec.of(CN, 3).withDistance(12));
        assertThat(near.plates().get(0).widthPx())
                .isGreaterThan(far.plates().get(0).widthPx() * 1.8);
    }

    @Test
    void randomGateTrucksAllRender() {
        Random random = new Random(9);
        for (int i = 0; i < 12; i++) {
            Plate plate = RandomPlates.gateTruck(random);
            GateScene scene = RENDERER.render(TruckSceneSpec.of(plate, i).withVariants(SceneVariant.NOISE));
            assertThat(scene.plates()).hasSize(1);
            assertThat(scene.plates().get(0).visibleFraction(1280, 720)).isEqualTo(1.0);
        }
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Share of the pixels inside the truth quadrilateral within {@code tolerance} of {@code colour}. */
    static double shareNear(BufferedImage image, PlateTruth truth, Color colour, double tolerance) {
        Path2D quad = SceneEffects.polygon(truth.corners());
        Rectangle b = truth.bounds().intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int hits = 0;
        int total = 0;
        for (int y = b.y; y < b.y + b.height; y++) {
            for (int x = b.x; x < b.x + b.width; x++) {
                if (quad.contains(x + 0.5, y + 0.5)) {
                    total++;
                    if (PlateRendererTest.distance(new Color(image.getRGB(x, y)), colour) < tolerance) {
                        hits++;
                    }
                }
            }
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    private static double meanLuma(BufferedImage image, Rectangle r) {
        double sum = 0;
        int n = 0;
        for (int y = r.y; y < r.y + r.height && y < image.getHeight(); y++) {
            for (int x = r.x; x < r.x + r.width && x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                sum += 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
                n++;
            }
        }
        return sum / n;
    }

    private static double difference(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        long sum = 0;
        for (int i = 0; i < pa.length; i++) {
            sum += Math.abs(((pa[i] >> 8) & 255) - ((pb[i] >> 8) & 255));
        }
        return (double) sum / pa.length;
    }
}
