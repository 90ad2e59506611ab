package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two agreeing reads do not end a one-row Vietnamese crop's read when its glyph boxes show one character more than
 * their plate: both may have dropped the same character ({@link VietnameseGlyphVote#oneBoxMore}).
 */
class OneBoxMoreTest {
    @Test
    void aPlateOneCharacterShortOfTheBoxesIsReadOn() {
        // 93LD-001.03 read 93L000103: the grammar drops the 0 (the D) as the dash and gives 93L00103
        CropRead read = read("93L000103");

        assertThat(read.text()).isEqualTo("93L00103");
        assertThat(VietnameseGlyphVote.oneBoxMore(boxes(9), read)).isTrue();
    }

    @Test
    void aPlateWithOneCharacterPerBoxOrNoBoxesIsNot() {
        CropRead read = read("30E41411");

        assertThat(VietnameseGlyphVote.oneBoxMore(boxes(8), read)).isFalse();
        assertThat(VietnameseGlyphVote.oneBoxMore(boxes(10), read)).isFalse();
        assertThat(VietnameseGlyphVote.oneBoxMore(List.of(), read)).isFalse();
    }

    @Test
    void aChinesePlateIsNot() {
        CropRead read = read("皖AW2596", PlateColour.BLUE);

        assertThat(read.match().country()).isEqualTo(vn.bordergate.common.plate.PlateCountry.CN);
        assertThat(VietnameseGlyphVote.oneBoxMore(boxes(read.text().length() + 1), read))
                .isFalse();
    }

    private static List<double[]> boxes(int n) {
        return Collections.nCopies(n, new double[VietnameseGlyphClassifier.CLASSES.length()]);
    }

    /** A one-row white crop read as {@code text} (every symbol sure). */
    private static CropRead read(String text) {
        return OneRowReads.read(text, PlateColour.WHITE);
    }

    private static CropRead read(String text, PlateColour colour) {
        return OneRowReads.read(text, colour);
    }
}
