package vn.bordergate.workstation.station;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import vn.bordergate.common.dto.CrossingDto;
import vn.bordergate.common.dto.StepStatusDto;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Direction;

/**
 * The vehicle queue: every crossing the station knows, the slice the officer looks at (scope, direction,
 * search), and how many vehicles each scope holds. Kept current by events, one crossing at a time, so
 * the table never reloads under the officer's eyes.
 */
public final class QueueViewModel {
    /** Perishable or priority goods first, then whoever has waited longest, then by expected arrival. */
    static final Comparator<CrossingDto> WORK_ORDER = Comparator.comparing(
                    (CrossingDto c) -> !(c.perishable() || c.priority()))
            .thenComparing(CrossingDto::arrivedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CrossingDto::expectedArrival, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(CrossingDto::id);

    private final Agency agency;
    private final ObservableList<CrossingDto> all = FXCollections.observableArrayList();
    private final FilteredList<CrossingDto> filtered = new FilteredList<>(new SortedList<>(all, WORK_ORDER));
    private final SortedList<CrossingDto> rows = new SortedList<>(filtered);
    private final ObjectProperty<QueueScope> scope = new SimpleObjectProperty<>(this, "scope");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(this, "direction");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final Map<QueueScope, ReadOnlyIntegerWrapper> counts = new EnumMap<>(QueueScope.class);
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper(this, "shown");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");

    /** {@code agency} decides what "mine" means; null (an administrator) has nothing of its own. */
    public QueueViewModel(Agency agency) {
        this.agency = agency;
        for (QueueScope s : QueueScope.values()) {
            counts.put(s, new ReadOnlyIntegerWrapper(this, "count" + s));
        }
        scope.set(agency == null ? QueueScope.AT_GATE : QueueScope.MINE);
        scope.addListener((obs, before, now) -> refilter());
        direction.addListener((obs, before, now) -> refilter());
        search.addListener((obs, before, now) -> refilter());
        refilter();
    }

    private void refilter() {
        QueueScope current = scope.get() == null ? QueueScope.ALL : scope.get();
        filtered.setPredicate(new QueueFilter(current, direction.get(), search.get(), agency));
        shown.set(filtered.size());
    }

    private void recount() {
        int[] tally = new int[QueueScope.values().length];
        for (CrossingDto crossing : all) {
            for (QueueScope s : QueueScope.values()) {
                if (QueueFilter.inScope(s, crossing, agency)) {
                    tally[s.ordinal()]++;
                }
            }
        }
        for (QueueScope s : QueueScope.values()) {
            counts.get(s).set(tally[s.ordinal()]);
        }
        total.set(all.size());
        shown.set(filtered.size());
    }

    /** Replaces the whole queue (first load, or after a reconnect when events may have been missed). */
    public void replaceAll(List<CrossingDto> crossings) {
        all.setAll(crossings);
        recount();
    }

    /** A crossing changed or appeared; an older version than the one shown is ignored. */
    public void upsert(CrossingDto crossing) {
        int index = indexOf(crossing.id());
        if (index < 0) {
            all.add(crossing);
        } else if (crossing.version() >= all.get(index).version()) {
            all.set(index, crossing);
        } else {
            return;
        }
        recount();
    }

    /**
     * Several crossings changed at once (a burst of events): one change of the list, so the table re-sorts
     * and the counts are recounted once instead of once per crossing. Older versions are ignored.
     */
    public void upsertAll(List<CrossingDto> crossings) {
        if (crossings.size() <= 1) {
            crossings.forEach(this::upsert);
            return;
        }
        List<CrossingDto> next = new ArrayList<>(all);
        Map<Long, Integer> at = new HashMap<>();
        for (int i = 0; i < next.size(); i++) {
            at.put(next.get(i).id(), i);
        }
        boolean changed = false;
        for (CrossingDto crossing : crossings) {
            Integer index = at.get(crossing.id());
            if (index == null) {
                at.put(crossing.id(), next.size());
                next.add(crossing);
                changed = true;
            } else if (crossing.version() >= next.get(index).version()) {
                next.set(index, crossing);
                changed = true;
            }
        }
        if (changed) {
            all.setAll(next);
            recount();
        }
    }

    /**
     * One step was decided: patches that step into the row so it shows at once, even before the full
     * crossing arrives (a CrossingChangedEvent follows with the new status and version).
     */
    public void patchStep(long crossingId, StepStatusDto step) {
        int index = indexOf(crossingId);
        if (index < 0) {
            return;
        }
        CrossingDto current = all.get(index);
        List<StepStatusDto> steps = new ArrayList<>(current.steps());
        for (int i = 0; i < steps.size(); i++) {
            StepStatusDto old = steps.get(i);
            if (old.step() == step.step()) {
                if (isNewer(step.decidedAt(), old.decidedAt()) && !old.equals(step)) {
                    steps.set(i, step);
                    all.set(index, current.withSteps(steps));
                    recount();
                }
                return;
            }
        }
    }

    private static boolean isNewer(Instant incoming, Instant shown) {
        return shown == null || (incoming != null && !incoming.isBefore(shown));
    }

    private int indexOf(long id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    public Optional<CrossingDto> byId(long id) {
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(all.get(index));
    }

    /** The rows to show; bind its comparator to the table's so column sorting works on top of the filter. */
    public SortedList<CrossingDto> rows() {
        return rows;
    }

    public Agency agency() {
        return agency;
    }

    public ObjectProperty<QueueScope> scope() {
        return scope;
    }

    /** Null shows every direction. */
    public ObjectProperty<Direction> direction() {
        return direction;
    }

    public StringProperty search() {
        return search;
    }

    public ReadOnlyIntegerProperty count(QueueScope of) {
        return counts.get(of).getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shown() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty total() {
        return total.getReadOnlyProperty();
    }
}
