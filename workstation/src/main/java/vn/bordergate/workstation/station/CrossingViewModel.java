package vn.bordergate.workstation.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Outcome;
import vn.bordergate.common.workflow.Step;
import vn.bordergate.common.workflow.StepState;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.outbox.ActionKind;
import vn.bordergate.workstation.outbox.OutboxAction;
import vn.bordergate.workstation.outbox.OutboxEntry;
import vn.bordergate.workstation.outbox.OutboxJournal;
import vn.bordergate.workstation.outbox.OutboxViewModel;
import vn.bordergate.workstation.outbox.OutboxWords;
import vn.bordergate.workstation.text.Wording;

/**
 * The selected crossing: its eight-step checklist as every agency sees it, and the officer's own step
 * with what may be done to it now. The same workflow rules as the server decide which buttons work, so
 * an officer is not offered what the server would refuse; a hold or a reject needs a reason.
 */
public final class CrossingViewModel {
    /** One row of the checklist; {@code mine} rows belong to the officer's agency, the others are read-only. */
    public record StepLine(StepStatusDto status, boolean mine, boolean target) {}

    private final GateSession session;
    private final Wording words;
    private final Agency agency;
    private final AgencySteps rules;
    private final Consumer<CrossingDto> changed;
    private final OutboxViewModel outbox;
    private final ReadOnlyObjectWrapper<CrossingDto> crossing = new ReadOnlyObjectWrapper<>(this, "crossing");
    private final ObservableList<StepLine> steps = FXCollections.observableArrayList();
    private final ObservableList<StepLine> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<Step> target = new ReadOnlyObjectWrapper<>(this, "target");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper(this, "canConfirm");
    private final ReadOnlyBooleanWrapper canHold = new ReadOnlyBooleanWrapper(this, "canHold");
    private final ReadOnlyBooleanWrapper canReject = new ReadOnlyBooleanWrapper(this, "canReject");
    private final ReadOnlyBooleanWrapper canReleaseHold = new ReadOnlyBooleanWrapper(this, "canReleaseHold");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** With an outbox in memory only: for tests of a screen that stays online. */
    public CrossingViewModel(GateSession session, Wording words, Consumer<CrossingDto> changed) {
        this(session, words, changed, new OutboxViewModel(session, OutboxJournal::inMemory));
    }

    /**
     * {@code changed} hears every crossing an action returns, so the queue shows it at once; every action
     * goes out through {@code outbox}, which keeps it while the server is unreachable.
     */
    public CrossingViewModel(
            GateSession session, Wording words, Consumer<CrossingDto> changed, OutboxViewModel outbox) {
        this.session = session;
        this.words = words;
        this.agency = session.agency().orElse(null);
        this.rules = new AgencySteps(agency);
        this.changed = changed;
        this.outbox = outbox;
        busy.addListener((obs, before, now) -> refresh());
        // a step with an action in the outbox takes no second one until the server has answered the first
        outbox.crossings().addListener((SetChangeListener<Long>) change -> refresh());
        outbox.refused().addListener((obs, before, now) -> refresh());
    }

    /**
     * Shows {@code shown}: another crossing resets the reason and messages; a newer version of the same
     * crossing (an event, an action's answer) keeps what the officer typed. Null clears the detail.
     */
    public void show(CrossingDto shown) {
        CrossingDto current = crossing.get();
        boolean same = current != null && shown != null && current.id() == shown.id();
        if (same && shown.version() < current.version()) {
            return;
        }
        if (!same) {
            reason.set("");
            message.set("");
            error.set("");
            target.set(null);
        }
        crossing.set(shown);
        if (!same || !rules.actionable(shown, target.get())) { // keep a step the officer chose while it is still open
            target.set(rules.targetFor(shown));
        }
        refresh();
    }

    /** The officer picked one of the agency's own steps in the checklist (customs has two, gate two). */
    public void choose(Step step) {
        if (step != null && step.agency() == agency && crossing.get() != null) {
            target.set(step);
            refresh();
        }
    }

    public CompletableFuture<Void> confirm() {
        return decide(Outcome.PASS, canConfirm.get());
    }

    public CompletableFuture<Void> hold() {
        return decide(Outcome.HOLD, canHold.get());
    }

    public CompletableFuture<Void> reject() {
        return decide(Outcome.REJECT, canReject.get());
    }

    /** Lifts the agency's own hold; the reason field, if filled, goes with it as a note. */
    public CompletableFuture<Void> releaseHold() {
        if (!canReleaseHold.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(ActionKind.RELEASE_HOLD, "action.done.RELEASE", reasonOrNull());
    }

    private CompletableFuture<Void> decide(Outcome outcome, boolean allowed) {
        if (!allowed) {
            return CompletableFuture.completedFuture(null);
        }
        String why = reasonOrNull();
        if (outcome != Outcome.PASS && why == null) {
            message.set("");
            error.set(words.text("action.reasonRequired." + outcome.name()));
            return CompletableFuture.completedFuture(null);
        }
        return send(ActionKind.of(outcome), "action.done." + outcome.name(), why);
    }

    /**
     * Hands the action to the outbox (one key per press: however often it is retried, the server applies
     * it once) and shows what became of it: done, saved to go out later, or refused with what changed.
     */
    private CompletableFuture<Void> send(ActionKind kind, String doneKey, String why) {
        CrossingDto on = crossing.get();
        Step step = target.get();
        OutboxAction action =
                OutboxAction.on(on, step, kind, why, session.user().username(), session.stationCode());
        busy.set(true);
        error.set("");
        message.set("");
        return outbox.submit(action).handle((answer, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(words.text("outbox.storeError", words.problem(failure)));
                return null;
            }
            switch (answer.result()) {
                case DELIVERED -> {
                    reason.set("");
                    changed.accept(answer.crossing());
                    show(answer.crossing());
                    message.set(words.text(doneKey, step.number(), on.tractorPlate(), words.time(Instant.now())));
                }
                case QUEUED -> {
                    reason.set("");
                    message.set(words.text(
                            outbox.waitingForLogin().get() ? "outbox.queuedLogin" : "outbox.queued",
                            step.number(),
                            on.tractorPlate()));
                }
                case REFUSED -> {
                    error.set(words.text("problem.conflict", new OutboxWords(words).change(action, answer.problem())));
                    reload(on.id());
                }
            }
            return null;
        });
    }

    /** After a refusal the screen was stale: fetch the crossing as it is now and show it. */
    private void reload(long crossingId) {
        session.ask(gate -> gate.crossing(crossingId)).thenAccept(fresh -> {
            changed.accept(fresh);
            if (crossing.get() != null && crossing.get().id() == crossingId) {
                show(fresh);
            }
        });
    }

    private String reasonOrNull() {
        String text = reason.get();
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void refresh() {
        CrossingDto shown = crossing.get();
        Step step = target.get();
        List<StepLine> lines = new ArrayList<>();
        if (shown != null) {
            for (StepStatusDto line : shown.steps()) {
                lines.add(new StepLine(line, line.step().agency() == agency && agency != null, line.step() == step));
            }
        }
        steps.setAll(lines);
        Optional<OutboxEntry> waiting = shown == null ? Optional.empty() : outbox.pendingFor(shown.id());
        boolean open = shown != null && step != null && !busy.get() && waiting.isEmpty();
        Map<Step, StepState> states = shown == null ? Map.of() : QueueFilter.states(shown);
        canConfirm.set(open && rules.allowed(states, step, Outcome.PASS));
        canHold.set(open && rules.allowed(states, step, Outcome.HOLD));
        canReject.set(open && rules.allowed(states, step, Outcome.REJECT));
        canReleaseHold.set(open && states.get(step) == StepState.HELD);
        hint.set(
                shown == null
                        ? ""
                        : waiting.map(this::waitingHint)
                                .orElseGet(() -> StepHint.of(words, agency, shown, states, step)));
    }

    private String waitingHint(OutboxEntry entry) {
        String kind = new OutboxWords(words).kind(entry.action().kind());
        return words.text(entry.refused() ? "outbox.hint.refused" : "outbox.hint.waiting", kind);
    }

    /** The outbox the actions go through. */
    public OutboxViewModel outbox() {
        return outbox;
    }

    public ReadOnlyObjectProperty<CrossingDto> crossing() {
        return crossing.getReadOnlyProperty();
    }

    public ObservableList<StepLine> steps() {
        return stepsView;
    }

    /** The step the action buttons apply to: the agency's own, chosen automatically or by the officer. */
    public ReadOnlyObjectProperty<Step> target() {
        return target.getReadOnlyProperty();
    }

    public StringProperty reason() {
        return reason;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canConfirm() {
        return canConfirm.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canHold() {
        return canHold.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReject() {
        return canReject.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canReleaseHold() {
        return canReleaseHold.getReadOnlyProperty();
    }

    /** What the officer can do on the target step now, or why not. */
    public ReadOnlyStringProperty hint() {
        return hint.getReadOnlyProperty();
    }

    /** The last action's result in words, empty when none. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** The last problem in plain words, empty when none. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
