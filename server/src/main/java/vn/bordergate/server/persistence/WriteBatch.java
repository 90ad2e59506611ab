package vn.bordergate.server.persistence;

import java.util.List;

/** Writes the items a {@link BatchWriter} took together; answers one outcome per item, in their order. */
@FunctionalInterface
public interface WriteBatch<I, O> {
    List<WriteOutcome<O>> write(List<I> items);

    /** Runs once per batch after its items were answered and announced (default: nothing). */
    default void announced() {}
}
