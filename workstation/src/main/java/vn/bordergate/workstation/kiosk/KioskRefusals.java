package vn.bordergate.workstation.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.dto.KioskCrossingDto;
import vn.bordergate.common.workflow.CrossingStatus;
import vn.bordergate.workstation.text.Wording;

/** What the kiosk tells a driver it cannot help, in the driver's language: a trip not found, or not checkable now. */
final class KioskRefusals {
    /** Check-in opens this long before the expected arrival (the server's rule, said before asking it). */
    static final Duration EARLY = Duration.ofHours(12);

    static final Duration LATE = Duration.ofHours(24);

    private KioskRefusals() {}

    /** What to do next with the trip found: it is checked in, why it can't be, or check it in. */
    static String advice(KioskCrossingDto found, String why, Wording w) {
        return found.queue() != null
                ? w.text("kiosk.advice.checkedIn")
                : why != null ? why : w.text("kiosk.advice.checkIn");
    }

    /** Why this trip can't be checked in now; null when it can. */
    static String whyNot(KioskCrossingDto c, Wording w, Clock clock) {
        CrossingStatus status = c.status();
        return switch (status) {
            case DECLARED -> w.text("kiosk.refuse.notAccepted", c.declarationCode());
            case DECLARATION_REJECTED -> w.text("kiosk.refuse.rejected", c.declarationCode());
            case CANCELLED -> w.text("kiosk.refuse.cancelled", c.declarationCode());
            case RELEASED -> w.text("kiosk.refuse.released");
            case TURNED_BACK -> w.text("kiosk.refuse.turnedBack");
            default -> {
                Instant now = clock.instant();
                if (c.queue() == null && c.expectedArrival().isAfter(now.plus(EARLY))) {
                    yield w.text("kiosk.refuse.early", w.time(c.expectedArrival()), EARLY.toHours());
                }
                if (c.queue() == null && c.expectedArrival().isBefore(now.minus(LATE))) {
                    yield w.text("kiosk.refuse.late", w.time(c.expectedArrival()));
                }
                yield null;
            }
        };
    }

    /** Why looking up {@code what} (typed or scanned in {@code mode}) found no trip. */
    static String notFound(Throwable failure, String what, FindMode mode, Wording words) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof GateApiException api) {
            switch (api.status()) {
                case 404:
                    return mode == FindMode.PLATE
                            ? words.text("kiosk.notFound.plate", what)
                            : words.text("kiosk.notFound.code", what);
                case 409:
                    return words.text("kiosk.ambiguous");
                case 400:
                    return mode == FindMode.QR
                            ? words.text("kiosk.notFound.qr")
                            : words.text("kiosk.invalid", api.getMessage());
                default:
                    break;
            }
        }
        return words.problem(failure);
    }
}
