package vn.bordergate.server.persistence;

import org.hibernate.Session;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * A value that can only be known once an entity was persisted (made from its id), given to the row's insert
 * still waiting for the flush: the row is written once with it, instead of inserted and then updated (which
 * rewrote the row and moved its unique-index entry, on every declaration).
 */
public final class PendingInsert {
    private PendingInsert() {}

    /**
     * Sets {@code attribute} of an entity persisted in this session and not flushed yet, on the entity and in the
     * state its queued insert writes (Hibernate keeps that same array as the entity's loaded state, so the flush
     * sees nothing dirty and issues no update). Refuses an entity already written.
     */
    public static void set(Session session, Object entity, String attribute, Object value) {
        SessionImplementor implementor = session.unwrap(SessionImplementor.class);
        EntityEntry entry = implementor.getPersistenceContextInternal().getEntry(entity);
        if (entry == null || entry.isExistsInDatabase()) {
            throw new IllegalStateException("not an insert waiting for the flush: " + entity);
        }
        EntityPersister persister = entry.getPersister();
        int index = persister.getEntityMetamodel().getPropertyIndex(attribute);
        persister.setValue(entity, index, value);
        entry.getLoadedState()[index] = value;
    }
}
