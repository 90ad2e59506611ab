package vn.bordergate.workstation.platereads;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.dto.PlateCorrectionRequest;
import vn.bordergate.common.dto.PlateReadDto;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.Agency;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The plates the lane cameras read, newest first, as they arrive; and putting a misread one right. Only
 * the gate management board (officers and supervisors) may correct a read — the server says the same —
 * everyone else sees the list read-only. A correction is checked with the common plate parser before it
 * is sent, and the server's re-match (a crossing, or still none) is shown in words.
 */
public final class PlateReadsViewModel {
    /** About an hour of a busy lane: older reads are in the audit log and the supervisor's reports. */
    static final int KEPT = 40;

    private final GateSession session;
    private final Wording words;
    private final boolean canCorrect;
    private final ObservableList<PlateReadDto> reads = FXCollections.observableArrayList();
    private final ObservableList<PlateReadDto> readsView = FXCollections.unmodifiableObservableList(reads);
    private final ReadOnlyObjectWrapper<PlateReadDto> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final StringProperty plate = new SimpleStringProperty(this, "plate", "");
    private final ReadOnlyStringWrapper plateProblem = new ReadOnlyStringWrapper(this, "plateProblem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper needsOfficer = new ReadOnlyIntegerWrapper(this, "needsOfficer");
    private final Map<Long, CompletableFuture<Optional<byte[]>>> crops = new LinkedHashMap<>();

    public PlateReadsViewModel(GateSession session, Wording words) {
        this.session = session;
        this.words = words;
        Role role = session.role();
        this.canCorrect = session.agency().orElse(null) == Agency.GATE_MANAGEMENT
                && (role == Role.OFFICER || role == Role.SUPERVISOR);
        plate.addListener((obs, before, now) -> plateProblem.set(problemWith(now)));
    }

    /** The latest reads, as the server has them (first show, and after a reconnect). */
    public CompletableFuture<Void> load() {
        return session.ask(gate -> gate.anpr().plateReads(KEPT)).handle((list, failure) -> {
            if (failure != null) {
                error.set(words.problem(failure));
            } else {
                list.forEach(this::upsert);
            }
            return null;
        });
    }

    /** A read arrived (a new one, or a correction of one shown): newest first, at most {@link #KEPT}. */
    public void onRead(PlateReadDto read) {
        upsert(read);
    }

    private void upsert(PlateReadDto read) {
        for (int i = 0; i < reads.size(); i++) {
            if (reads.get(i).id() == read.id()) {
                reads.set(i, read);
                if (selected.get() != null && selected.get().id() == read.id()) {
                    selected.set(read);
                }
                recount();
                return;
            }
        }
        int at = 0;
        while (at < reads.size() && newer(reads.get(at), read)) {
            at++;
        }
        reads.add(at, read);
        if (reads.size() > KEPT) {
            List<PlateReadDto> gone = List.copyOf(reads.subList(KEPT, reads.size()));
            reads.remove(KEPT, reads.size());
            gone.forEach(old -> crops.remove(old.id()));
        }
        recount();
    }

    private static boolean newer(PlateReadDto a, PlateReadDto b) {
        int byTime = a.readAt().compareTo(b.readAt());
        return byTime != 0 ? byTime > 0 : a.id() > b.id();
    }

    private void recount() {
        needsOfficer.set((int) reads.stream()
                .filter(r -> r.matchStatus() == MatchStatus.NEEDS_OFFICER || r.matchStatus() == MatchStatus.UNMATCHED)
                .count());
    }

    /** The officer picked a read: its plate is offered for correction. */
    public void select(PlateReadDto read) {
        if (read == null || selected.get() == null || selected.get().id() != read.id()) {
            result.set("");
            error.set("");
            plate.set(read == null ? "" : read.text());
        }
        selected.set(read);
    }

    /** Sends the typed plate; the server re-matches the read and answers where it now belongs. */
    public CompletableFuture<Void> correct() {
        PlateReadDto read = selected.get();
        String problem = problemWith(plate.get());
        if (read == null || !canCorrect || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        if (!problem.isEmpty()) {
            plateProblem.set(problem);
            error.set(problem);
            return CompletableFuture.completedFuture(null);
        }
        Plate typed = PlateParser.parse(plate.get());
        return send(read, new PlateCorrectionRequest(typed.normalized(), null, session.stationCode()));
    }

    /** Assigns the selected read to one of its ranked candidates. */
    public CompletableFuture<Void> assign(MatchCandidateDto candidate) {
        PlateReadDto read = selected.get();
        if (read == null || candidate == null || !canCorrect || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        return send(read, new PlateCorrectionRequest(null, candidate.crossingId(), session.stationCode()));
    }

    private CompletableFuture<Void> send(PlateReadDto read, PlateCorrectionRequest request) {
        busy.set(true);
        error.set("");
        result.set("");
        return session.ask(gate -> gate.anpr().correctPlateRead(read.id(), request))
                .handle((corrected, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        error.set(words.problem(failure));
                    } else {
                        upsert(corrected);
                        selected.set(corrected);
                        plate.set(corrected.text());
                        result.set(
                                corrected.crossingId() == null
                                        ? words.text("plates.result.unmatched", corrected.text())
                                        : words.text(
                                                "plates.result.matched", corrected.text(), corrected.crossingId()));
                    }
                    return null;
                });
    }

    /**
     * The read's plate crop (JPEG), fetched once in the background; empty when the read has none or
     * the server cannot give it — the list then shows a placeholder.
     */
    public CompletableFuture<Optional<byte[]>> crop(long readId) {
        return crops.computeIfAbsent(readId, id -> session.ask(
                        gate -> Optional.of(gate.download("/api/plate-reads/" + id + "/crop", "image/jpeg")))
                .exceptionally(failure -> Optional.empty()));
    }

    /** Empty when {@code text} is a Vietnamese or Chinese plate, else why not, in words. */
    String problemWith(String text) {
        if (text == null || text.isBlank()) {
            return words.text("plates.correct.empty");
        }
        return PlateParser.tryParse(text).isPresent() ? "" : words.text("plates.correct.invalid", text.strip());
    }

    /** How sure the camera was, as the officer's language writes a percentage. */
    public String confidence(PlateReadDto read) {
        NumberFormat percent = NumberFormat.getPercentInstance(words.locale());
        return percent.format(read.confidence());
    }

    public ObservableList<PlateReadDto> reads() {
        return readsView;
    }

    public ReadOnlyObjectProperty<PlateReadDto> selected() {
        return selected.getReadOnlyProperty();
    }

    /** The plate as the officer types it for a correction. */
    public StringProperty plate() {
        return plate;
    }

    /** Why the typed plate is not a plate, empty when it is. */
    public ReadOnlyStringProperty plateProblem() {
        return plateProblem.getReadOnlyProperty();
    }

    public boolean canCorrect() {
        return canCorrect;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    /** Where the corrected read now belongs, in words; empty before a correction. */
    public ReadOnlyStringProperty result() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    /** Reads shown that no crossing claims yet. */
    public ReadOnlyIntegerProperty needsOfficer() {
        return needsOfficer.getReadOnlyProperty();
    }
}
