package vn.bordergate.workstation.kiosk;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import vn.bordergate.common.dto.DeclarationDto;
import vn.bordergate.common.dto.DeclarationRequest;
import vn.bordergate.common.dto.GoodsLineDto;
import vn.bordergate.common.workflow.Role;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * A repeat trip declared at the kiosk by an enterprise user in under a minute: sign in, pick an earlier
 * declaration, and vehicle, driver and goods come prefilled; only what differs (arrival, quantities,
 * weights) is typed. The enterprise's session and everything it showed go with {@link #reset}.
 */
public final class RepeatDeclarationViewModel {
    private static final int RECENT = 8;

    private final URI address;
    private final BackgroundWork work;
    private final Clock clock;
    private final ReadOnlyObjectProperty<Wording> words;
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper enterpriseName = new ReadOnlyStringWrapper(this, "enterpriseName", "");
    private final ObservableList<DeclarationDto> previous = FXCollections.observableArrayList();
    private final ObservableList<String> goodsSuggestions = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DeclarationDto> picked = new ReadOnlyObjectWrapper<>(this, "picked");
    private final ObservableList<GoodsForm> goods = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> arrivalDate = new SimpleObjectProperty<>(this, "arrivalDate");
    private final StringProperty arrivalTime = new SimpleStringProperty(this, "arrivalTime", "");
    private final ReadOnlyObjectWrapper<DeclarationDto> submitted = new ReadOnlyObjectWrapper<>(this, "submitted");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(this, "signedIn");
    private GateSession session;
    private String idempotencyKey;
    private long visit;

    RepeatDeclarationViewModel(URI address, BackgroundWork work, Clock clock, ReadOnlyObjectProperty<Wording> words) {
        this.address = address;
        this.work = work;
        this.clock = clock;
        this.words = words;
    }

    /** Signs the enterprise user in and loads its recent declarations. */
    public CompletableFuture<Void> signIn() {
        String user = username.get().strip();
        String secret = password.get();
        if (busy.get() || user.isEmpty() || secret.isEmpty()) {
            message.set(busy.get() ? "" : words.get().text("login.required"));
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set("");
        long mine = visit;
        return work.submit(() -> GateSession.open(address, user, secret, work, Set.of(Role.ENTERPRISE)))
                .thenCompose(
                        opened -> opened.ask(g -> g.declarations(null, 200)).thenApply(list -> Map.entry(opened, list)))
                .handle((done, failure) -> {
                    password.set("");
                    if (mine != visit) {
                        return null;
                    }
                    busy.set(false);
                    if (failure != null) {
                        message.set(words.get().loginProblem(failure));
                        return null;
                    }
                    session = done.getKey();
                    enterpriseName.set(session.user().displayName());
                    showPrevious(done.getValue());
                    signedIn.set(true); // last: the kiosk turns to the form, which shows the list as it is now
                    return null;
                });
    }

    private void showPrevious(List<DeclarationDto> all) {
        List<DeclarationDto> newestFirst = all.stream()
                .sorted(Comparator.comparing(DeclarationDto::submittedAt).reversed())
                .toList();
        // one per vehicle and goods: the same trip declared twenty times is one choice
        Map<String, DeclarationDto> distinct = new LinkedHashMap<>();
        for (DeclarationDto d : newestFirst) {
            String trip = d.tractorPlate() + "|"
                    + d.goods().stream().map(GoodsLineDto::description).toList();
            distinct.putIfAbsent(trip, d);
        }
        previous.setAll(distinct.values().stream().limit(RECENT).toList());
        Set<String> suggestions = new LinkedHashSet<>();
        newestFirst.forEach(d -> d.goods().forEach(g -> suggestions.add(g.description())));
        goodsSuggestions.setAll(suggestions);
    }

    /** Prefills the form from an earlier declaration; arrival defaults to an hour from now. */
    public void pick(DeclarationDto earlier) {
        submitted.set(null);
        message.set("");
        idempotencyKey = UUID.randomUUID().toString();
        goods.setAll(earlier.goods().stream().map(GoodsForm::new).toList());
        ZonedDateTime inAnHour = clock.instant()
                .atZone(KioskClock.ZONE)
                .plusHours(1)
                .truncatedTo(ChronoUnit.HOURS)
                .plusMinutes(30);
        arrivalDate.set(inAnHour.toLocalDate());
        arrivalTime.set(String.format("%02d:%02d", inAnHour.getHour(), inAnHour.getMinute()));
        picked.set(earlier); // last: the form is drawn from the fields above when this changes
    }

    /** Sends the repeat declaration (a second tap sends the same one: it carries one idempotency key). */
    public CompletableFuture<Void> submit() {
        DeclarationDto earlier = picked.get();
        if (earlier == null || busy.get() || session == null) {
            return CompletableFuture.completedFuture(null);
        }
        DeclarationRequest request;
        try {
            request = request(earlier);
        } catch (IllegalArgumentException wrong) {
            message.set(wrong.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set("");
        String key = idempotencyKey;
        long mine = visit;
        return session.ask(g -> g.submitDeclaration(request, key)).handle((done, failure) -> {
            if (mine != visit) {
                return null;
            }
            busy.set(false);
            if (failure != null) {
                message.set(words.get().problem(failure));
            } else {
                submitted.set(done);
                message.set(words.get().text("kiosk.repeat.done", done.code(), done.tractorPlate()));
            }
            return null;
        });
    }

    private DeclarationRequest request(DeclarationDto earlier) {
        Wording w = words.get();
        LocalTime time;
        try {
            time = LocalTime.parse(
                    arrivalTime.get().strip().length() == 4
                            ? "0" + arrivalTime.get().strip()
                            : arrivalTime.get().strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(w.text("kiosk.repeat.badTime", arrivalTime.get()));
        }
        if (arrivalDate.get() == null) {
            throw new IllegalArgumentException(w.text("kiosk.repeat.badTime", ""));
        }
        List<GoodsLineDto> lines = new ArrayList<>();
        for (GoodsForm form : goods) {
            GoodsLineDto was = form.previous();
            String description = form.description().get().strip();
            if (description.isEmpty()) {
                throw new IllegalArgumentException(w.text("kiosk.repeat.noDescription"));
            }
            lines.add(new GoodsLineDto(
                    was.hsCode(),
                    description,
                    positive(form.quantity().get(), w),
                    was.unit(),
                    positive(form.grossWeightKg().get(), w),
                    was.quarantine()));
        }
        return new DeclarationRequest(
                null,
                earlier.direction(),
                earlier.tractorPlate(),
                earlier.trailerPlate(),
                earlier.vehicleType(),
                earlier.driver(),
                lines,
                arrivalDate.get().atTime(time).atZone(KioskClock.ZONE).toInstant(),
                earlier.twoWayTransport(),
                null); // the health declaration is the driver's, made fresh at the gate: never copied
    }

    private static BigDecimal positive(String text, Wording w) {
        try {
            BigDecimal value = new BigDecimal(text.strip().replace(" ", "").replace(',', '.'));
            if (value.signum() > 0) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // said below
        }
        throw new IllegalArgumentException(w.text("kiosk.repeat.badNumber", text));
    }

    /** Signs out and forgets everything shown (the idle timeout and "done" call it). */
    public void reset() {
        visit++;
        session = null;
        username.set("");
        password.set("");
        enterpriseName.set("");
        previous.clear();
        goodsSuggestions.clear();
        picked.set(null);
        goods.clear();
        arrivalDate.set(null);
        arrivalTime.set("");
        submitted.set(null);
        message.set("");
        busy.set(false);
        signedIn.set(false);
        idempotencyKey = null;
    }

    public StringProperty username() {
        return username;
    }

    public StringProperty password() {
        return password;
    }

    public ReadOnlyStringProperty enterpriseName() {
        return enterpriseName.getReadOnlyProperty();
    }

    public ObservableList<DeclarationDto> previous() {
        return previous;
    }

    /** Goods descriptions of the enterprise's earlier declarations, newest first, for autocomplete. */
    public ObservableList<String> goodsSuggestions() {
        return goodsSuggestions;
    }

    public ReadOnlyObjectProperty<DeclarationDto> picked() {
        return picked.getReadOnlyProperty();
    }

    public ObservableList<GoodsForm> goods() {
        return goods;
    }

    public ObjectProperty<LocalDate> arrivalDate() {
        return arrivalDate;
    }

    public StringProperty arrivalTime() {
        return arrivalTime;
    }

    public ReadOnlyObjectProperty<DeclarationDto> submitted() {
        return submitted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty signedIn() {
        return signedIn.getReadOnlyProperty();
    }
}
