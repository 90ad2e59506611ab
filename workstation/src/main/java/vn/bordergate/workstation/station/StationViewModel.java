package vn.bordergate.workstation.station;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.workstation.connection.ConnectionState;
import vn.bordergate.workstation.connection.ConnectionViewModel;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.LiveEvents;
import vn.bordergate.workstation.outbox.OutboxJournal;
import vn.bordergate.workstation.outbox.OutboxViewModel;
import vn.bordergate.workstation.text.Wording;

/**
 * An officer's station: the queue, the selected crossing and the connection, kept current by the gate
 * server's events. After a dropped connection the queue is loaded afresh, since events sent meanwhile
 * were missed.
 */
public final class StationViewModel implements LiveEvents.Observer {
    /** Enough for the whole day at Huu Nghi (about 300 trips); the server caps a list at 1000. */
    static final int QUEUE_LIMIT = 1000;

    private static final int ACTIVITY_KEPT = 40;

    /** A step some agency just decided, for the activity list. */
    public record Activity(long crossingId, String plate, StepStatusDto step) {}

    private final GateSession session;
    private final Wording words;
    private final QueueViewModel queue;
    private final CrossingViewModel crossing;
    private final ConnectionViewModel connection;
    private final ObservableList<Activity> activity = FXCollections.observableArrayList();
    private final ObservableList<Activity> activityView = FXCollections.unmodifiableObservableList(activity);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private ConnectionState lastState = ConnectionState.CONNECTING;
    private boolean missedEvents;

    /** With an outbox in memory only: for tests of a station that stays online. */
    public StationViewModel(GateSession session, Wording words) {
        this(session, words, new OutboxViewModel(session, OutboxJournal::inMemory));
    }

    /** Step actions go out through {@code outbox}, which keeps them on disk while the server is away. */
    public StationViewModel(GateSession session, Wording words, OutboxViewModel outbox) {
        this.session = session;
        this.words = words;
        this.queue = new QueueViewModel(session.agency().orElse(null));
        this.crossing = new CrossingViewModel(session, words, queue::upsert, outbox);
        this.connection = new ConnectionViewModel(words);
        // actions saved while offline come back answered: the queue and the detail show the result
        outbox.onDelivered(updated -> {
            queue.upsert(updated);
            refreshSelected(updated.id());
        });
    }

    /** Loads the whole queue; the selected crossing is refreshed from it. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        return session.ask(gate -> gate.crossings(null, null, QUEUE_LIMIT)).handle((crossings, failure) -> {
            loading.set(false);
            if (failure != null) {
                loadError.set(words.text("problem.load", words.problem(failure)));
            } else {
                loadError.set("");
                queue.replaceAll(crossings);
                CrossingDto shown = crossing.crossing().get();
                if (shown != null) {
                    queue.byId(shown.id()).ifPresent(crossing::show);
                }
            }
            return null;
        });
    }

    /** The officer selected a row (null keeps the detail as it is: a table refresh can clear selection). */
    public void select(CrossingDto row) {
        if (row != null) {
            crossing.show(queue.byId(row.id()).orElse(row));
        }
    }

    @Override
    public void onEvent(GateEvent event) {
        if (event instanceof CrossingChangedEvent changed) {
            CrossingDto updated = changed.crossing();
            queue.upsert(updated);
            refreshSelected(updated.id());
        } else if (event instanceof StepConfirmedEvent decided) {
            queue.patchStep(decided.crossingId(), decided.step());
            refreshSelected(decided.crossingId());
            activity.add(0, new Activity(decided.crossingId(), decided.tractorPlate(), decided.step()));
            if (activity.size() > ACTIVITY_KEPT) {
                activity.remove(ACTIVITY_KEPT, activity.size());
            }
        }
    }

    /**
     * A burst of events: the crossings that changed go into the queue as one change (one re-sort and
     * recount for the table instead of one per event); step decisions still reach the activity list.
     */
    @Override
    public void onEvents(List<GateEvent> events) {
        List<CrossingDto> changed = new ArrayList<>();
        for (GateEvent event : events) {
            if (event instanceof CrossingChangedEvent c) {
                changed.add(c.crossing());
            }
        }
        queue.upsertAll(changed);
        for (GateEvent event : events) {
            if (!(event instanceof CrossingChangedEvent)) {
                onEvent(event);
            }
        }
        CrossingDto shown = crossing.crossing().get();
        if (shown != null) {
            refreshSelected(shown.id());
        }
    }

    private void refreshSelected(long crossingId) {
        CrossingDto shown = crossing.crossing().get();
        if (shown != null && shown.id() == crossingId) {
            queue.byId(crossingId).ifPresent(crossing::show);
        }
    }

    @Override
    public void onConnection(ConnectionState state, Duration retryIn) {
        connection.show(state, retryIn);
        if (state == ConnectionState.CONNECTED && lastState != ConnectionState.CONNECTED) {
            crossing.outbox().retryNow(); // the server is back: what waited goes out now
        }
        if (state == ConnectionState.RECONNECTING || state == ConnectionState.SESSION_ENDED) {
            missedEvents = true;
        } else if (state == ConnectionState.CONNECTED && missedEvents) {
            missedEvents = false;
            load(); // events sent while away were missed
        }
        lastState = state;
    }

    public GateSession session() {
        return session;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public CrossingViewModel crossing() {
        return crossing;
    }

    public OutboxViewModel outbox() {
        return crossing.outbox();
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    /** Newest first. */
    public ObservableList<Activity> activity() {
        return activityView;
    }

    public ReadOnlyBooleanProperty loading() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadError() {
        return loadError.getReadOnlyProperty();
    }
}
