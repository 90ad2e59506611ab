package vn.bordergate.workstation.outbox;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The outbox's actions in order as the screens see them: the list, the crossings it holds and its counts,
 * kept together so a change of the list always updates the rest. FX thread only, like the view model.
 */
final class OutboxEntries {
    private final ObservableList<OutboxEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<OutboxEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableSet<Long> crossings = FXCollections.observableSet();
    private final ObservableSet<Long> crossingsView = FXCollections.unmodifiableObservableSet(crossings);
    private final ReadOnlyIntegerWrapper pending;
    private final ReadOnlyIntegerWrapper refused;

    /** {@code bean}: the view model the count properties belong to. */
    OutboxEntries(Object bean) {
        this.pending = new ReadOnlyIntegerWrapper(bean, "pending");
        this.refused = new ReadOnlyIntegerWrapper(bean, "refused");
    }

    void setAll(List<OutboxEntry> all) {
        entries.setAll(all);
        recount();
    }

    void add(OutboxEntry entry) {
        entries.add(entry);
        recount();
    }

    void remove(String key) {
        entries.removeIf(e -> e.key().equals(key));
        recount();
    }

    /** The refused action {@code key} goes, its redone {@code again} joins the end, counted once. */
    void redo(String key, OutboxEntry again) {
        entries.removeIf(e -> e.key().equals(key));
        entries.add(again);
        recount();
    }

    /** The entry of {@code changed}'s key becomes {@code changed}, in its place. */
    void replace(OutboxEntry changed) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).key().equals(changed.key())) {
                entries.set(i, changed);
                recount();
                return;
            }
        }
    }

    Optional<OutboxEntry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The crossings a refused action holds up: later actions on them wait behind it. */
    Set<Long> blocked() {
        Set<Long> blocked = new HashSet<>();
        entries.stream()
                .filter(OutboxEntry::refused)
                .forEach(e -> blocked.add(e.action().crossingId()));
        return blocked;
    }

    /** The first action that may go now (none refused before it on its crossing), if any. */
    Optional<OutboxEntry> next() {
        Set<Long> blocked = new HashSet<>();
        for (OutboxEntry entry : entries) {
            if (entry.refused()) {
                blocked.add(entry.action().crossingId());
            } else if (!blocked.contains(entry.action().crossingId())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** The action waiting for {@code crossingId}, first refused ones. */
    Optional<OutboxEntry> pendingFor(long crossingId) {
        return entries.stream()
                .filter(e -> e.action().crossingId() == crossingId)
                .min((a, b) -> Boolean.compare(b.refused(), a.refused()));
    }

    private void recount() {
        pending.set(entries.size());
        refused.set((int) entries.stream().filter(OutboxEntry::refused).count());
        Set<Long> now = new HashSet<>();
        entries.forEach(e -> now.add(e.action().crossingId()));
        crossings.retainAll(now);
        crossings.addAll(now);
    }

    ObservableList<OutboxEntry> view() {
        return entriesView;
    }

    ObservableSet<Long> crossings() {
        return crossingsView;
    }

    ReadOnlyIntegerProperty pending() {
        return pending.getReadOnlyProperty();
    }

    ReadOnlyIntegerProperty refused() {
        return refused.getReadOnlyProperty();
    }
}
