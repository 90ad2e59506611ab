package vn.bordergate.server.service;

import java.time.Duration;
import java.util.List;
import vn.bordergate.common.dto.FieldProblem;

/**
 * A refusal the API reports to its caller: what kind of refusal (mapped to one status code by the web
 * layer's one exception mapper) and a sentence for a person. Never carries a stack trace outward.
 */
public class GateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        INVALID,
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        CONFLICT,
        TOO_LARGE,
        TOO_MANY_ATTEMPTS,
        UNAVAILABLE
    }

    private final Kind kind;
    private final transient List<FieldProblem> problems;
    private final transient Duration retryAfter;

    private GateException(Kind kind, String message, List<FieldProblem> problems, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.retryAfter = retryAfter;
    }

    public static GateException invalid(String message) {
        return new GateException(Kind.INVALID, message, List.of(), null);
    }

    public static GateException invalid(String message, List<FieldProblem> problems) {
        return new GateException(Kind.INVALID, message, problems, null);
    }

    public static GateException invalidField(String field, String problem) {
        return new GateException(Kind.INVALID, field + " " + problem, List.of(new FieldProblem(field, problem)), null);
    }

    public static GateException unauthenticated(String message) {
        return new GateException(Kind.UNAUTHENTICATED, message, List.of(), null);
    }

    public static GateException forbidden(String message) {
        return new GateException(Kind.FORBIDDEN, message, List.of(), null);
    }

    public static GateException notFound(String what) {
        return new GateException(Kind.NOT_FOUND, what + " does not exist", List.of(), null);
    }

    public static GateException conflict(String message) {
        return new GateException(Kind.CONFLICT, message, List.of(), null);
    }

    public static GateException tooManyAttempts(Duration retryAfter) {
        return new GateException(
                Kind.TOO_MANY_ATTEMPTS,
                "too many failed logins: try again in " + Math.max(1, retryAfter.toSeconds()) + " s",
                List.of(),
                retryAfter);
    }

    public static GateException unavailable(String message) {
        return new GateException(Kind.UNAVAILABLE, message, List.of(), null);
    }

    /** Unavailable for now: the client is told (Retry-After) when to try again. */
    public static GateException unavailable(String message, Duration retryAfter) {
        return new GateException(Kind.UNAVAILABLE, message, List.of(), retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
