package vn.bordergate.server.anpr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlateVotingTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private final List<VehiclePass> passes = new ArrayList<>();
    private final PlateVoting voting =
            new PlateVoting(Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(30), 3, passes::add);

    private void see(long millis, String text, double confidence) {
        voting.observe(new PlateSighting("CAM-L1", T0.plusMillis(millis), text, confidence));
    }

    @Test
    void misreadsInSomeFramesAreOutvoted() {
        see(0, "29H-335.7B", 0.6);
        see(40, "29H-335.78", 0.9);
        see(80, "29H-3S5.78", 0.5);
        see(120, "29H-335.78", 0.8);
        see(160, "29H-335.78", 0.85);
        voting.advanceTo(T0.plusSeconds(5));

        assertThat(passes).hasSize(1);
        VotedPlate plate = passes.get(0).tractor();
        assertThat(plate.text()).isEqualTo("29H33578");
        assertThat(plate.sightings()).isEqualTo(5);
        assertThat(plate.firstSeen()).isEqualTo(T0);
        assertThat(plate.confidence()).isBetween(0.4, 0.9);
        assertThat(passes.get(0).trailer()).isNull();
    }

    @Test
    void aTrailerSeenInTheSamePassStaysWithItsTractor() {
        for (int i = 0; i < 5; i++) {
            see(i * 40L, "桂A·12345", 0.9);
        }
        for (int i = 0; i < 5; i++) {
            see(1500 + i * 40L, "桂A1234挂", 0.8);
        }
        voting.advanceTo(T0.plusSeconds(10));

        assertThat(passes).hasSize(1);
        assertThat(passes.get(0).tractor().text()).isEqualTo("桂A12345");
        assertThat(passes.get(0).trailer().text()).isEqualTo("桂A1234挂");
    }

    @Test
    void twoVehiclesFarApartAreTwoPasses() {
        for (int i = 0; i < 4; i++) {
            see(i * 40L, "29H-335.78", 0.9);
        }
        for (int i = 0; i < 4; i++) {
            see(6000 + i * 40L, "12C-123.45", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(20));
        assertThat(passes).extracting(p -> p.tractor().text()).containsExactly("29H33578", "12C12345");
    }

    @Test
    void aVehicleThatStaysOrComesBackAtOnceIsReportedOnce() {
        for (int i = 0; i < 4; i++) {
            see(i * 40L, "29H-335.78", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(4));
        for (int i = 0; i < 4; i++) {
            see(5000 + i * 40L, "29H-335.78", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(10));
        assertThat(passes).hasSize(1);

        for (int i = 0; i < 4; i++) {
            see(60_000 + i * 40L, "29H-335.78", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(70));
        assertThat(passes).as("back after the duplicate window: a new trip").hasSize(2);
    }

    @Test
    void aFewStraySightingsAreNoise() {
        see(0, "29H-335.78", 0.9);
        see(40, "29H-335.78", 0.9);
        see(3000, "HOTEL", 0.3);
        voting.advanceTo(T0.plusSeconds(10));
        voting.flush();
        assertThat(passes).isEmpty();
    }

    @Test
    void flushReportsWhatIsStillInView() {
        for (int i = 0; i < 3; i++) {
            see(i * 40L, "12R-012.34", 0.7);
        }
        voting.flush();
        assertThat(passes).hasSize(1);
        assertThat(passes.get(0).tractor().text())
                .as("a trailer alone is still reported")
                .isEqualTo("12R01234");
    }

    /** Sees a plate with a picture; counts how often the picture was asked for (a frame copy each time). */
    private void seeWithPicture(long millis, String text, double confidence, int[] copies) {
        BufferedImage frame = new BufferedImage(64, 36, BufferedImage.TYPE_3BYTE_BGR);
        frame.setRGB(0, 0, (int) Math.round(confidence * 1000)); // tells the pictures apart
        voting.observe(new PlateSighting("CAM-L1", T0.plusMillis(millis), text, confidence, () -> {
            copies[0]++;
            return new PlateEvidence(frame, new Rectangle(10, 20, 30, 7));
        }));
    }

    @Test
    void theClearestSightingsPictureIsKeptAndOnlyBetterOnesAreCopied() {
        int[] copies = {0};
        seeWithPicture(0, "29H-335.78", 0.5, copies);
        seeWithPicture(40, "29H-335.78", 0.9, copies);
        seeWithPicture(80, "29H-335.78", 0.7, copies);
        seeWithPicture(120, "29H-335.78", 0.6, copies);
        voting.advanceTo(T0.plusSeconds(5));

        PlateEvidence kept = passes.get(0).tractor().evidence();
        assertThat(kept.frame().getRGB(0, 0) & 0xffffff).isEqualTo(900);
        assertThat(copies[0])
                .as("pictures taken: the first, then only the better 0.9")
                .isEqualTo(2);
        assertThat(kept.crop().getWidth()).isGreaterThan(kept.crop().getHeight() * 3); // plate-shaped, with margin
    }

    @Test
    void tractorAndTrailerOfOnePassKeepTheirOwnPictures() {
        int[] copies = {0};
        for (int i = 0; i < 4; i++) {
            seeWithPicture(i * 40L, "桂A·12345", 0.81 + i * 0.01, copies);
        }
        for (int i = 0; i < 4; i++) {
            seeWithPicture(1500 + i * 40L, "桂A1234挂", 0.71 - i * 0.01, copies);
        }
        voting.advanceTo(T0.plusSeconds(10));

        VehiclePass pass = passes.get(0);
        assertThat(pass.tractor().evidence().frame().getRGB(0, 0) & 0xffffff).isEqualTo(840);
        assertThat(pass.trailer().evidence().frame().getRGB(0, 0) & 0xffffff).isEqualTo(710);
    }

    @Test
    void sightingsWithoutPicturesVoteAsBefore() {
        for (int i = 0; i < 4; i++) {
            see(i * 40L, "29H-335.78", 0.9);
        }
        voting.flush();
        assertThat(passes.get(0).tractor().evidence()).isNull();
    }

    @Test
    void aTruckLostForAMomentAndReadWithAnotherProvinceIsOnePass() {
        // the lane benchmark's case: one truck, two tracks (lost for longer than the track gap), two provinces
        for (int i = 0; i < 6; i++) {
            see(i * 40L, "桂F00035", 0.8);
        }
        for (int i = 0; i < 3; i++) {
            see(1200 + i * 40L, "皖F00035", 0.5);
        }
        voting.advanceTo(T0.plusSeconds(10));

        assertThat(passes).hasSize(1);
        VotedPlate plate = passes.get(0).tractor();
        assertThat(plate.text()).isEqualTo("桂F00035");
        assertThat(plate.sightings()).isEqualTo(9);
        assertThat(plate.firstSeen()).isEqualTo(T0);
        assertThat(plate.lastSeen()).isEqualTo(T0.plusMillis(1280));
    }

    @Test
    void theBetterSupportedProvinceWinsWhicheverTrackCameFirst() {
        for (int i = 0; i < 3; i++) {
            see(i * 40L, "?F00035", 0.4);
        }
        for (int i = 0; i < 6; i++) {
            see(1200 + i * 40L, "皖F00035", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(10));

        assertThat(passes).extracting(p -> p.tractor().text()).containsExactly("皖F00035");
    }

    @Test
    void aLookAlikeReadLaterInTheDuplicateWindowIsNotANewPass() {
        for (int i = 0; i < 4; i++) {
            see(i * 40L, "51F-446.14", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(6));
        for (int i = 0; i < 4; i++) {
            see(8000 + i * 40L, "51F-446.I4", 0.6);
        }
        voting.advanceTo(T0.plusSeconds(20));

        assertThat(passes).extracting(p -> p.tractor().text()).containsExactly("51F44614");
    }

    @Test
    void platesThatDifferInMoreThanTheProvinceStayTwoVehicles() {
        for (int i = 0; i < 4; i++) {
            see(i * 40L, "桂F00035", 0.9);
        }
        for (int i = 0; i < 4; i++) {
            see(1200 + i * 40L, "皖F00036", 0.9);
        }
        for (int i = 0; i < 4; i++) {
            see(2400 + i * 40L, "29H-335.78", 0.9);
        }
        for (int i = 0; i < 4; i++) {
            see(3600 + i * 40L, "29H-335.79", 0.9);
        }
        voting.advanceTo(T0.plusSeconds(20));

        assertThat(passes)
                .extracting(p -> p.tractor().text())
                .containsExactly("桂F00035", "皖F00036", "29H33578", "29H33579");
        assertThat(PlateVoting.sameVehicle("桂A1234挂", "桂A12345")).isFalse();
        assertThat(PlateVoting.sameVehicle("?A12345", "粤A12345")).isTrue();
    }
}
