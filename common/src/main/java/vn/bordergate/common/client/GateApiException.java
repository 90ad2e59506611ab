package vn.bordergate.common.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import vn.bordergate.common.dto.ApiError;

/**
 * The gate server answered, but not with success: a non-2xx status (or a success whose body could
 * not be read). Carries the status and the server's {@link ApiError}; when the body was not an
 * {@code ApiError} (a proxy's HTML page, say) the error is a synthetic one built from the status.
 * The message is the error's message, fit to show an officer.
 */
public final class GateApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient ApiError error;
    private final Duration retryAfter;

    public GateApiException(int status, ApiError error) {
        this(status, error, null);
    }

    public GateApiException(int status, ApiError error, Duration retryAfter) {
        super(Objects.requireNonNull(error, "error").message());
        this.status = status;
        this.error = error;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status code of the answer. */
    public int status() {
        return status;
    }

    /** The error the server described (or a synthetic one when its body was not an ApiError). */
    public ApiError error() {
        return error;
    }

    /** The short error code, e.g. {@code invalid_request} or {@code conflict}. */
    public String errorCode() {
        return error.error();
    }

    /** How long the server asks to wait before trying again ({@code Retry-After}, sent with 429). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
