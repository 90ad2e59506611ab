package vn.bordergate.common.client;

/**
 * The gate server could not be reached or did not answer in time: connection refused, network down,
 * timeout, or the waiting thread was interrupted. The message says so in plain words.
 */
public final class GateUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GateUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
