package vn.bordergate.workstation.station;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
import vn.bordergate.common.event.PlateReadEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.workstation.connection.ConnectionState;
import vn.bordergate.workstation.connection.ConnectionViewModel;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.connection.LiveEvents;
import vn.bordergate.workstation.platereads.PlateReadsViewModel;
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
    private final PlateReadsViewModel plateReads;
    private final CrossingFactsViewModel facts;
    private final CallNextViewModel calls;
    private final List<Consumer<GateEvent>> alsoTold = new ArrayList<>();

    public StationViewModel(GateSession session, Wording words) {
        this.session = session;
        this.words = words;
        this.queue = new QueueViewModel(session.agency().orElse(null));
        this.crossing = new CrossingViewModel(session, words, queue::upsert);
        this.connection = new ConnectionViewModel(words);
        this.plateReads = new PlateReadsViewModel(session, words);
        this.facts = new CrossingFactsViewModel(session, words);
        crossing.crossing().addListener((obs, before, now) -> facts.show(now));
        this.calls = new CallNextViewModel(session, words, next -> {
            queue.upsert(next);
            crossing.show(queue.byId(next.id()).orElse(next));
        });
    }

    /** Another part of the screen (the camera wall) hears every event after the station (ui thread). */
    public void alsoTell(Consumer<GateEvent> listener) {
        alsoTold.add(listener);
    }

    /**
     * Shows crossing {@code id} (a matched plate read was opened): from the queue when it is there, else
     * fetched, so a crossing filtered out of the current scope can still be looked at.
     */
    public void show(long id) {
        Optional<CrossingDto> known = queue.byId(id);
        if (known.isPresent()) {
            crossing.show(known.get());
            return;
        }
        session.ask(gate -> gate.crossing(id)).thenAccept(found -> {
            queue.upsert(found);
            crossing.show(found);
        });
    }

    /** Loads the whole queue; the selected crossing is refreshed from it. */
    public CompletableFuture<Void> load() {
        loading.set(true);
        plateReads.load();
        if (calls.lanes().isEmpty()) {
            calls.load();
        }
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
        } else if (event instanceof PlateReadEvent read) {
            plateReads.onRead(read.read());
        } else if (event instanceof VehicleCalledEvent call) {
            calls.onCalled(call);
        }
        alsoTold.forEach(listener -> listener.accept(event));
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
        if (state == ConnectionState.CONNECTED && lastState == ConnectionState.RECONNECTING) {
            load();
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

    public PlateReadsViewModel plateReads() {
        return plateReads;
    }

    /** The station's lane and calling the next vehicle to it. */
    public CallNextViewModel calls() {
        return calls;
    }

    /** The selected crossing's declaration, weighings and fees. */
    public CrossingFactsViewModel facts() {
        return facts;
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
