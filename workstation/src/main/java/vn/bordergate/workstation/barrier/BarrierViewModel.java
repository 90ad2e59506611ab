package vn.bordergate.workstation.barrier;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.workstation.barrier.GateBarrier.Position;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The "Open barrier" action: allowed only for a released crossing and only to the border guard or the
 * gate management board; shows where the lane's barrier arm is.
 */
public final class BarrierViewModel {
    static final Set<Agency> MAY_OPEN = EnumSet.of(Agency.BORDER_GUARD, Agency.GATE_MANAGEMENT);

    private final GateSession session;
    private final Wording words;
    private final GateBarrier barrier;
    private final ObservableValue<CrossingDto> crossing;
    private final ObservableValue<String> lane;
    private final boolean officerMayOpen;
    private final ReadOnlyBooleanWrapper canOpen = new ReadOnlyBooleanWrapper(this, "canOpen");
    private final ReadOnlyObjectWrapper<Position> position =
            new ReadOnlyObjectWrapper<>(this, "position", Position.CLOSED);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** {@code lane} is the lane this station works (its barrier is the one opened). */
    public BarrierViewModel(
            GateSession session,
            Wording words,
            GateBarrier barrier,
            Executor ui,
            ObservableValue<CrossingDto> crossing,
            ObservableValue<String> lane) {
        this.session = session;
        this.words = words;
        this.barrier = barrier;
        this.crossing = crossing;
        this.lane = lane;
        this.officerMayOpen = session.agency().map(MAY_OPEN::contains).orElse(false);
        barrier.onMove((laneCode, now) -> ui.execute(() -> moved(laneCode, now)));
        crossing.addListener((obs, before, now) -> refresh());
        lane.addListener((obs, before, now) -> {
            position.set(Position.CLOSED);
            refresh();
        });
        refresh();
    }

    private void moved(String laneCode, Position now) {
        if (laneCode.equals(lane.getValue())) {
            position.set(now);
            refresh();
        }
    }

    private void refresh() {
        CrossingDto shown = crossing.getValue();
        canOpen.set(officerMayOpen
                && shown != null
                && shown.status() == CrossingStatus.RELEASED
                && lane.getValue() != null
                && position.get() == Position.CLOSED);
    }

    /** Opens the lane's barrier for the released crossing shown (F7). */
    public CompletableFuture<Void> open() {
        if (!canOpen.get()) {
            return CompletableFuture.completedFuture(null);
        }
        String laneCode = lane.getValue();
        String plate = crossing.getValue().tractorPlate();
        canOpen.set(false);
        // the barrier may block on its controller: run it on the background executor the session uses
        return session.<Void>ask(gate -> {
                    barrier.open(laneCode);
                    return null;
                })
                .handle((done, failure) -> {
                    message.set(
                            failure == null
                                    ? words.text("barrier.opened", laneCode, plate)
                                    : words.text("barrier.failed", laneCode, words.problem(failure)));
                    refresh();
                    return null;
                });
    }

    public ReadOnlyBooleanProperty canOpen() {
        return canOpen.getReadOnlyProperty();
    }

    /** Whether this officer's agency may open barriers at all. */
    public boolean officerMayOpen() {
        return officerMayOpen;
    }

    public ReadOnlyObjectProperty<Position> position() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }
}
