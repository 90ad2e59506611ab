package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateKind;
import vn.bordergate.common.plate.PlateParser;

/** Every plate kind and style renders at the right size, in the right colours, with every character inked. */
class PlateRendererTest {
    private static final PlateRenderer RENDERER = new PlateRenderer();
    private static final double PX_PER_MM = 0.5;

    static Stream<Arguments> plates() {
        return Stream.of(
                Arguments.of("29H-335.78", PlatePaint.WHITE, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("29C-671.61", PlatePaint.YELLOW, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("30E-220.70", PlatePaint.WHITE, PlateLayout.TWO_ROW, 330, 165),
                Arguments.of("29-H1 123.45", PlatePaint.WHITE, PlateLayout.TWO_ROW, 190, 140),
                Arguments.of("12R-012.34", PlatePaint.YELLOW, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("12R-012.34", PlatePaint.YELLOW, PlateLayout.TWO_ROW, 330, 165),
                Arguments.of("30P-9934", PlatePaint.WHITE, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("KA-12-34", PlatePaint.RED, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("80-123-NG-01", PlatePaint.WHITE, PlateLayout.ONE_ROW, 520, 110),
                Arguments.of("桂A·12345", PlatePaint.BLUE, PlateLayout.ONE_ROW, 440, 140),
                Arguments.of("桂A·12345", PlatePaint.YELLOW, PlateLayout.ONE_ROW, 440, 140),
                Arguments.of("粤B·7M8W9", PlatePaint.YELLOW, PlateLayout.TWO_ROW, 440, 220),
                Arguments.of("沪A·D12345", PlatePaint.GREEN, PlateLayout.ONE_ROW, 480, 140),
                Arguments.of("苏E·12345D", PlatePaint.YELLOW_GREEN, PlateLayout.ONE_ROW, 480, 140),
                Arguments.of("桂A·1234挂", PlatePaint.YELLOW, PlateLayout.TWO_ROW, 440, 220),
                Arguments.of("京B·1234学", PlatePaint.YELLOW, PlateLayout.ONE_ROW, 440, 140),
                Arguments.of("粤Z·A123港", PlatePaint.BLACK, PlateLayout.ONE_ROW, 440, 140));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("plates")
    void rendersAtTheStandardSizeWithEveryCharacterInked(
            String text, PlatePaint paint, PlateLayout layout, int widthMm, int heightMm) {
        Plate plate = PlateParser.parse(text);
        RenderedPlate rendered = RENDERER.render(plate, new PlateStyle(paint, layout), PX_PER_MM);
        BufferedImage image = rendered.image();

        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(widthMm * PX_PER_MM));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(heightMm * PX_PER_MM));
        assertThat((double) image.getWidth() / image.getHeight()).isCloseTo((double) widthMm / heightMm, within(0.05));

        List<Rectangle> boxes = rendered.characterBoxes();
        assertThat(boxes)
                .hasSize(plate.normalized().codePointCount(0, plate.normalized().length()));
        Rectangle plateArea = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        for (Rectangle box : boxes) {
            assertThat(plateArea.contains(box))
                    .as("box %s inside the plate", box)
                    .isTrue();
            assertThat(inkShare(image, box, paint.ink())).as("ink in %s", box).isGreaterThan(0.2);
        }
        double ink = inkShare(image, plateArea, paint.ink());
        assertThat(ink).as("share of character pixels").isBetween(0.12, 0.55);
        assertThat(distinctColours(image)).as("not a blank image").isGreaterThan(20);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("plates")
    void backgroundHasThePlateColour(String text, PlatePaint paint, PlateLayout layout, int w, int h) {
        Plate plate = PlateParser.parse(text);
        BufferedImage image =
                RENDERER.render(plate, new PlateStyle(paint, layout), PX_PER_MM).image();
        int x = image.getWidth() - 1 - (int) (9 * PX_PER_MM); // right margin, inside the border line
        // the small new-energy plate turns fully green only at the bottom
        int y = paint == PlatePaint.GREEN ? image.getHeight() - 1 - (int) (9 * PX_PER_MM) : image.getHeight() / 2;
        // (the large new-energy plate is green on the right)
        assertThat(distance(new Color(image.getRGB(x, y)), paint.background()))
                .as("background at the right margin")
                .isLessThan(40);
        if (paint == PlatePaint.YELLOW_GREEN) {
            Color left = new Color(image.getRGB((int) (8 * PX_PER_MM), y));
            assertThat(distance(left, PlatePaint.YELLOW.background())).isLessThan(40);
        }
        if (paint == PlatePaint.GREEN) {
            Color top = new Color(image.getRGB(x, (int) (7 * PX_PER_MM)));
            Color bottom = new Color(image.getRGB(x, image.getHeight() - (int) (7 * PX_PER_MM)));
            assertThat(top.getRed()).as("white to green from top to bottom").isGreaterThan(bottom.getRed() + 60);
        }
    }

    @Test
    void chinesePlatesFollowTheGa36Grid() {
        PlateArtwork blue =
                RENDERER.typeset(PlateParser.parse("桂A·12345"), PlateStyle.standard(PlateParser.parse("桂A·12345")));
        assertThat(blue.glyphs()).hasSize(7);
        assertThat(blue.glyphs().get(0).cell().getWidth()).isEqualTo(45.0);
        assertThat(blue.glyphs().get(0).cell().getHeight()).isEqualTo(90.0);
        assertThat(blue.glyphs().get(0).cell().getX()).isCloseTo(15.5, within(1e-9));
        double gap =
                blue.glyphs().get(2).cell().getX() - blue.glyphs().get(1).cell().getMaxX();
        assertThat(gap).as("separator gap").isCloseTo(34.0, within(1e-9));
        assertThat(blue.marks()).as("the separator dot").hasSize(1);
        assertThat(blue.rivets()).hasSize(2);

        Plate nev = PlateParser.parse("沪A·D12345");
        assertThat(RENDERER.typeset(nev, PlateStyle.standard(nev)).glyphs()).hasSize(8);
    }

    @Test
    void twoRowPlatesPutTheRegionOnTop() {
        Plate trailer = PlateParser.parse("桂A·1234挂");
        PlateArtwork art = RENDERER.typeset(trailer, PlateStyle.standard(trailer));
        List<PlateArtwork.Glyph> glyphs = art.glyphs();
        assertThat(glyphs.stream().map(PlateArtwork.Glyph::text).reduce("", String::concat))
                .isEqualTo("桂A1234挂");
        assertThat(glyphs.get(0).cell().getMaxY())
                .isLessThan(glyphs.get(2).cell().getMinY());
        assertThat(glyphs.get(2).cell().getHeight())
                .as("serial taller than region")
                .isGreaterThan(glyphs.get(0).cell().getHeight());

        Plate square = PlateParser.parse("30E-220.70");
        PlateArtwork vn = RENDERER.typeset(square, new PlateStyle(PlatePaint.WHITE, PlateLayout.TWO_ROW));
        assertThat(vn.glyphs().subList(0, 3).stream()
                        .map(PlateArtwork.Glyph::text)
                        .toList())
                .containsExactly("3", "0", "E");
        assertThat(vn.marks()).as("the dot in 220.70").hasSize(1);
    }

    @Test
    void everyKindHasAStyleThatRenders() {
        java.util.Random random = new java.util.Random(3);
        for (PlateKind kind : PlateKind.values()) {
            Plate plate = RandomPlates.next(random, kind);
            for (PlateStyle style : PlateStyle.choices(plate)) {
                RenderedPlate rendered = RENDERER.render(plate, style, 0.3);
                assertThat(distinctColours(rendered.image()))
                        .as("%s %s", plate, style)
                        .isGreaterThan(10);
            }
        }
    }

    @Test
    void samePlateRendersIdentically() {
        Plate plate = PlateParser.parse("桂A·12345");
        BufferedImage a = RENDERER.render(plate, PlateStyle.standard(plate), 1).image();
        BufferedImage b =
                new PlateRenderer().render(plate, PlateStyle.standard(plate), 1).image();
        assertThat(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()))
                .isEqualTo(b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    /** Share of pixels in {@code box} close to the character colour. */
    static double inkShare(BufferedImage image, Rectangle box, Color ink) {
        int hits = 0;
        int total = 0;
        for (int y = box.y; y < box.y + box.height && y < image.getHeight(); y++) {
            for (int x = box.x; x < box.x + box.width && x < image.getWidth(); x++) {
                total++;
                if (distance(new Color(image.getRGB(x, y)), ink) < 60) {
                    hits++;
                }
            }
        }
        return total == 0 ? 0 : (double) hits / total;
    }

    static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
