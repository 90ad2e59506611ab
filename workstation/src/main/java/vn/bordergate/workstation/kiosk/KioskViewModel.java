package vn.bordergate.workstation.kiosk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.connection.GateSession;
import vn.bordergate.workstation.text.Wording;

/**
 * The driver's way through the kiosk: language, find the trip, check in, queue number and ticket. All
 * calls go through the kiosk's device session; nothing about a driver outlives {@link #reset}, which
 * the idle timeout calls when a driver walks away.
 */
public final class KioskViewModel {
    private final GateSession kiosk;
    private final Path ticketDir;
    private final BackgroundWork work;
    private final Clock clock;
    private final KioskIdle idle;
    private final RepeatDeclarationViewModel repeat;
    private final ReadOnlyObjectWrapper<KioskStep> step = new ReadOnlyObjectWrapper<>(this, "step", KioskStep.START);
    private final ReadOnlyObjectWrapper<Wording> words;
    private final ReadOnlyObjectWrapper<KioskCrossingDto> crossing = new ReadOnlyObjectWrapper<>(this, "crossing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper advice = new ReadOnlyStringWrapper(this, "advice", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper checkable = new ReadOnlyBooleanWrapper(this, "checkable");
    private final FindForm form;
    /** Answers that arrive after a reset belong to the driver who left: each reset starts a new visit. */
    private long visit;

    public KioskViewModel(GateSession kiosk, BackgroundWork work, Clock clock, Duration idleTimeout, Path ticketDir) {
        this.kiosk = kiosk;
        this.ticketDir = ticketDir;
        this.work = work;
        this.clock = clock;
        this.idle = new KioskIdle(clock, idleTimeout);
        this.words = new ReadOnlyObjectWrapper<>(this, "words", Wording.of(Wording.VIETNAMESE, KioskClock.ZONE));
        this.repeat = new RepeatDeclarationViewModel(kiosk.address(), work, clock, words.getReadOnlyProperty());
        // signed in: the enterprise's earlier declarations are there to pick from
        repeat.signedIn().addListener((obs, was, now) -> {
            if (now && step.get() == KioskStep.SIGN_IN) {
                step.set(KioskStep.REPEAT);
            }
        });
        this.form = new FindForm(this, busy.getReadOnlyProperty());
    }

    // ---- the screens

    /** The driver chose a language: on to finding the trip. */
    public void chooseLanguage(Locale language) {
        touch();
        words.set(Wording.of(language, KioskClock.ZONE));
        step.set(KioskStep.FIND);
    }

    /** An enterprise user wants to declare a repeat trip: the sign-in screen, in the chosen language. */
    public void startRepeatDeclaration(Locale language) {
        touch();
        words.set(Wording.of(language, KioskClock.ZONE));
        step.set(KioskStep.SIGN_IN);
    }

    public void back() {
        touch();
        message.set("");
        step.set(step.get().back());
        if (step.get() == KioskStep.FIND) {
            crossing.set(null);
        }
        if (step.get() == KioskStep.SIGN_IN || step.get() == KioskStep.START) {
            repeat.reset();
        }
    }

    /** Back to the start screen with nothing of the last driver or enterprise left on it. */
    public void reset() {
        visit++;
        step.set(KioskStep.START);
        words.set(Wording.of(Wording.VIETNAMESE, KioskClock.ZONE));
        form.clear();
        crossing.set(null);
        message.set("");
        advice.set("");
        checkable.set(false);
        busy.set(false);
        repeat.reset();
        idle.touch();
    }

    /** Someone touched the screen. */
    public void touch() {
        idle.touch();
    }

    /** Called every second or so: starts over once the kiosk was left alone for the idle timeout. */
    public boolean checkIdle() {
        if (step.get() != KioskStep.START && idle.expired()) {
            reset();
            return true;
        }
        return false;
    }

    // ---- finding

    public CompletableFuture<Void> find() {
        touch();
        if (!form.canFind().get()) {
            return CompletableFuture.completedFuture(null);
        }
        return lookUp(form.lookUp(), form.typed());
    }

    /** A QR code the camera read. */
    public CompletableFuture<Void> foundQr(String payload) {
        touch();
        if (busy.get() || step.get() != KioskStep.FIND) {
            return CompletableFuture.completedFuture(null);
        }
        return lookUp(g -> g.kiosk().findByQr(payload), "QR");
    }

    private CompletableFuture<Void> lookUp(GateSession.GateCall<KioskCrossingDto> call, String what) {
        busy.set(true);
        message.set("");
        long mine = visit;
        return kiosk.ask(call).handle((found, failure) -> {
            if (mine != visit) {
                return null;
            }
            busy.set(false);
            if (failure != null) {
                message.set(KioskRefusals.notFound(failure, what, form.mode().get(), words()));
            } else {
                show(found);
                step.set(found.queue() != null ? KioskStep.QUEUE : KioskStep.CROSSING);
            }
            return null;
        });
    }

    // ---- checking in

    public CompletableFuture<Void> checkIn() {
        touch();
        KioskCrossingDto current = crossing.get();
        if (current == null || busy.get() || !checkable.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set("");
        long mine = visit;
        return kiosk.ask(g -> g.kiosk().checkIn(current.crossingId())).handle((checked, failure) -> {
            if (mine != visit) {
                return null;
            }
            busy.set(false);
            if (failure != null) {
                message.set(words().problem(failure));
            } else {
                show(checked);
                step.set(KioskStep.QUEUE);
            }
            return null;
        });
    }

    /** Asks again where the vehicle stands (the queue moves while the driver reads). */
    public CompletableFuture<Void> refresh() {
        KioskCrossingDto current = crossing.get();
        if (current == null || step.get() != KioskStep.QUEUE) {
            return CompletableFuture.completedFuture(null);
        }
        long mine = visit;
        return kiosk.ask(g -> g.kiosk().crossing(current.crossingId())).handle((fresh, failure) -> {
            if (mine == visit && failure == null) {
                show(fresh);
            }
            return null;
        });
    }

    /**
     * Fetches the queue ticket (a PDF the gate server makes) and keeps a copy in the ticket folder;
     * answers the saved file, or null when there is nothing to print or it failed (said in the message).
     */
    public CompletableFuture<KioskTicketFile> saveTicket() {
        touch();
        KioskCrossingDto current = crossing.get();
        if (current == null || current.queue() == null || busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        long mine = visit;
        return TicketFolder.fetch(kiosk, ticketDir, current).handle((saved, failure) -> {
            if (mine != visit) {
                return null;
            }
            busy.set(false);
            if (failure != null) {
                message.set(words().text("kiosk.queue.printFailed", words().problem(failure)));
                return null;
            }
            message.set(words().text("kiosk.queue.saved", saved.file().getFileName()));
            return saved;
        });
    }

    /** Says what became of the ticket the view printed (or could not print). */
    public void ticketPrinted(Throwable failure) {
        message.set(
                failure == null
                        ? words().text("kiosk.queue.printed")
                        : words().text("kiosk.queue.printFailed", words().problem(failure)));
    }

    private void show(KioskCrossingDto found) {
        crossing.set(found);
        String why = KioskRefusals.whyNot(found, words(), clock);
        checkable.set(why == null && found.queue() == null);
        advice.set(KioskRefusals.advice(found, why, words()));
    }

    // ---- properties

    public Wording words() {
        return words.get();
    }

    public ReadOnlyObjectProperty<Wording> wording() {
        return words.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KioskStep> step() {
        return step.getReadOnlyProperty();
    }

    public ObjectProperty<FindMode> mode() {
        return form.mode();
    }

    public StringProperty plate() {
        return form.plate();
    }

    public StringProperty code() {
        return form.code();
    }

    public ReadOnlyObjectProperty<KioskCrossingDto> crossing() {
        return crossing.getReadOnlyProperty();
    }

    /** The last problem, in the driver's language; empty when none. */
    public ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** What to do next with the trip shown (check in, or why not). */
    public ReadOnlyStringProperty advice() {
        return advice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkable() {
        return checkable.getReadOnlyProperty();
    }

    public BooleanBinding canFind() {
        return form.canFind();
    }

    public RepeatDeclarationViewModel repeat() {
        return repeat;
    }

    public Duration idleTimeout() {
        return idle.timeout();
    }
}
