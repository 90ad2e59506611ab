package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The last look at a frame where nothing was read: its most plate-like regions read as plate crops are. */
class LastLookTest {
    private static PlateRegion region(double score, PlateRegion.Source source) {
        return new PlateRegion(100, 100, 120, 30, 0, source, score);
    }

    @Test
    void takesTheMostPlateLikeRegionsOfBothLooksAboveTheScore() {
        PlateRegion sign = region(0.4, PlateRegion.Source.DARK_TEXT);
        PlateRegion glare = region(0.97, PlateRegion.Source.LIGHT_TEXT);
        PlateRegion blue = region(0.71, PlateRegion.Source.COLOUR);
        PlateRegion equalised = region(0.66, PlateRegion.Source.DARK_TEXT);

        assertThat(LastLook.regions(List.of(blue, sign), List.of(equalised, glare)))
                .containsExactly(glare, blue)
                .hasSize(LastLook.MAX_REGIONS);
        assertThat(LastLook.regions(List.of(sign), List.of())).isEmpty();
    }

    @Test
    void neverTakesTheWholeImage() {
        assertThat(LastLook.regions(List.of(region(1, PlateRegion.Source.WHOLE_IMAGE)), List.of()))
                .isEmpty();
    }

    /**
     * cn-scenes 021: a clear blue plate under headlights, its bold white characters filling the middle, so the quick
     * read takes it for dark text and reads nothing; read as a crop, the same region gives the plate.
     */
    @Test
    void readsTheGlaredNightPlateThatNoQuickReadSaw() {
        assertThat(TestImages.bestRead("cn-scenes", "easypr_021.jpg").text()).isEqualTo("川AKM065");
    }
}
