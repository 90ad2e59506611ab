package vn.bordergate.server.anpr.synthetic;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import vn.bordergate.common.plate.PlateParser;

/**
 * The two fonts plates are drawn with, loaded from the classpath ({@code /fonts}, made by
 * {@code server/tools/subset_fonts.sh}); nothing is taken from the fonts installed on the machine.
 * Latin letters, digits and separators come from DejaVu Sans Condensed Bold, the Chinese province and
 * suffix characters from a subset of Noto Sans CJK SC Bold.
 */
public final class PlateFonts {
    /** Every Chinese character a plate can carry: the 31 provinces, then suffixes and special plates. */
    public static final String CHINESE_CHARACTERS = PlateParser.CN_PROVINCES + "挂学港澳警领使";

    static final String LATIN_RESOURCE = "/fonts/DejaVuSansCondensed-Bold-Plates.ttf";
    static final String CHINESE_RESOURCE = "/fonts/NotoSansCJKsc-Bold-Plates.otf";

    private static final class Loaded {
        static final Font LATIN = load(LATIN_RESOURCE);
        static final Font CHINESE = load(CHINESE_RESOURCE);
    }

    private PlateFonts() {}

    /** DejaVu Sans Condensed Bold (Basic Latin, middle dot, Đ), size 1. */
    public static Font latin() {
        return Loaded.LATIN;
    }

    /** The Noto Sans CJK SC Bold subset holding {@link #CHINESE_CHARACTERS}, size 1. */
    public static Font chinese() {
        return Loaded.CHINESE;
    }

    /** The bundled font that draws {@code codePoint}; the Latin font when neither does. */
    public static Font fontFor(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN ? chinese() : latin();
    }

    private static Font load(String resource) {
        try (InputStream in = PlateFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("plate font missing from the classpath: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1f);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plate font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("plate font " + resource + " is not a usable font", e);
        }
    }
}
