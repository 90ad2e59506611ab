package vn.bordergate.workstation.platereads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.NewPlateReadRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** The plate reads list and correcting a misread plate, against a real gate, without the FX toolkit. */
class PlateReadsViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private PlateReadsViewModel as(String officer) {
        GateSession session = Officers.session(gate, officer, work);
        return ui.call(() -> new PlateReadsViewModel(session, Wording.of(Wording.ENGLISH)));
    }

    /** A lane camera read {@code text}; the gate matched it (or not) as it does every read. */
    private PlateReadDto cameraReads(String text) {
        String camera = gate.as("admin").anpr().cameras().get(0).code();
        return gate.as("camera").anpr().postPlateRead(new NewPlateReadRequest(camera, Instant.now(), text, 0.62, null));
    }

    @Test
    void aGateOfficerCorrectsAMisreadPlateAndSeesTheRematch() throws Exception {
        CrossingDto truck = gate.declare(DemoGate.uniquePlate());
        PlateReadDto misread = cameraReads("99Z-999.99"); // nothing like any plate expected today
        assertThat(misread.crossingId()).isNull();

        PlateReadsViewModel reads = as("gate");
        assertThat(reads.canCorrect()).isTrue();
        ui.call(reads::load).get(10, TimeUnit.SECONDS);
        PlateReadDto shown = ui.call(() -> reads.reads().stream()
                .filter(r -> r.id() == misread.id())
                .findFirst()
                .orElseThrow());
        ui.run(() -> reads.select(shown));
        assertThat(ui.call(() -> reads.plate().get())).isEqualTo(shown.text());

        ui.run(() -> reads.plate().set("not a plate"));
        assertThat(ui.call(() -> reads.plateProblem().get())).contains("not a Vietnamese or Chinese plate");
        ui.call(reads::correct).get(10, TimeUnit.SECONDS);
        assertThat(ui.call(() -> reads.result().get())).as("nothing sent").isEmpty();

        ui.run(() -> reads.plate().set(truck.tractorPlate()));
        assertThat(ui.call(() -> reads.plateProblem().get())).isEmpty();
        ui.call(reads::correct).get(10, TimeUnit.SECONDS);

        assertThat(ui.call(() -> reads.error().get())).isEmpty();
        assertThat(ui.call(() -> reads.result().get()))
                .isEqualTo("Corrected to " + truck.tractorPlate() + ": matched trip #" + truck.id() + ".");
        PlateReadDto corrected = ui.call(() -> reads.selected().get());
        assertThat(corrected.crossingId()).isEqualTo(truck.id());
        assertThat(corrected.matchStatus()).isEqualTo(MatchStatus.CORRECTED);
        assertThat(corrected.correctedBy()).isEqualTo("gate");
        assertThat(gate.as("admin").anpr().plateReads(1000).stream().filter(r -> r.id() == misread.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.crossingId()).isEqualTo(truck.id()));
    }

    @Test
    void assigningARankedCandidateMatchesTheReadToIt() throws Exception {
        CrossingDto truck = gate.declare(DemoGate.uniquePlate());
        PlateReadDto misread = cameraReads("98Y-888.88");
        PlateReadsViewModel reads = as("supervisor");
        ui.run(() -> {
            reads.onRead(misread);
            reads.select(misread);
        });
        ui.call(() -> reads.assign(new MatchCandidateDto(truck.id(), truck.tractorPlate(), 0.2)))
                .get(10, TimeUnit.SECONDS);
        assertThat(ui.call(() -> reads.selected().get().crossingId())).isEqualTo(truck.id());
        assertThat(ui.call(() -> reads.needsOfficer().get())).isZero();
    }

    @Test
    void otherAgenciesSeeTheReadsButCannotCorrect() throws Exception {
        PlateReadDto misread = cameraReads("97X-777.77");
        PlateReadsViewModel reads = as("medical");
        assertThat(reads.canCorrect()).isFalse();
        ui.run(() -> {
            reads.onRead(misread);
            reads.select(misread);
            reads.plate().set("29C-123.45");
        });
        ui.call(reads::correct).get(10, TimeUnit.SECONDS);
        assertThat(ui.call(() -> reads.result().get())).isEmpty();
        assertThat(gate.as("admin").anpr().plateReads(1000).stream().filter(r -> r.id() == misread.id()))
                .singleElement()
                .satisfies(r -> assertThat(r.correctedBy()).isNull());
    }

    @Test
    void newestFirstACorrectionReplacesItsReadAndTheListIsCapped() {
        PlateReadsViewModel reads = as("medical");
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        ui.run(() -> {
            for (int i = 0; i < PlateReadsViewModel.KEPT + 5; i++) {
                reads.onRead(read(i, t0.plusSeconds(i), null));
            }
            reads.onRead(read(3, t0.plusSeconds(3), 77L)); // too old to be kept: dropped, not re-added
            reads.onRead(read(44, t0.plusSeconds(44), 77L)); // the newest, now matched
            reads.onRead(read(1000, t0.minus(Duration.ofHours(1)), null)); // late and old: goes last
        });
        List<PlateReadDto> shown = ui.call(() -> List.copyOf(reads.reads()));
        assertThat(shown).hasSize(PlateReadsViewModel.KEPT);
        assertThat(shown.get(0).id()).isEqualTo(44);
        assertThat(shown.get(0).crossingId()).isEqualTo(77L);
        assertThat(shown).extracting(PlateReadDto::id).doesNotContain(1000L, 3L);
        assertThat(ui.call(() -> reads.needsOfficer().get())).isEqualTo(PlateReadsViewModel.KEPT - 1);
    }

    @Test
    void aReadWithoutACropAnswersEmptyForThePlaceholder() throws Exception {
        PlateReadDto read = cameraReads(DemoGate.uniquePlate());
        PlateReadsViewModel reads = as("gate");
        assertThat(ui.call(() -> reads.crop(read.id())).get(10, TimeUnit.SECONDS))
                .isEmpty();
    }

    private static PlateReadDto read(long id, Instant at, Long crossingId) {
        return new PlateReadDto(
                id,
                "CAM-L1",
                "L1",
                at,
                "29C-" + (10000 + id),
                PlateCountry.VN,
                0.9,
                null,
                crossingId,
                crossingId == null ? MatchStatus.NEEDS_OFFICER : MatchStatus.MATCHED,
                List.of(),
                null,
                null);
    }
}
