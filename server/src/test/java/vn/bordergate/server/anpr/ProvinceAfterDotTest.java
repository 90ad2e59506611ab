package vn.bordergate.server.anpr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** The province box when the region letter left of the dot was not seen as a character blob. */
class ProvinceAfterDotTest {
    private static final double PITCH = 25;

    /** A 20 × 42 blob centred {@code centre} pixels in. */
    private static Rect at(double centre) {
        return new Rect((int) Math.round(centre - 10), 10, 20, 42);
    }

    @Test
    void takesTheLeftmostBlobForTheThirdCharacterWhenTheLastIsFourPitchesRight() {
        // characters 3, 4, 5 and 7 of a GA 36 plate (the sixth merged with the dot or a screw): 粤 and A unseen
        List<Rect> blobs = List.of(at(75), at(100), at(125), at(175));
        assertThat(ProvinceGlyph.afterDot(blobs, PITCH, 26)).isTrue();
    }

    @Test
    void keepsTheRegionLetterForTheLeftmostBlob() {
        // characters 2, 3, 4, 5 and 7: the step after the region letter is the dot's 1.39 pitches
        double region = 75 - 1.386 * PITCH;
        assertThat(ProvinceGlyph.afterDot(List.of(at(region), at(75), at(100), at(125), at(175)), PITCH, 26))
                .isFalse();
        // characters 2, 4, 5, 6: four pitches apart only with the region letter's wider step
        assertThat(ProvinceGlyph.afterDot(List.of(at(region), at(100), at(125), at(150)), PITCH, 26))
                .isFalse();
    }

    @Test
    void needsRoomOnTheCropForTheRegionLetterAndTheGlyph() {
        assertThat(ProvinceGlyph.afterDot(List.of(at(35), at(60), at(85), at(135)), PITCH, 26))
                .isFalse();
    }

    /** cn-scenes 161: a yellow 粤AA0825, its region letter touching the frame; the box sat on it and read 皖. */
    @Test
    void readsTheProvinceLeftOfAnUnseenRegionLetter() {
        assertThat(TestImages.bestRead("cn-scenes", "easypr_161.jpg").text()).isEqualTo("粤AA0825");
    }
}
