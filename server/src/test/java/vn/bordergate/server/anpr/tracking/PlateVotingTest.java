package vn.bordergate.server.anpr.tracking;

import static org.assertj.core.api.Assertions.assertThat;

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
}
