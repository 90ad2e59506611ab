package vn.bordergate.workstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.station.CrossingViewModel.StepLine;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;
import vn.bordergate.workstation.text.Wording;

/** A medical officer's actions on one crossing, against a real gate server, without the FX toolkit. */
class CrossingViewModelTest {
    private final DemoGate gate = DemoGate.shared();
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private final List<CrossingDto> changed = new CopyOnWriteArrayList<>();
    private CrossingViewModel model;

    @BeforeEach
    void medicalOfficer() {
        var session = Officers.session(gate, "medical", work);
        model = ui.call(() -> new CrossingViewModel(session, Wording.of(Wording.VIETNAMESE), changed::add));
    }

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    private void show(CrossingDto crossing) {
        ui.run(() -> model.show(crossing));
    }

    private void act(Supplier<CompletableFuture<Void>> action) throws Exception {
        ui.call(action::get).get(20, TimeUnit.SECONDS);
    }

    private StepLine line(Step step) {
        return ui.call(() -> model.steps().stream()
                .filter(l -> l.status().step() == step)
                .findFirst()
                .orElseThrow());
    }

    @Test
    void confirmingPassesTheOwnStepAndShowsWhoAndWhen() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        show(crossing);
        assertThat(ui.call(() -> model.target().get())).isEqualTo(Step.MEDICAL_QUARANTINE);
        assertThat(ui.call(() -> model.canConfirm().get())).isTrue();

        act(model::confirm);

        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        StepLine mine = line(Step.MEDICAL_QUARANTINE);
        assertThat(mine.status().state()).isEqualTo(StepState.PASSED);
        assertThat(mine.status().officer()).isEqualTo("medical");
        assertThat(mine.status().decidedAt()).isNotNull();
        assertThat(mine.mine()).isTrue();
        assertThat(line(Step.BORDER_CONTROL).mine()).isFalse();
        assertThat(ui.call(() -> model.message().get()))
                .startsWith("Đã xác nhận bước 4 cho xe " + crossing.tractorPlate());
        assertThat(ui.call(() -> model.canConfirm().get())).as("decided once").isFalse();
        assertThat(changed).extracting(CrossingDto::id).contains(crossing.id());
    }

    @Test
    void holdingNeedsAReasonAndIsLiftedByTheSameAgency() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        show(crossing);

        act(model::hold);
        assertThat(ui.call(() -> model.error().get())).isEqualTo("Nhập lý do để giữ xe.");
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE))
                .as("nothing sent without a reason")
                .isEqualTo(StepState.PENDING);

        ui.run(() -> model.reason().set("Lái xe sốt 38,6 °C"));
        act(model::hold);
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.HELD);
        assertThat(line(Step.MEDICAL_QUARANTINE).status().reason()).isEqualTo("Lái xe sốt 38,6 °C");
        assertThat(ui.call(() -> model.error().get())).isEmpty();
        assertThat(ui.call(() -> model.reason().get()))
                .as("reason cleared after sending")
                .isEmpty();
        assertThat(ui.call(() -> model.canReleaseHold().get())).isTrue();
        assertThat(ui.call(() -> model.canConfirm().get())).isFalse();

        act(model::releaseHold);
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PENDING);
        assertThat(ui.call(() -> model.canConfirm().get())).isTrue();
    }

    @Test
    void rejectingNeedsAReasonToo() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        show(crossing);

        act(model::reject);
        assertThat(ui.call(() -> model.error().get())).isEqualTo("Nhập lý do để từ chối.");

        ui.run(() -> model.reason().set("Giấy khám sức khỏe giả"));
        act(model::reject);
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.REJECTED);
    }

    @Test
    void otherAgenciesStepsCannotBeChosen() {
        CrossingDto crossing = gate.atTheYard();
        show(crossing);

        ui.run(() -> model.choose(Step.BORDER_CONTROL));

        assertThat(ui.call(() -> model.target().get())).isEqualTo(Step.MEDICAL_QUARANTINE);
    }

    @Test
    void aStepThatCannotStartYetSaysWhatItWaitsFor() {
        CrossingDto declared = gate.declare(DemoGate.uniquePlate());
        show(declared);

        assertThat(ui.call(() -> model.canConfirm().get())).isFalse();
        assertThat(ui.call(() -> model.canHold().get())).isFalse();
        assertThat(ui.call(() -> model.hint().get())).isEqualTo("Chờ bước 3 (Kiểm soát xe vào bãi) hoàn thành trước.");
    }

    @Test
    void aHoldElsewhereBlocksPassingButNotHolding() {
        CrossingDto crossing = gate.atTheYard();
        CrossingDto held = gate.decide(crossing.id(), Step.BORDER_CONTROL, Outcome.HOLD, "Niêm phong bị rách");
        show(held);

        assertThat(ui.call(() -> model.canConfirm().get())).isFalse();
        assertThat(ui.call(() -> model.canHold().get())).isTrue();
        assertThat(ui.call(() -> model.hint().get()))
                .isEqualTo("Xe đang bị Biên phòng giữ ở bước 5: chưa thể xác nhận đạt.");
    }

    @Test
    void aConflictIsExplainedAndTheCurrentStateShown() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        show(crossing);
        gate.pass(crossing.id(), Step.MEDICAL_QUARANTINE); // a colleague at another medical workstation was faster

        act(model::confirm);

        assertThat(ui.call(() -> model.error().get()))
                .startsWith("Hồ sơ vừa thay đổi")
                .doesNotContain("Exception");
        ui.await(Duration.ofSeconds(10), () -> model.steps().stream()
                .anyMatch(l -> l.status().step() == Step.MEDICAL_QUARANTINE
                        && l.status().state() == StepState.PASSED));
    }
}
