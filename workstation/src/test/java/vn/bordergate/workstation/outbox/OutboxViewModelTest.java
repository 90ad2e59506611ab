package vn.bordergate.workstation.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.dto.AuditEntryDto;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.outbox.OutboxViewModel.Result;
import vn.bordergate.workstation.support.DemoGate;
import vn.bordergate.workstation.support.Officers;
import vn.bordergate.workstation.support.UiThread;

/**
 * A medical officer's outbox against a real gate server that goes away and comes back on the same port
 * and data, without the FX toolkit: actions wait on disk, survive a new outbox over the same folder, go out
 * once and in order, and a step someone else changed meanwhile is kept as a conflict.
 */
class OutboxViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DemoGate gate;

    @TempDir
    Path dir;

    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);
    private OutboxViewModel outbox;

    @BeforeAll
    static void ownGate() throws InterruptedException {
        gate = DemoGate.start();
        gate.server().awaitDemoDay();
    }

    @AfterAll
    static void stopGate() {
        gate.close();
    }

    @AfterEach
    void stop() {
        if (outbox != null) {
            ui.run(outbox::close);
        }
        work.close();
        ui.close();
    }

    private OutboxViewModel open(GateSession session) {
        return ui.call(() -> new OutboxViewModel(session, () -> OutboxJournal.open(dir)));
    }

    private OutboxViewModel.Answer submit(OutboxAction action) throws Exception {
        return ui.call(() -> outbox.submit(action)).get(20, TimeUnit.SECONDS);
    }

    private static OutboxAction medical(CrossingDto seen, ActionKind kind, String reason) {
        return OutboxAction.on(seen, Step.MEDICAL_QUARANTINE, kind, reason, "medical", null);
    }

    /** What the audit log says happened to the medical step of the crossing, in order. */
    private static List<String> medicalActions(long crossingId) {
        return gate.audit(crossingId).stream()
                .filter(e -> e.details() != null && e.details().startsWith(Step.MEDICAL_QUARANTINE.name()))
                .map(AuditEntryDto::action)
                .toList();
    }

    /** Stops the server, runs {@code meanwhile}, starts it again on the same port over the same data. */
    private static void serverAway(ThrowingRunnable meanwhile) throws Exception {
        int port = gate.server().port();
        gate.close();
        try {
            meanwhile.run();
        } finally {
            gate = gate.restart(port);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void onlineAnActionIsDeliveredAtOnceAndLeavesNothingBehind() throws Exception {
        outbox = open(Officers.session(gate, "medical", work));
        CrossingDto crossing = gate.atTheYard();

        OutboxViewModel.Answer answer = submit(medical(crossing, ActionKind.CONFIRM, null));

        assertThat(answer.result()).isEqualTo(Result.DELIVERED);
        assertThat(answer.crossing().steps().get(3).state()).isEqualTo(StepState.PASSED);
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        assertThat(ui.call(() -> outbox.pending().get())).isZero();
        assertThat(Files.size(dir.resolve(OutboxJournal.FILE))).isZero();
    }

    @Test
    void offlineActionsWaitOnDiskAndGoOutOnceAndInOrderWhenTheServerIsBack() throws Exception {
        GateSession session = Officers.session(gate, "medical", work);
        outbox = open(session);
        CrossingDto first = gate.atTheYard();
        CrossingDto second = gate.atTheYard();
        serverAway(() -> {
            OutboxAction hold = medical(first, ActionKind.HOLD, "Lái xe sốt 38,6 độ");
            assertThat(submit(hold).result()).isEqualTo(Result.QUEUED);
            // the same officer lifts the hold after a second measurement: sent only after the hold
            OutboxAction lift = new OutboxAction(
                    java.util.UUID.randomUUID().toString(),
                    "medical",
                    first.id(),
                    first.tractorPlate(),
                    Step.MEDICAL_QUARANTINE,
                    ActionKind.RELEASE_HOLD,
                    "Đo lại 36,9 độ",
                    null,
                    first.version(),
                    StepState.HELD,
                    java.time.Instant.now());
            assertThat(submit(lift).result()).isEqualTo(Result.QUEUED);
            assertThat(submit(medical(second, ActionKind.CONFIRM, null)).result())
                    .isEqualTo(Result.QUEUED);
            assertThat(ui.call(() -> outbox.pending().get())).isEqualTo(3);
            assertThat(ui.call(() -> outbox.offline().get())).isTrue();
            assertThat(ui.call(() -> outbox.crossings().contains(first.id()))).isTrue();
        });

        ui.run(outbox::retryNow); // what the live connection coming back does
        ui.await(WAIT, () -> outbox.pending().get() == 0);

        assertThat(medicalActions(first.id())).containsExactly("STEP_HOLD", "STEP_HOLD_RELEASED");
        assertThat(medicalActions(second.id())).containsExactly("STEP_PASS");
        assertThat(gate.state(first.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PENDING);
        assertThat(gate.state(second.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
        assertThat(ui.call(() -> outbox.offline().get())).isFalse();
    }

    @Test
    void whatWaitedSurvivesTheWorkstationClosingAndGoesOutFromTheNextOne() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        GateSession before = Officers.session(gate, "medical", work);
        outbox = open(before);
        serverAway(() -> {
            assertThat(submit(medical(crossing, ActionKind.CONFIRM, null)).result())
                    .isEqualTo(Result.QUEUED);
            // the journal is open (the action was queued in it), so closing shuts its file before run returns
            ui.run(outbox::close);
        });

        outbox = open(Officers.session(gate, "medical", work)); // a new workstation over the same folder
        ui.await(WAIT, () -> outbox.pending().get() == 0);

        assertThat(medicalActions(crossing.id())).containsExactly("STEP_PASS");
        assertThat(gate.state(crossing.id(), Step.MEDICAL_QUARANTINE)).isEqualTo(StepState.PASSED);
    }

    @Test
    void anActionWhoseAnswerWasLostIsAppliedOnceWhenSentAgain() throws Exception {
        CrossingDto crossing = gate.atTheYard();
        OutboxAction confirm = medical(crossing, ActionKind.CONFIRM, null);
        try (OutboxJournal journal = OutboxJournal.open(dir)) {
            journal.add(confirm);
            journal.attempted(confirm.key());
        }
        // the server applied it, then the workstation died before reading the answer
        gate.as("medical")
                .decideStep(
                        crossing.id(),
                        Step.MEDICAL_QUARANTINE,
                        new StepDecisionRequest(Outcome.PASS, null, null),
                        confirm.key());

        outbox = open(Officers.session(gate, "medical", work));
        ui.await(WAIT, () -> outbox.pending().get() == 0);

        assertThat(medicalActions(crossing.id())).containsExactly("STEP_PASS");
    }

    @Test
    void aStepDecidedElsewhereMeanwhileIsKeptAsAConflictUntilTheOfficerDiscardsIt() throws Exception {
        CrossingDto stale = gate.atTheYard();
        CrossingDto other = gate.atTheYard();
        OutboxAction hold = medical(stale, ActionKind.HOLD, "Lái xe ho nhiều");
        OutboxAction confirmOther = medical(other, ActionKind.CONFIRM, null);
        try (OutboxJournal journal = OutboxJournal.open(dir)) {
            journal.add(hold); // queued while offline, on the crossing as the officer saw it then
            journal.add(confirmOther);
        }
        gate.pass(stale.id(), Step.MEDICAL_QUARANTINE); // a colleague's workstation was online

        outbox = open(Officers.session(gate, "medical", work));
        ui.await(WAIT, () -> outbox.refused().get() == 1 && outbox.pending().get() == 1);

        OutboxEntry conflict = ui.call(() -> outbox.entries().get(0));
        assertThat(conflict.key()).isEqualTo(hold.key());
        assertThat(conflict.problem().nowState()).isEqualTo(StepState.PASSED);
        assertThat(conflict.problem().nowOfficer()).isEqualTo("medical");
        assertThat(new OutboxWords(vn.bordergate.workstation.text.Wording.of(
                                vn.bordergate.workstation.text.Wording.ENGLISH))
                        .state(conflict, false))
                .startsWith("Not done — Step 4 went from “Pending” to “Passed” (by medical at ");
        assertThat(medicalActions(stale.id())).as("not overwritten").containsExactly("STEP_PASS");
        assertThat(gate.state(other.id(), Step.MEDICAL_QUARANTINE))
                .as("other crossings don't wait behind a conflict")
                .isEqualTo(StepState.PASSED);

        // kept across a restart of the workstation, until the officer decides
        ui.run(outbox::close); // open (it showed the conflict): its file is shut before run returns
        outbox = open(Officers.session(gate, "medical", work));
        ui.await(WAIT, () -> outbox.refused().get() == 1);
        ui.call(() -> outbox.discard(hold.key())).get(10, TimeUnit.SECONDS);
        assertThat(ui.call(() -> outbox.pending().get())).isZero();
        assertThat(medicalActions(stale.id())).containsExactly("STEP_PASS");
    }
}
