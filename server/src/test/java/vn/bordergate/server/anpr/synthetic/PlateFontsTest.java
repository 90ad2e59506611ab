package vn.bordergate.server.anpr.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.plate.PlateParser;

/** The bundled plate fonts are the committed subsets, carry their licences and really draw every character. */
class PlateFontsTest {
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    @Test
    void fontsAreTheCommittedSubsetsNotSystemFonts() {
        assertThat(PlateFonts.latin().getFontName()).isEqualTo("DejaVu Sans Condensed Bold");
        assertThat(PlateFonts.chinese().getFontName()).isEqualTo("Noto Sans CJK SC Bold");
        // a full Noto Sans CJK face has about 65 000 glyphs, DejaVu Sans Condensed Bold about 3 000
        assertThat(PlateFonts.chinese().getNumGlyphs()).isLessThan(60);
        assertThat(PlateFonts.latin().getNumGlyphs()).isLessThan(200);
    }

    @Test
    void licencesShipBesideTheFonts() throws IOException {
        for (String resource : new String[] {"/fonts/OFL.txt", "/fonts/LICENSE-DejaVu.txt", "/fonts/README.md"}) {
            try (InputStream in = PlateFonts.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isNotBlank();
            }
        }
    }

    @Test
    void requiredCharactersAreTheProvincesAndSuffixes() {
        assertThat(PlateFonts.CHINESE_CHARACTERS)
                .startsWith(PlateParser.CN_PROVINCES)
                .contains("挂", "学", "港", "澳", "警", "领", "使")
                .hasSize(38);
        for (char c : PlateParser.CN_SUFFIXES.toCharArray()) {
            assertThat(PlateFonts.CHINESE_CHARACTERS).contains(String.valueOf(c));
        }
    }

    @Test
    void everyPlateCharacterHasAGlyph() {
        Font chinese = PlateFonts.chinese();
        for (char c : PlateFonts.CHINESE_CHARACTERS.toCharArray()) {
            assertThat(chinese.canDisplay(c)).as("Chinese font draws %s", c).isTrue();
            assertThat(glyphCode(chinese, c)).as("glyph of %s", c).isNotEqualTo(chinese.getMissingGlyphCode());
        }
        Font latin = PlateFonts.latin();
        for (char c : "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-.·Đ".toCharArray()) {
            assertThat(latin.canDisplay(c)).as("Latin font draws %s", c).isTrue();
        }
        assertThat(chinese.canDisplay('一'))
                .as("subset holds only plate characters")
                .isFalse();
    }

    @Test
    void chineseCharactersRenderAsThemselvesNotAsMissingGlyphBoxes() {
        Font chinese = PlateFonts.chinese();
        boolean[] tofu = raster(chinese, "一"); // not in the subset: drawn as the missing glyph
        Map<String, Character> seen = new HashMap<>();
        for (char c : PlateFonts.CHINESE_CHARACTERS.toCharArray()) {
            boolean[] glyph = raster(chinese, String.valueOf(c));
            int ink = count(glyph);
            assertThat(ink).as("ink of %s", c).isGreaterThan(200);
            assertThat(difference(glyph, tofu))
                    .as("%s differs from the missing-glyph box", c)
                    .isGreaterThan(150);
            Character twin = seen.put(Arrays.toString(glyph), c);
            assertThat(twin).as("%s draws the same pixels as %s", c, twin).isNull();
        }
    }

    private static int glyphCode(Font font, char c) {
        return font.createGlyphVector(FRC, String.valueOf(c)).getGlyphCode(0);
    }

    private static boolean[] raster(Font font, String text) {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.WHITE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setFont(font.deriveFont(56f));
        g.drawString(text, 2, 54);
        g.dispose();
        boolean[] on = new boolean[64 * 64];
        for (int i = 0; i < on.length; i++) {
            on[i] = image.getRaster().getSample(i % 64, i / 64, 0) > 127;
        }
        return on;
    }

    private static int count(boolean[] a) {
        int n = 0;
        for (boolean b : a) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private static int difference(boolean[] a, boolean[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n;
    }
}
