package vn.bordergate.server.documents;

/** A printed document could not be made: a template that does not compile, or a fill or export that failed. */
public final class DocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }

    public DocumentException(String message) {
        super(message);
    }
}
