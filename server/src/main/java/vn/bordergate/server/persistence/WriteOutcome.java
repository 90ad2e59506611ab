package vn.bordergate.server.persistence;

/**
 * One item's answer from a {@link WriteBatch}: its value, or what its caller is told instead; {@code announce} (may be
 * null) is run after the caller was answered.
 */
public record WriteOutcome<O>(O value, Throwable failure, Runnable announce) {
    public static <O> WriteOutcome<O> of(O value) {
        return new WriteOutcome<>(value, null, null);
    }

    public static <O> WriteOutcome<O> of(O value, Runnable announce) {
        return new WriteOutcome<>(value, null, announce);
    }

    public static <O> WriteOutcome<O> failed(Throwable failure) {
        return new WriteOutcome<>(null, failure, null);
    }
}
