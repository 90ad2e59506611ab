package vn.bordergate.server.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Units of work for the services: each call is one transaction, committed when the work returns and
 * rolled back when it throws, so a failed request leaves nothing half written.
 */
public final class Transactions {
    private final CompletableFuture<SessionFactory> opening;
    private final UnaryOperator<RuntimeException> failures;
    private final UnaryOperator<RuntimeException> readFailures;

    /**
     * @param opening the database being opened: the server builds everything else meanwhile, and a
     *     unit of work started before it is open waits for it
     * @param failures turns database failures (a concurrent change, say) into the caller's own errors
     */
    public Transactions(CompletableFuture<SessionFactory> opening, UnaryOperator<RuntimeException> failures) {
        this(opening, failures, failures);
    }

    /** @param readFailures the same for read-only transactions, which have nothing to lose when they fail */
    public Transactions(
            CompletableFuture<SessionFactory> opening,
            UnaryOperator<RuntimeException> failures,
            UnaryOperator<RuntimeException> readFailures) {
        this.opening = opening;
        this.failures = failures;
        this.readFailures = readFailures;
    }

    public Transactions(SessionFactory sessionFactory) {
        this(CompletableFuture.completedFuture(sessionFactory), UnaryOperator.identity());
    }

    private SessionFactory sessionFactory() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public <T> T write(Function<Session, T> work) {
        try {
            return sessionFactory().fromTransaction(work);
        } catch (RuntimeException e) {
            throw failures.apply(e);
        }
    }

    public <T> T read(Function<Session, T> work) {
        try {
            return sessionFactory().fromSession(session -> {
                session.setDefaultReadOnly(true);
                var tx = session.beginTransaction();
                try {
                    return work.apply(session);
                } finally {
                    tx.rollback();
                }
            });
        } catch (RuntimeException e) {
            throw readFailures.apply(e);
        }
    }
}
