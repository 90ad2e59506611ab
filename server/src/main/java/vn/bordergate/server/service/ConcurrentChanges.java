package vn.bordergate.server.service;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.time.Duration;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import vn.bordergate.server.persistence.LockWaitStates;

/**
 * Two officers changing one crossing at once: the later write loses its optimistic-lock check and
 * is told to reload, instead of silently overwriting what the other one did. A full disk is said as
 * such (503), not as an unexpected failure: nothing of the change was saved, and it works again once
 * space is freed. So is a lock wait that timed out or a deadlock's victim (503, send it again).
 */
public final class ConcurrentChanges {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConcurrentChanges.class);

    private ConcurrentChanges() {}

    /** For a write: a lock wait means this change was not saved. */
    public static RuntimeException translate(RuntimeException e) {
        return translate(e, false);
    }

    /** For a read-only transaction: a lock wait saved nothing because nothing was to be saved. */
    public static RuntimeException translateRead(RuntimeException e) {
        return translate(e, true);
    }

    private static RuntimeException translate(RuntimeException e, boolean reading) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return GateException.conflict("someone else changed this crossing meanwhile: reload it and try again");
            }
            if (t instanceof ConstraintViolationException v && stepRecordedMeanwhile(v)) {
                // two first decisions of one step: its row is written by the first only (CrossingSteps)
                return GateException.conflict("someone else changed this crossing meanwhile: reload it and try again");
            }
        }
        String lockWait = lockWaitState(e);
        if (lockWait != null) {
            // rolled back whole, so sending it again is safe; a warning, not an error: contention, not a defect.
            // "this change": a request may have committed earlier changes of its own before this one
            LOG.warn(
                    "a {} waited too long for a lock or was a deadlock's victim (SQL state {})",
                    reading ? "read" : "change, not saved,",
                    lockWait,
                    e);
            return GateException.unavailable(
                    reading
                            ? "the gate server is busy: changes held the records this request needed for too long;"
                                    + " try again"
                            : "the gate server is busy: another change held the records this one needed for too"
                                    + " long, so this change was not saved; send it again",
                    Duration.ofSeconds(2));
        }
        if (diskFull(e)) {
            LOG.error("a change was not saved: the disk of the data directory is full", e);
            return GateException.unavailable("the gate server's disk is full, so this change was not saved:"
                    + " the administrator must free disk space on the gate server, then try again");
        }
        return e;
    }

    private static boolean stepRecordedMeanwhile(ConstraintViolationException e) {
        String violated = (e.getConstraintName() + " " + e.getSQLException().getMessage()).toUpperCase();
        return "23505".equals(e.getSQLState()) && violated.contains("UQ_CROSSING_STEP_CROSSING_ID_STEP");
    }

    /**
     * A lock wait that timed out (Derby 40XL1/40XL2, PostgreSQL 55P03) or a deadlock's victim (40001, 40P01):
     * the transaction was rolled back whole. Its SQL state, or null for any other failure.
     */
    private static String lockWaitState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (lockWaitState(sql)) {
                    return sql.getSQLState();
                }
                if (sql.getCause() instanceof SQLException cause && lockWaitState(cause)) {
                    return cause.getSQLState();
                }
            }
        }
        return null;
    }

    private static boolean lockWaitState(SQLException e) {
        return LockWaitStates.isLockWait(e.getSQLState());
    }

    /** Derby's words for a page or log write that found no space (its SQLState XSDG1 covers other I/O too). */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("check if the disk is full")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && diskFull(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
