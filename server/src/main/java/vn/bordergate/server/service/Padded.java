package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A list parameter padded to a power of two by repeating its last element: an {@code in (:list)} query then
 * has a few distinct texts, which Derby compiles once each, instead of one per list size.
 */
final class Padded {
    private Padded() {}

    static <T> List<T> list(Collection<T> values) {
        List<T> padded = new ArrayList<>(values);
        int size = Integer.highestOneBit(Math.max(1, padded.size() - 1)) << 1;
        if (padded.size() <= 1) {
            return padded;
        }
        T last = padded.get(padded.size() - 1);
        while (padded.size() < size) {
            padded.add(last);
        }
        return padded;
    }
}
