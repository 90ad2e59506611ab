package vn.bordergate.server.persistence;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Units of work for the services: each call is one transaction, committed when the work returns and
 * rolled back when it throws, so a failed request leaves nothing half written.
 */
public final class Transactions {
    private final SessionFactory sessionFactory;
    private final UnaryOperator<RuntimeException> failures;

    /** @param failures turns database failures (a concurrent change, say) into the caller's own errors */
    public Transactions(SessionFactory sessionFactory, UnaryOperator<RuntimeException> failures) {
        this.sessionFactory = sessionFactory;
        this.failures = failures;
    }

    public Transactions(SessionFactory sessionFactory) {
        this(sessionFactory, UnaryOperator.identity());
    }

    public <T> T write(Function<Session, T> work) {
        try {
            return sessionFactory.fromTransaction(work);
        } catch (RuntimeException e) {
            throw failures.apply(e);
        }
    }

    public <T> T read(Function<Session, T> work) {
        try {
            return sessionFactory.fromSession(session -> {
                session.setDefaultReadOnly(true);
                var tx = session.beginTransaction();
                try {
                    return work.apply(session);
                } finally {
                    tx.rollback();
                }
            });
        } catch (RuntimeException e) {
            throw failures.apply(e);
        }
    }
}
