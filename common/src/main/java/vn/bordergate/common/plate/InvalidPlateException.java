package vn.bordergate.common.plate;

/** Text that is not a Vietnamese or Chinese plate; the message says why, in words for an officer. */
public class InvalidPlateException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidPlateException(String message) {
        super(message);
    }
}
