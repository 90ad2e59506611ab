package vn.bordergate.workstation.station;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.LaneDto;
import vn.bordergate.common.event.VehicleCalledEvent;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The lane this station works, and calling the next vehicle from the yard to it (gate management only;
 * the server picks perishable and priority goods first, then arrival order). Every station hears every
 * call, so the last one is shown to all: "lane L1 calls 15C-123.45".
 */
public final class CallNextViewModel {
    private final GateSession session;
    private final Wording words;
    private final Consumer<CrossingDto> called;
    private final boolean mayCall;
    private final ObservableList<LaneDto> lanes = FXCollections.observableArrayList();
    private final ObjectProperty<LaneDto> lane = new SimpleObjectProperty<>(this, "lane");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canCall = new ReadOnlyBooleanWrapper(this, "canCall");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper lastCall = new ReadOnlyStringWrapper(this, "lastCall", "");

    /** {@code called} hears the crossing this station called, so the queue and the detail show it. */
    public CallNextViewModel(GateSession session, Wording words, Consumer<CrossingDto> called) {
        this.session = session;
        this.words = words;
        this.called = called;
        Role role = session.role();
        this.mayCall = session.agency().orElse(null) == Agency.GATE_MANAGEMENT
                && (role == Role.OFFICER || role == Role.SUPERVISOR);
        lane.addListener((obs, before, now) -> refresh());
        busy.addListener((obs, before, now) -> refresh());
    }

    /** Fetches the gate's lanes; the first is this station's until the officer picks another. */
    public CompletableFuture<Void> load() {
        return session.ask(gate -> gate.site().lanes()).handle((found, failure) -> {
            if (failure != null) {
                error.set(words.problem(failure));
            } else {
                lanes.setAll(found);
                if (lane.get() == null && !found.isEmpty()) {
                    lane.set(found.get(0));
                }
            }
            return null;
        });
    }

    /** Calls the next vehicle to the chosen lane (F6). */
    public CompletableFuture<Void> callNext() {
        if (!canCall.get()) {
            return CompletableFuture.completedFuture(null);
        }
        LaneDto to = lane.get();
        busy.set(true);
        error.set("");
        message.set("");
        return session.ask(gate -> gate.site().callNext(to.code())).handle((next, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(words.problem(failure));
            } else if (next.isEmpty()) {
                message.set(words.text("callNext.nobody"));
            } else {
                message.set(words.text("callNext.done", next.get().tractorPlate(), to.code()));
                called.accept(next.get());
            }
            return null;
        });
    }

    /** Any station called a vehicle (ui thread). */
    public void onCalled(VehicleCalledEvent call) {
        lastCall.set(
                words.text("callNext.announce", call.laneCode(), call.tractorPlate(), words.time(call.calledAt())));
    }

    private void refresh() {
        canCall.set(mayCall && lane.get() != null && !busy.get());
    }

    public boolean mayCall() {
        return mayCall;
    }

    public ObservableList<LaneDto> lanes() {
        return lanes;
    }

    public ObjectProperty<LaneDto> lane() {
        return lane;
    }

    /** The chosen lane's code, null before the lanes are known (for the barrier). */
    public ObservableValue<String> laneCode() {
        return lane.map(LaneDto::code);
    }

    public ReadOnlyBooleanProperty canCall() {
        return canCall.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** The latest call of any lane, in words; empty before the first. */
    public ReadOnlyStringProperty lastCall() {
        return lastCall.getReadOnlyProperty();
    }
}
