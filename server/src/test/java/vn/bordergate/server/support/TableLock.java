package vn.bordergate.server.support;

import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import vn.bordergate.server.persistence.Transactions;

/**
 * An exclusive Derby table lock held by a transaction of its own until released: writes to that table wait
 * before their commit, so a test can hold a batch in flight for certain and watch it wait in Derby's lock table.
 */
public final class TableLock implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> held;

    private TableLock(Transactions tx, String table, ExecutorService thread) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        held = CompletableFuture.runAsync(
                () -> tx.write(session -> {
                    session.doWork(c -> {
                        try (Statement s = c.createStatement()) {
                            s.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
                        }
                    });
                    locked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }),
                thread);
        if (!locked.await(30, TimeUnit.SECONDS)) {
            release.countDown();
            throw new IllegalStateException("no lock on " + table + " within 30 s");
        }
    }

    /** Locks {@code table} (exclusive) in a transaction run on {@code thread}; returns once it holds the lock. */
    public static TableLock hold(Transactions tx, String table, ExecutorService thread) throws InterruptedException {
        return new TableLock(tx, table, thread);
    }

    /** Transactions now waiting for a lock on {@code table} (upper case, as Derby's lock table names it). */
    public static long waits(Transactions tx, String table) {
        return tx.read(session -> session.doReturningWork(c -> {
            try (var s = c.prepareStatement(
                    "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE STATE = 'WAIT' AND TABLENAME = ?")) {
                s.setString(1, table);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    /** Commits the locking transaction (it wrote nothing) and waits for it to end. */
    @Override
    public void close() throws Exception {
        release.countDown();
        held.get(60, TimeUnit.SECONDS);
    }
}
