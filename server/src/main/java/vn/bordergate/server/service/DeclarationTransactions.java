package vn.bordergate.server.service;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.server.persistence.GroupCommit;
import vn.bordergate.server.persistence.Transactions;

/**
 * The transaction of one declaration written or corrected on its own. The database's unique keys are the
 * last word on "one open trip per vehicle" under concurrency. Two first declarations of one new driver or
 * vehicle (or one Idempotency-Key sent twice at once) both find none and both insert it: the later one is
 * run again, and then finds what the first one wrote.
 */
public final class DeclarationTransactions {
    private final Transactions tx;

    public DeclarationTransactions(Transactions tx) {
        this.tx = tx;
    }

    /**
     * Runs {@code work} in its own transaction, again (up to three times) when it lost a race on a new
     * driver's, vehicle's or key's unique key. {@code written} holds the crossing to announce; it is cleared
     * before each attempt, as a rolled-back attempt's crossing must not be announced.
     */
    <T> T write(AtomicReference<CrossingDto> written, Function<Session, T> work) {
        for (int attempt = 1; ; attempt++) {
            written.set(null);
            try {
                return tx.write(GroupCommit.rolledBackOnError(work));
            } catch (ConstraintViolationException e) {
                String violated = (String.valueOf(e.getConstraintName()) + " "
                                + e.getSQLException().getMessage())
                        .toUpperCase();
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                if (violated.contains("OPEN_TRA")) {
                    throw GateException.conflict(
                            "this vehicle already has an open trip: one declaration per vehicle trip");
                }
                boolean raced = violated.contains("UQ_DRIVER")
                        || violated.contains("UQ_VEHICLE")
                        || violated.contains("UQ_IDEMPOTENCY");
                if (!raced || attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
