package vn.bordergate.workstation.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.RetryDelay;

/**
 * One attempt at sending an outbox action and what follows from its answer: delivered, wait and retry
 * with growing pauses, wait for a login, or a refusal kept for the officer (or shown to the one waiting).
 * Lives on the FX thread with the {@link OutboxViewModel} that owns it.
 */
final class OutboxDelivery {
    // the outbox logs under one name, as before the split
    private static final Logger LOG = LoggerFactory.getLogger(OutboxViewModel.class);

    private final GateSession session;
    private final BackgroundWork work;
    private final OutboxStore store;
    private final OutboxEntries entries;
    private final ReadOnlyBooleanWrapper offline;
    private final ReadOnlyBooleanWrapper waitingForLogin;
    private final Runnable pump;
    private final Map<String, CompletableFuture<OutboxViewModel.Answer>> waiting = new HashMap<>();
    private final List<Consumer<CrossingDto>> deliveredListeners = new ArrayList<>();
    private boolean retryScheduled;
    private int failures;

    OutboxDelivery(
            GateSession session,
            OutboxStore store,
            OutboxEntries entries,
            ReadOnlyBooleanWrapper offline,
            ReadOnlyBooleanWrapper waitingForLogin,
            Runnable pump) {
        this.session = session;
        this.work = session.work();
        this.store = store;
        this.entries = entries;
        this.offline = offline;
        this.waitingForLogin = waitingForLogin;
        this.pump = pump;
    }

    /** The officer waits on screen for {@code key}'s answer. */
    void await(String key, CompletableFuture<OutboxViewModel.Answer> answer) {
        waiting.put(key, answer);
    }

    void onDelivered(Consumer<CrossingDto> listener) {
        deliveredListeners.add(listener);
    }

    /** A pause before the next attempt is running: nothing goes out until it ends (or {@link #retryNow}). */
    boolean retryScheduled() {
        return retryScheduled;
    }

    /** Drops the pause and its growth: the next attempt may go at once. */
    void retryNow() {
        retryScheduled = false;
        failures = 0;
    }

    CompletableFuture<Void> deliver(OutboxEntry entry) {
        OutboxAction action = entry.action();
        // sent at once (the officer is looking at this crossing now), the server's workflow rules are check
        // enough; an action that waited is first compared with the crossing as it is now
        boolean fresh = waiting.containsKey(action.key());
        CompletableFuture<Boolean> stillValid = entry.attempted()
                ? CompletableFuture.completedFuture(true)
                : fresh
                        ? onJournal(j -> j.attempted(action.key())).thenApply(x -> {
                            entries.replace(entry.asAttempted());
                            return true;
                        })
                        : session.ask(gate -> gate.crossing(action.crossingId()))
                                .thenCompose(now -> {
                                    Optional<ActionProblem> stale = ActionProblem.changedSince(action, now);
                                    if (stale.isPresent()) {
                                        return refuse(entry, stale.get()).thenApply(x -> false);
                                    }
                                    return onJournal(j -> j.attempted(action.key()))
                                            .thenApply(x -> {
                                                entries.replace(entry.asAttempted());
                                                return true;
                                            });
                                });
        return stillValid
                .thenCompose(valid -> valid ? send(action) : CompletableFuture.completedFuture(null))
                .handle((ignored, failure) -> failure == null ? null : failed(entry, cause(failure)))
                .thenCompose(next -> next == null ? CompletableFuture.completedFuture(null) : next);
    }

    private CompletableFuture<Void> send(OutboxAction a) {
        return session.ask(gate -> a.kind() == ActionKind.RELEASE_HOLD
                        ? gate.releaseHold(
                                a.crossingId(), a.step(), new HoldReleaseRequest(a.reason(), a.stationCode()), a.key())
                        : gate.decideStep(
                                a.crossingId(),
                                a.step(),
                                new StepDecisionRequest(a.kind().outcome(), a.reason(), a.stationCode()),
                                a.key()))
                .thenCompose(crossing -> onJournal(j -> j.remove(a.key(), "DELIVERED"))
                        .thenRun(() -> {
                            failures = 0;
                            offline.set(false);
                            entries.remove(a.key());
                            answer(
                                    a.key(),
                                    new OutboxViewModel.Answer(OutboxViewModel.Result.DELIVERED, crossing, null));
                            deliveredListeners.forEach(listener -> listener.accept(crossing));
                        }));
    }

    /** Sorts a failed attempt: wait and retry, wait for a login, or a refusal for the officer to see. */
    private CompletableFuture<Void> failed(OutboxEntry entry, Throwable cause) {
        String key = entry.key();
        if (cause instanceof GateApiException api && api.status() == 401) {
            waitingForLogin.set(true);
            answer(key, new OutboxViewModel.Answer(OutboxViewModel.Result.QUEUED, null, null));
            return CompletableFuture.completedFuture(null);
        }
        if (cause instanceof GateApiException api && !transientStatus(api.status())) {
            OutboxAction action = entry.action();
            return session.ask(gate -> gate.crossing(action.crossingId()))
                    .handle((now, notFetched) -> ActionProblem.of(api.status(), api.getMessage(), now, action))
                    .thenCompose(problem -> refuse(entry, problem));
        }
        if (!(cause instanceof GateUnreachableException) && !(cause instanceof GateApiException)) {
            LOG.warn("outbox action {} not sent, will retry: {}", key, cause.toString());
        }
        offline.set(true);
        answer(key, new OutboxViewModel.Answer(OutboxViewModel.Result.QUEUED, null, null));
        failures++;
        retryScheduled = true;
        work.later(RetryDelay.after(failures), () -> work.ui().execute(() -> {
            if (retryScheduled) {
                retryScheduled = false;
                pump.run();
            }
        }));
        return CompletableFuture.completedFuture(null);
    }

    /** 408, 429 and 5xx say "not now", not "no": the action waits and goes again. */
    private static boolean transientStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /**
     * An officer waiting on screen reads the refusal there (the detail shows it with the crossing as it is
     * now), so the action is done with; one that waited in the outbox stays until the officer decides.
     */
    private CompletableFuture<Void> refuse(OutboxEntry entry, ActionProblem problem) {
        String key = entry.key();
        if (waiting.containsKey(key)) {
            return onJournal(j -> j.remove(key, "REFUSED_SHOWN")).thenRun(() -> {
                entries.remove(key);
                answer(key, new OutboxViewModel.Answer(OutboxViewModel.Result.REFUSED, null, problem));
            });
        }
        return onJournal(j -> j.refused(key, problem)).thenRun(() -> {
            entries.replace(entries.entry(key).orElse(entry).with(problem));
        });
    }

    private void answer(String key, OutboxViewModel.Answer answer) {
        CompletableFuture<OutboxViewModel.Answer> waiter = waiting.remove(key);
        if (waiter != null) {
            waiter.complete(answer);
        }
    }

    private CompletableFuture<Void> onJournal(OutboxStore.JournalWork change) {
        return store.onJournal(change);
    }

    private static Throwable cause(Throwable failure) {
        return OutboxStore.cause(failure);
    }
}
