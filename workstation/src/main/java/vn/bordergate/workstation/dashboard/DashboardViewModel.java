package vn.bordergate.workstation.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.CameraMetricsDto;
import vn.bordergate.common.dto.CongestionLevel;
import vn.bordergate.common.dto.CongestionThresholds;
import vn.bordergate.common.dto.DashboardDto;
import vn.bordergate.common.dto.DashboardDto.HourCount;
import vn.bordergate.common.dto.DashboardDto.StepBacklog;
import vn.bordergate.common.dto.OverstayAlertDto;
import vn.bordergate.common.dto.YardWaitingDto;
import vn.bordergate.common.event.CameraStatusEvent;
import vn.bordergate.common.event.CrossingChangedEvent;
import vn.bordergate.common.event.GateEvent;
import vn.bordergate.common.event.OverstayAlertEvent;
import vn.bordergate.common.event.QueueChangedEvent;
import vn.bordergate.common.event.StepConfirmedEvent;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The supervisors' live dashboard: one snapshot from the gate server, asked for again when an event says
 * the gate changed. A busy gate sends many events a second, so snapshots are asked for at most once per
 * {@link #AT_MOST_EVERY}: events in between only mark the figures stale, and one more snapshot follows.
 * All methods run on the ui thread.
 */
public final class DashboardViewModel {
    public static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    /** Runs work on the ui thread after a delay (a pause transition in the application, by hand in tests). */
    @FunctionalInterface
    public interface Later {
        void after(Duration delay, Runnable work);
    }

    private final GateSession session;
    private final Wording words;
    private final InstantSource clock;
    private final Later later;

    private final ReadOnlyObjectWrapper<CongestionLevel> congestion =
            new ReadOnlyObjectWrapper<>(this, "congestion", CongestionLevel.GREEN);
    private final ReadOnlyLongWrapper waiting = new ReadOnlyLongWrapper(this, "waiting");
    private final ReadOnlyObjectWrapper<CongestionThresholds> thresholds =
            new ReadOnlyObjectWrapper<>(this, "thresholds", CongestionThresholds.NATIONAL_SINGLE_WINDOW);
    private final ReadOnlyStringWrapper gateName = new ReadOnlyStringWrapper(this, "gateName", "");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyLongWrapper snapshots = new ReadOnlyLongWrapper(this, "snapshots");
    private final ObservableList<YardWaitingDto> yards = FXCollections.observableArrayList();
    // read-only views made once: a fresh one per call listens to its list weakly and may vanish with its listeners
    private final ObservableList<YardWaitingDto> yardsView = FXCollections.unmodifiableObservableList(yards);
    private final ObservableList<HourCount> throughput = FXCollections.observableArrayList();
    private final ObservableList<HourCount> throughputView = FXCollections.unmodifiableObservableList(throughput);
    private final ObservableList<StepBacklog> backlog = FXCollections.observableArrayList();
    private final ObservableList<StepBacklog> backlogView = FXCollections.unmodifiableObservableList(backlog);
    private final ObservableList<OverstayAlertDto> overstays = FXCollections.observableArrayList();
    private final ObservableList<OverstayAlertDto> overstaysView = FXCollections.unmodifiableObservableList(overstays);
    private final ObservableList<CameraMetricsDto> cameras = FXCollections.observableArrayList();
    private final ObservableList<CameraMetricsDto> camerasView = FXCollections.unmodifiableObservableList(cameras);

    private boolean asking;
    private boolean stale;
    private boolean scheduled;
    private Instant lastAsked = Instant.MIN;

    public DashboardViewModel(GateSession session, Wording words, InstantSource clock, Later later) {
        this.session = session;
        this.words = words;
        this.clock = clock;
        this.later = later;
    }

    /** Whether this account may open the dashboard at all: the shift supervisor's screen. */
    public static boolean isFor(GateSession session) {
        return session.role() == vn.bordergate.common.workflow.Role.SUPERVISOR;
    }

    /** An event from the gate: the figures it touches are asked for again (at most once a second). */
    public void onEvent(GateEvent event) {
        if (event instanceof CrossingChangedEvent
                || event instanceof StepConfirmedEvent
                || event instanceof QueueChangedEvent
                || event instanceof OverstayAlertEvent
                || event instanceof CameraStatusEvent) {
            refresh();
        }
    }

    /** Asks for a snapshot now, or as soon as one may be asked for; several calls meanwhile make one. */
    public void refresh() {
        if (asking) {
            stale = true;
            return;
        }
        Instant now = clock.instant();
        Instant allowed = lastAsked.equals(Instant.MIN) ? now : lastAsked.plus(AT_MOST_EVERY);
        if (now.isBefore(allowed)) {
            if (!scheduled) {
                scheduled = true;
                later.after(Duration.between(now, allowed), () -> {
                    scheduled = false;
                    refresh();
                });
            }
            return;
        }
        ask();
    }

    /** Asks for a snapshot now, whatever the last one was (opening the screen); completes when shown. */
    public CompletableFuture<Void> load() {
        return ask();
    }

    private CompletableFuture<Void> ask() {
        asking = true;
        stale = false;
        lastAsked = clock.instant();
        return session.ask(gate -> gate.supervision().dashboard()).handle((snapshot, failure) -> {
            asking = false;
            if (failure != null) {
                error.set(words.text("dashboard.problem", words.problem(failure)));
            } else {
                show(snapshot);
            }
            if (stale) {
                refresh();
            }
            return null;
        });
    }

    private void show(DashboardDto d) {
        error.set("");
        congestion.set(d.congestion());
        waiting.set(d.vehiclesWaiting());
        thresholds.set(d.thresholds());
        gateName.set(words.isChinese() || !words.locale().getLanguage().equals("vi") ? d.gateNameEn() : d.gateNameVi());
        updated.set(words.text("dashboard.updated", words.time(d.updatedAt())));
        replace(yards, d.yards());
        replace(throughput, d.throughput());
        replace(backlog, d.backlog());
        replace(overstays, d.overstays());
        replace(cameras, d.cameras());
        snapshots.set(snapshots.get() + 1);
    }

    /** Replaces only when changed, so charts and tables redraw only what moved. */
    private static <T> void replace(ObservableList<T> shown, List<T> now) {
        if (!shown.equals(now)) {
            shown.setAll(now);
        }
    }

    /** How full a yard is, 0 to 1 (a yard without capacity counts as full when anyone waits). */
    public static double fill(YardWaitingDto yard) {
        if (yard.capacity() <= 0) {
            return yard.waiting() > 0 ? 1 : 0;
        }
        return Math.min(1, (double) yard.waiting() / yard.capacity());
    }

    /** Vehicles at the gate that no yard holds (not yet sent to one, or sent to a yard no longer configured). */
    public long notInAYard() {
        return Math.max(
                0,
                waiting.get()
                        - yards.stream().mapToLong(YardWaitingDto::waiting).sum());
    }

    /** The thresholds as the tile says them: "green < 500 · yellow 500–1,000 · orange ≤ 5,000 · red > 5,000". */
    public String thresholdText() {
        CongestionThresholds t = thresholds.get();
        return words.text("dashboard.thresholds", t.yellowFrom(), t.orangeAbove(), t.redAbove());
    }

    public ReadOnlyObjectProperty<CongestionLevel> congestion() {
        return congestion.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty waiting() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CongestionThresholds> thresholds() {
        return thresholds.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty gateName() {
        return gateName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updated() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** How many snapshots were shown so far. */
    public ReadOnlyLongProperty snapshots() {
        return snapshots.getReadOnlyProperty();
    }

    public ObservableList<YardWaitingDto> yards() {
        return yardsView;
    }

    public ObservableList<HourCount> throughput() {
        return throughputView;
    }

    public ObservableList<StepBacklog> backlog() {
        return backlogView;
    }

    public ObservableList<OverstayAlertDto> overstays() {
        return overstaysView;
    }

    public ObservableList<CameraMetricsDto> cameras() {
        return camerasView;
    }

    public Wording words() {
        return words;
    }
}
