package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plate crop read four ways whose vote is still unsure is read flattened too ({@link CropReader#flatTooWanted}); a
 * sure vote, a crop read fewer ways (an early agreement), a finder region and a crop already read flattened are not.
 */
class FlatTooTest {
    private static final CropRead UNSURE = OneRowReads.read("30A81674", PlateColour.WHITE, 0.52);
    private static final CropRead SURE = OneRowReads.read("30A81674", PlateColour.WHITE, 0.91);
    private static final List<CropRead> FOUR = Collections.nCopies(4, UNSURE);

    @Test
    void anUnsureVoteOfFourReadsOfACropIsReadFlattenedToo() {
        assertThat(CropReader.flatTooWanted(ReadEffort.CROP, FOUR, UNSURE)).isTrue();
    }

    @Test
    void otherReadsAreNot() {
        assertThat(CropReader.flatTooWanted(ReadEffort.CROP, FOUR, SURE))
                .as("sure")
                .isFalse();
        assertThat(CropReader.flatTooWanted(ReadEffort.FULL, FOUR, UNSURE))
                .as("a finder region")
                .isFalse();
        assertThat(CropReader.flatTooWanted(ReadEffort.CROP, FOUR.subList(0, 2), UNSURE))
                .as("two reads that agreed")
                .isFalse();
        assertThat(CropReader.flatTooWanted(ReadEffort.CROP, Collections.nCopies(5, UNSURE), UNSURE))
                .as("read flattened already: no read found a plate")
                .isFalse();
        CropRead none = new CropRead(null, "", PlateColour.WHITE, false);
        assertThat(CropReader.flatTooWanted(ReadEffort.CROP, FOUR, none))
                .as("no plate voted")
                .isFalse();
    }
}
