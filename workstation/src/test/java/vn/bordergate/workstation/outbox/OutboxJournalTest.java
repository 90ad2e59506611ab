package vn.bordergate.workstation.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;

/** The outbox file: what was written is read back after a restart, in order, whatever state it reached. */
class OutboxJournalTest {
    @TempDir
    Path dir;

    static OutboxAction action(long crossingId, ActionKind kind) {
        return new OutboxAction(
                UUID.randomUUID().toString(),
                "medical",
                crossingId,
                "20C-123.45",
                Step.MEDICAL_QUARANTINE,
                kind,
                kind == ActionKind.CONFIRM ? null : "Lái xe sốt 38,6 độ",
                "HN-MED-1",
                7,
                StepState.PENDING,
                Instant.parse("2026-05-12T03:00:00Z"));
    }

    @Test
    void actionsAndTheirProgressSurviveANewInstanceInOrder() {
        OutboxAction hold = action(1, ActionKind.HOLD);
        OutboxAction confirm = action(2, ActionKind.CONFIRM);
        OutboxAction done = action(3, ActionKind.CONFIRM);
        ActionProblem problem = new ActionProblem(
                409,
                "step 4 already passed",
                9,
                CrossingStatus.IN_PROGRESS,
                StepState.PASSED,
                "medical2",
                Instant.now());
        try (OutboxJournal journal = OutboxJournal.open(dir)) {
            journal.add(hold);
            journal.add(confirm);
            journal.add(done);
            journal.attempted(confirm.key());
            journal.refused(hold.key(), problem);
            journal.remove(done.key(), "DELIVERED");
        }

        try (OutboxJournal reopened = OutboxJournal.open(dir)) {
            assertThat(reopened.entries())
                    .containsExactly(new OutboxEntry(hold, false, problem), new OutboxEntry(confirm, true, null));
        }
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheRestKept() throws IOException {
        OutboxAction kept = action(1, ActionKind.CONFIRM);
        try (OutboxJournal journal = OutboxJournal.open(dir)) {
            journal.add(kept);
        }
        // the workstation died in the middle of writing the next action
        Files.writeString(
                dir.resolve(OutboxJournal.FILE),
                "{\"op\":\"ADD\",\"key\":\"4f1c",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (OutboxJournal reopened = OutboxJournal.open(dir)) {
            assertThat(reopened.entries()).containsExactly(new OutboxEntry(kept, false, null));
            OutboxAction next = action(2, ActionKind.HOLD);
            reopened.add(next);
        }
        try (OutboxJournal again = OutboxJournal.open(dir)) {
            assertThat(again.entries()).extracting(OutboxEntry::key).hasSize(2);
        }
    }

    @Test
    void theFileIsEmptiedWhenTheLastActionLeaves() throws IOException {
        try (OutboxJournal journal = OutboxJournal.open(dir)) {
            OutboxAction only = action(1, ActionKind.CONFIRM);
            journal.add(only);
            assertThat(Files.size(dir.resolve(OutboxJournal.FILE))).isPositive();
            journal.remove(only.key(), "DELIVERED");
            assertThat(Files.size(dir.resolve(OutboxJournal.FILE))).isZero();
        }
    }

    @Test
    void twoWindowsCannotShareOneOutbox() {
        try (OutboxJournal first = OutboxJournal.open(dir)) {
            assertThatThrownBy(() -> OutboxJournal.open(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use");
            first.add(action(1, ActionKind.CONFIRM));
        }
        try (OutboxJournal after = OutboxJournal.open(dir)) {
            assertThat(after.entries()).hasSize(1);
        }
    }
}
