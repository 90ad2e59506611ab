package vn.bordergate.server.persistence;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Tells in-memory views of crossing rows (the plate matcher's) that a crossing row is being written: once when
 * Hibernate flushes its update or delete, and again when that transaction ends (committed or rolled back). Every
 * write of the crossing table goes through Hibernate's entity updates (no bulk HQL, no JDBC update of it; the
 * migrations run before the server opens), and this listener is on the session factory before its first session, so
 * a view that drops a crossing on each call and keeps nothing it read before the latest call sees every change.
 */
public final class CrossingChanges implements PostUpdateEventListener, PostDeleteEventListener {
    private final List<View> views = new CopyOnWriteArrayList<>();

    /** What a view of crossing rows is told. */
    public interface View {
        /** Crossing {@code id} was flushed: its row may change at any moment until {@link #ended}. */
        void flushed(long id);

        /** The transaction that flushed crossing {@code id} committed or rolled back (once per {@link #flushed}). */
        void ended(long id);
    }

    /** Registers the listener on a freshly built session factory (before any session of it). */
    static void listenTo(SessionFactory sessionFactory) {
        CrossingChanges changes = new CrossingChanges();
        EventListenerRegistry registry = registry(sessionFactory);
        registry.appendListeners(EventType.POST_UPDATE, changes);
        registry.appendListeners(EventType.POST_DELETE, changes);
    }

    /** The listener on this session factory: empty for one built elsewhere than {@link GateDatabase}. */
    public static Optional<CrossingChanges> of(SessionFactory sessionFactory) {
        for (PostUpdateEventListener listener : registry(sessionFactory)
                .getEventListenerGroup(EventType.POST_UPDATE)
                .listeners()) {
            if (listener instanceof CrossingChanges changes) {
                return Optional.of(changes);
            }
        }
        return Optional.empty();
    }

    private static EventListenerRegistry registry(SessionFactory sessionFactory) {
        return sessionFactory
                .unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .getService(EventListenerRegistry.class);
    }

    /** {@code view} gets the id of each crossing written from now on, at its flush and at its transaction's end. */
    public void subscribe(View view) {
        views.add(view);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        changed(event.getEntity(), event.getSession());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        changed(event.getEntity(), event.getSession());
    }

    private void changed(Object entity, EventSource session) {
        if (!(entity instanceof CrossingEntity crossing)) {
            return;
        }
        long id = crossing.getId();
        if (session == null) {
            // a stateless session has no end of transaction to report: refuse rather than leave a view stale
            throw new IllegalStateException("crossing " + id + " written through a stateless session: the plate"
                    + " matcher's view of crossings would not be told of its commit; write it through a Session");
        }
        views.forEach(v -> v.flushed(id));
        // again at the end, even with no view yet (one may subscribe before this commits): a view may have read the
        // row between the flush and the commit (a batched update not yet executed, or what a read-uncommitted
        // connection saw before a rollback). Hibernate skips this when the commit itself fails: a view must then
        // treat the crossing as still being written, for good (SeenCrossings does)
        session.getActionQueue().registerProcess((success, ended) -> views.forEach(v -> v.ended(id)));
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }
}
