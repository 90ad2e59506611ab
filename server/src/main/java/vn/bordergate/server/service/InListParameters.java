package vn.bordergate.server.service;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import org.hibernate.query.SelectionQuery;

/**
 * An {@code in} list of single-valued parameters in a few fixed sizes (8, 32, 128, then powers of two), padded
 * by repeating the last value. A list parameter ({@code in (:list)}) makes Hibernate translate the query
 * again on every call and Derby compile a statement for each list size; with a fixed text both are done once
 * per size (in a batch writer's profile the translation alone was a sixth of its time).
 */
final class InListParameters {
    private InListParameters() {}

    /** The parameter list for {@code in (...)}: {@code :name0, :name1, ...} for {@code count} values. */
    static String in(String name, int count) {
        StringJoiner list = new StringJoiner(", ");
        for (int i = 0; i < size(count); i++) {
            list.add(":" + name + i);
        }
        return list.toString();
    }

    /** Binds the values (at least one) to the parameters {@link #in} named. */
    static <Q extends SelectionQuery<?>> Q bind(Q query, String name, Collection<?> values) {
        List<Object> padded = new ArrayList<>(values);
        Object last = padded.get(padded.size() - 1);
        int size = size(padded.size());
        for (int i = 0; i < size; i++) {
            query.setParameter(name + i, i < padded.size() ? padded.get(i) : last);
        }
        return query;
    }

    /** As {@link #in}, for plain JDBC: {@code ?, ?, ...} for {@code count} values. */
    static String marks(int count) {
        return "?, ".repeat(size(count) - 1) + "?";
    }

    /**
     * Binds the values (at least one) to the markers {@link #marks} wrote, from parameter {@code first} on; answers the
     * next parameter's index.
     */
    static int bind(PreparedStatement statement, int first, Collection<?> values) throws SQLException {
        List<Object> padded = new ArrayList<>(values);
        Object last = padded.get(padded.size() - 1);
        int size = size(padded.size());
        for (int i = 0; i < size; i++) {
            statement.setObject(first + i, i < padded.size() ? padded.get(i) : last);
        }
        return first + size;
    }

    private static int size(int count) {
        if (count <= 8) {
            return 8;
        }
        if (count <= 32) {
            return 32;
        }
        return Math.max(128, Integer.highestOneBit(count - 1) << 1);
    }
}
