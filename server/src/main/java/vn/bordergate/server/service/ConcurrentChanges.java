package vn.bordergate.server.service;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Two officers changing one crossing at once: the later write loses its optimistic-lock check and
 * is told to reload, instead of silently overwriting what the other one did.
 */
public final class ConcurrentChanges {
    private ConcurrentChanges() {}

    public static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return GateException.conflict("someone else changed this crossing meanwhile: reload it and try again");
            }
        }
        return e;
    }
}
