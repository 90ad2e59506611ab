package vn.bordergate.server.service;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Two officers changing one crossing at once: the later write loses its optimistic-lock check and
 * is told to reload, instead of silently overwriting what the other one did. A full disk is said as
 * such (503), not as an unexpected failure: nothing of the change was saved, and it works again once
 * space is freed.
 */
public final class ConcurrentChanges {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConcurrentChanges.class);

    private ConcurrentChanges() {}

    public static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return GateException.conflict("someone else changed this crossing meanwhile: reload it and try again");
            }
        }
        if (diskFull(e)) {
            LOG.error("a change was not saved: the disk of the data directory is full", e);
            return GateException.unavailable("the gate server's disk is full, so this change was not saved:"
                    + " the administrator must free disk space on the gate server, then try again");
        }
        return e;
    }

    /** Derby's words for a page or log write that found no space (its SQLState XSDG1 covers other I/O too). */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("No space left on device") || message.contains("check if the disk is full")) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getNextException() != null
                    && diskFull(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
