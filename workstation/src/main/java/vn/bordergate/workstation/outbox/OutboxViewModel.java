package vn.bordergate.workstation.outbox;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.workstation.connection.GateSession;

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

    private final OutboxStore store;
    private final OutboxEntries entries = new OutboxEntries(this);
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline");
    private final ReadOnlyBooleanWrapper waitingForLogin = new ReadOnlyBooleanWrapper(this, "waitingForLogin");
    private final ReadOnlyStringWrapper storeError = new ReadOnlyStringWrapper(this, "storeError", "");
    private final OutboxDelivery delivery;
    private boolean sending;
    private boolean closed;

    /**
     * Opens the journal in the background with {@code opener} (call on the ui thread); what it holds from
     * before (a crash, a closed window) is shown and sent as soon as it is read.
     */
    public OutboxViewModel(GateSession session, Callable<OutboxJournal> opener) {
        this.store = new OutboxStore(session.work(), opener);
        this.delivery = new OutboxDelivery(session, store, entries, offline, waitingForLogin, this::pump);
        store.opened().whenComplete((opened, failure) -> {
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
                delivery.await(action.key(), answer);
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
        delivery.retryNow();
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
        delivery.onDelivered(listener);
    }

    /** The action waiting for {@code crossingId}, first refused ones: to mark the crossing and its step. */
    public Optional<OutboxEntry> pendingFor(long crossingId) {
        return entries.pendingFor(crossingId);
    }

    private void pump() {
        if (sending || closed || delivery.retryScheduled() || waitingForLogin.get() || !store.read()) {
            return;
        }
        entries.next().ifPresent(entry -> {
            sending = true;
            delivery.deliver(entry).whenComplete((ignored, failure) -> {
                sending = false;
                if (failure != null) {
                    LOG.error("outbox delivery failed unexpectedly", failure);
                }
                pump();
            });
        });
    }

    private CompletableFuture<Void> onJournal(OutboxStore.JournalWork change) {
        return store.onJournal(change);
    }

    private static Throwable cause(Throwable failure) {
        return OutboxStore.cause(failure);
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
        store.close();
    }
}
