package vn.bordergate.workstation.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.HoldReleaseRequest;
import vn.bordergate.common.dto.StepDecisionRequest;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.LiveEvents;

/**
 * Every step action goes through here, online or not: it is written to the durable journal first, then
 * sent in order, one at a time, with its idempotency key; it leaves the outbox only once the server has
 * answered. While the server cannot be reached the actions wait (retrying with growing pauses, and at once
 * when the live connection comes back); while the session is expired they wait for the officer to sign in
 * again. A refusal (the crossing changed meanwhile) is never overwritten: the action stays, with what
 * changed, until the officer discards it or does it again; later actions on that crossing wait behind it.
 *
 * <p>All state lives on the FX thread; disk and network work go through the background executor.
 */
public final class OutboxViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxViewModel.class);

    /** What became of an action the officer is waiting for on screen. */
    public enum Result {
        /** The server applied it: {@code crossing} is its answer. */
        DELIVERED,
        /** Saved in the outbox; it goes out when the server is back (or the officer signed in again). */
        QUEUED,
        /** The server refused it (or the step had changed): {@code problem} says why. */
        REFUSED
    }

    public record Answer(Result result, CrossingDto crossing, ActionProblem problem) {}

    private final GateSession session;
    private final BackgroundWork work;
    private final CompletableFuture<OutboxJournal> journal;
    private final OutboxEntries entries = new OutboxEntries(this);
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyBooleanWrapper waitingForLogin = new ReadOnlyBooleanWrapper(this, "waitingForLogin");
    private final ReadOnlyStringWrapper storeError = new ReadOnlyStringWrapper(this, "storeError", "");
    private final Map<String, CompletableFuture<Answer>> waiting = new HashMap<>();
    private final List<Consumer<CrossingDto>> deliveredListeners = new ArrayList<>();
    private boolean sending;
    private boolean retryScheduled;
    private int failures;
    private boolean closed;

    /**
     * Opens the journal in the background with {@code opener} (call on the ui thread); what it holds from
     * before (a crash, a closed window) is shown and sent as soon as it is read.
     */
    public OutboxViewModel(GateSession session, Callable<OutboxJournal> opener) {
        this.session = session;
        this.work = session.work();
        this.journal = work.submit(opener);
        journal.whenComplete((opened, failure) -> {
            if (failure != null) {
                LOG.error("the outbox could not be opened", failure);
                storeError.set(cause(failure).getMessage());
                return;
            }
            entries.setAll(opened.entries());
            pump();
        });
        session.onExpired(() -> waitingForLogin.set(true));
    }

    /** Queues {@code action} and sends it when its turn comes; the answer says what became of it. */
    public CompletableFuture<Answer> submit(OutboxAction action) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        onJournal(j -> j.add(action)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(cause(failure));
                return;
            }
            entries.add(new OutboxEntry(action, false, null));
            if (offline.get() || waitingForLogin.get() || entries.blocked().contains(action.crossingId())) {
                answer.complete(new Answer(Result.QUEUED, null, null));
            } else {
                waiting.put(action.key(), answer);
            }
            pump();
        });
        return answer;
    }

    /** The officer dropped a refused (or still waiting) action: it will never be sent. */
    public CompletableFuture<Void> discard(String key) {
        Optional<OutboxEntry> entry = entries.entry(key);
        if (entry.isEmpty() || (sending && !entry.get().refused())) {
            return CompletableFuture.completedFuture(null); // one in flight can't be taken back
        }
        return onJournal(j -> j.remove(key, "DISCARDED")).thenRun(() -> {
            entries.remove(key);
            pump();
        });
    }

    /** The officer read what changed and does the refused action again, over the crossing as it is now. */
    public CompletableFuture<Void> redo(String key) {
        Optional<OutboxEntry> entry = entries.entry(key).filter(OutboxEntry::refused);
        if (entry.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        ActionProblem problem = entry.get().problem();
        OutboxAction again = entry.get().action().redoneOver(problem.nowVersion(), problem.nowState());
        return onJournal(j -> {
                    j.add(again);
                    j.remove(key, "DISCARDED");
                })
                .thenRun(() -> {
                    entries.redo(key, new OutboxEntry(again, false, null));
                    pump();
                });
    }

    /** The server is reachable again (the live connection is back): send now instead of at the next retry. */
    public void retryNow() {
        retryScheduled = false;
        failures = 0;
        offline.set(false); // the next action is tried at once again, with the officer waiting for its answer
        pump();
    }

    /** The officer signed in again: what waited for it goes out. */
    public void sessionRenewed() {
        waitingForLogin.set(false);
        retryNow();
    }

    /** {@code listener} hears every crossing the server answered for a delivered action (queued ones too). */
    public void onDelivered(Consumer<CrossingDto> listener) {
        deliveredListeners.add(listener);
    }

    /** The action waiting for {@code crossingId}, first refused ones: to mark the crossing and its step. */
    public Optional<OutboxEntry> pendingFor(long crossingId) {
        return entries.pendingFor(crossingId);
    }

    private void pump() {
        if (sending || closed || retryScheduled || waitingForLogin.get() || !journal.isDone()) {
            return;
        }
        entries.next().ifPresent(entry -> {
            sending = true;
            deliver(entry).whenComplete((ignored, failure) -> {
                sending = false;
                if (failure != null) {
                    LOG.error("outbox delivery failed unexpectedly", failure);
                }
                pump();
            });
        });
    }

    private CompletableFuture<Void> deliver(OutboxEntry entry) {
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
                            answer(a.key(), new Answer(Result.DELIVERED, crossing, null));
                            deliveredListeners.forEach(listener -> listener.accept(crossing));
                        }));
    }

    /** Sorts a failed attempt: wait and retry, wait for a login, or a refusal for the officer to see. */
    private CompletableFuture<Void> failed(OutboxEntry entry, Throwable cause) {
        String key = entry.key();
        if (cause instanceof GateApiException api && api.status() == 401) {
            waitingForLogin.set(true);
            answer(key, new Answer(Result.QUEUED, null, null));
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
        answer(key, new Answer(Result.QUEUED, null, null));
        failures++;
        retryScheduled = true;
        work.later(LiveEvents.delayBefore(failures), () -> work.ui().execute(() -> {
            if (retryScheduled) {
                retryScheduled = false;
                pump();
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
                answer(key, new Answer(Result.REFUSED, null, problem));
            });
        }
        return onJournal(j -> j.refused(key, problem)).thenRun(() -> {
            entries.replace(entries.entry(key).orElse(entry).with(problem));
        });
    }

    private void answer(String key, Answer answer) {
        CompletableFuture<Answer> waiter = waiting.remove(key);
        if (waiter != null) {
            waiter.complete(answer);
        }
    }

    @FunctionalInterface
    private interface JournalWork {
        void on(OutboxJournal journal);
    }

    /** Runs {@code change} on the journal in the background; completes on the ui thread once it is on disk. */
    private CompletableFuture<Void> onJournal(JournalWork change) {
        return journal.thenCompose(j -> work.submit(() -> {
            change.on(j);
            return null;
        }));
    }

    private static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Every action in order: waiting, being sent, or refused. */
    public ObservableList<OutboxEntry> entries() {
        return entries.view();
    }

    /** The crossings with an action in the outbox (the queue marks them). */
    public ObservableSet<Long> crossings() {
        return entries.crossings();
    }

    /** How many actions the server has not taken yet (refused ones included). */
    public ReadOnlyIntegerProperty pending() {
        return entries.pending();
    }

    public ReadOnlyIntegerProperty refused() {
        return entries.refused();
    }

    /** The last attempt could not reach the server. */
    public ReadOnlyBooleanProperty offline() {
        return offline.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty waitingForLogin() {
        return waitingForLogin.getReadOnlyProperty();
    }

    /** Why the outbox could not be opened (actions then can't be saved); empty when all is well. */
    public ReadOnlyStringProperty storeError() {
        return storeError.getReadOnlyProperty();
    }

    /** Stops sending; the journal is closed (what is in it is sent after the next sign-in). */
    @Override
    public void close() {
        closed = true;
        // at once, not in the background: the same officer signing in again opens the same file, and a
        // closing window may stop the executor first (closing a file is not a blocking call)
        journal.thenAccept(OutboxJournal::close);
    }
}
