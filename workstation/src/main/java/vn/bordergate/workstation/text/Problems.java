package vn.bordergate.workstation.text;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.bordergate.common.client.GateApiException;
import vn.bordergate.common.client.GateUnreachableException;
import vn.bordergate.workstation.connection.GateSession;

/**
 * Turns whatever went wrong into one sentence an officer can act on. Never a stack trace: an unexpected
 * failure is logged in full for the technicians and shown as "not done, try again".
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    static String sentence(Wording words, Throwable failure, boolean loggingIn) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GateUnreachableException) {
            return words.text("problem.unreachable");
        }
        if (cause instanceof GateSession.NotAStationAccount notOfficer) {
            return words.text("problem.notStationAccount", words.role(notOfficer.role()));
        }
        if (cause instanceof GateApiException api) {
            return switch (api.status()) {
                case 401 -> loggingIn ? words.text("problem.wrongPassword") : words.text("problem.sessionEnded");
                case 403 -> words.text("problem.forbidden");
                case 404 -> words.text("problem.notFound");
                case 409 -> words.text("problem.conflict", api.getMessage());
                case 429 -> words.text(
                        "problem.tooManyAttempts",
                        api.retryAfter().map(d -> Math.max(1, d.toSeconds())).orElse(60L));
                case 400, 413, 415 -> words.text("problem.invalid", api.getMessage());
                case 503 -> words.text("problem.starting");
                default -> words.text("problem.server", api.status());
            };
        }
        LOG.error("unexpected failure shown to the officer as 'not done'", cause);
        return words.text("problem.unexpected");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
