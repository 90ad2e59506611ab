package vn.bordergate.workstation.outbox;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.bordergate.workstation.connection.BackgroundWork;

/**
 * The outbox's journal as the view model uses it: opened in the background, every change written there
 * off the FX thread, the answer back on the ui thread once it is on disk.
 */
final class OutboxStore {
    private final BackgroundWork work;
    private final CompletableFuture<OutboxJournal> journal;

    OutboxStore(BackgroundWork work, Callable<OutboxJournal> opener) {
        this.work = work;
        this.journal = work.submit(opener);
    }

    /** Completes (on the ui thread) with the opened journal, or with why it could not be opened. */
    CompletableFuture<OutboxJournal> opened() {
        return journal;
    }

    /** Opening is over (opened or failed): nothing is sent before the journal was read. */
    boolean read() {
        return journal.isDone();
    }

    @FunctionalInterface
    interface JournalWork {
        void on(OutboxJournal journal);
    }

    /** Runs {@code change} on the journal in the background; completes on the ui thread once it is on disk. */
    CompletableFuture<Void> onJournal(JournalWork change) {
        return journal.thenCompose(j -> work.submit(() -> {
            change.on(j);
            return null;
        }));
    }

    /** Closes the journal once it is open (what is in it is sent after the next sign-in). */
    void close() {
        // at once, not in the background: the same officer signing in again opens the same file, and a
        // closing window may stop the executor first (closing a file is not a blocking call)
        journal.thenAccept(OutboxJournal::close);
    }

    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
