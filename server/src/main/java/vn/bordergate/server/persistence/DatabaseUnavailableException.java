package vn.bordergate.server.persistence;

/** The database can't be opened or used; the message is meant for the operator starting the server. */
public class DatabaseUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
