package vn.bordergate.server.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The trie of {@link PlateIndex} for a fixed set of entries, in plain arrays, built at once and never changed: a
 * node is a slot of {@link #nodes} (its character, where its children start, how many, the shortest and longest
 * plate ending at or below it), a node's children take consecutive slots, and the entries ending at a node are
 * consecutive slots of the entry arrays, with the expected arrival as epoch seconds and nanoseconds. A search then
 * reads a few arrays in order instead of chasing node, branch, key, child and {@link java.time.Instant} objects
 * (JFR, session 16: the trie walk was ~37 % of the plate-read writer's samples, spread over the pointer chasing).
 */
final class FlatPlates {
    /** Ints per node in {@link #nodes}. */
    static final int SLOT = 5;

    static final int KEY = 0;
    static final int FIRST_CHILD = 1;
    static final int CHILDREN = 2;
    static final int SHORTEST = 3;
    static final int LONGEST = 4;

    /** The arrival second of a forgotten entry: before every window, so the search skips it as any other. */
    static final long GONE = Long.MIN_VALUE;

    private static final Comparator<ExpectedPlates.Entry> BY_PLATE = Comparator.comparing(ExpectedPlates.Entry::plate);

    static final FlatPlates EMPTY = of(List.of());

    /** Per node, {@link #SLOT} ints: key, first child, children, shortest and longest plate at or below it. */
    final int[] nodes;
    /** The entries ending at node {@code n} are {@code endStart[n]} up to {@code endStart[n + 1]}. */
    final int[] endStart;

    final long[] crossing;
    final long[] arrivalSecond;
    final int[] arrivalNano;
    /** The entries, in the order of the arrays above. */
    final ExpectedPlates.Entry[] entries;

    private FlatPlates(int[] nodes, int[] endStart, ExpectedPlates.Entry[] entries) {
        this.nodes = nodes;
        this.endStart = endStart;
        this.entries = entries;
        this.crossing = new long[entries.length];
        this.arrivalSecond = new long[entries.length];
        this.arrivalNano = new int[entries.length];
        for (int i = 0; i < entries.length; i++) {
            crossing[i] = entries[i].crossingId();
            arrivalSecond[i] = entries[i].expectedArrival().getEpochSecond();
            arrivalNano[i] = entries[i].expectedArrival().getNano();
        }
    }

    /** Nodes, the root included (the same count as a trie of node objects holding these plates). */
    int size() {
        return nodes.length / SLOT;
    }

    static FlatPlates of(Collection<ExpectedPlates.Entry> held) {
        ExpectedPlates.Entry[] sorted = held.toArray(new ExpectedPlates.Entry[0]);
        // by plate, so a node's entries and subtrees are runs; a plate sorts before the plates it is a prefix of
        Arrays.sort(sorted, BY_PLATE);
        return new Builder(sorted).build();
    }

    /**
     * The trie of this one's entries not forgotten and of {@code added}: this one's are already in plate order (a walk
     * of the trie), so only the added few are sorted, and merged in. A rebuild of 100,000 entries sorted them all again
     * (string compares, most of its time) although all but an eighth were in order.
     */
    FlatPlates with(Collection<ExpectedPlates.Entry> added) {
        ExpectedPlates.Entry[] fresh = added.toArray(new ExpectedPlates.Entry[0]);
        Arrays.sort(fresh, BY_PLATE);
        List<ExpectedPlates.Entry> kept = new ArrayList<>(entries.length);
        inPlateOrder(0, kept);
        ExpectedPlates.Entry[] sorted = new ExpectedPlates.Entry[kept.size() + fresh.length];
        int k = 0;
        int f = 0;
        for (int s = 0; s < sorted.length; s++) {
            boolean fromKept =
                    f == fresh.length || k < kept.size() && kept.get(k).plate().compareTo(fresh[f].plate()) <= 0;
            sorted[s] = fromKept ? kept.get(k++) : fresh[f++];
        }
        return new Builder(sorted).build();
    }

    /** A node's own entries, then its children's in the order of their keys: the order of {@link #BY_PLATE}. */
    private void inPlateOrder(int node, List<ExpectedPlates.Entry> out) {
        for (int e = endStart[node]; e < endStart[node + 1]; e++) {
            if (arrivalSecond[e] != GONE) {
                out.add(entries[e]);
            }
        }
        int first = nodes[node * SLOT + FIRST_CHILD];
        for (int child = first, end = first + nodes[node * SLOT + CHILDREN]; child < end; child++) {
            inPlateOrder(child, out);
        }
    }

    /**
     * Marks an entry as gone, so no search finds it (its arrival is before every window) and no later trie holds it:
     * a removal no longer rebuilds the trie of every entry held. Only the index's writer calls it, and publishes the
     * layers again after it, so a read that starts after the removal sees the mark. A read under way may see the
     * entry or not, as if it ran before or after the removal (a long is written whole by the 64-bit JVMs this runs
     * on). False when it is not here (or was marked already).
     */
    boolean forget(ExpectedPlates.Entry entry) {
        String plate = entry.plate();
        int node = 0;
        for (int depth = 0; depth < plate.length() && node >= 0; depth++) {
            node = child(node, plate.charAt(depth));
        }
        if (node < 0) {
            return false;
        }
        for (int e = endStart[node]; e < endStart[node + 1]; e++) {
            if (arrivalSecond[e] != GONE && entries[e].equals(entry)) {
                arrivalSecond[e] = GONE;
                return true;
            }
        }
        return false;
    }

    /** The child of {@code node} for {@code c}, or -1. */
    private int child(int node, char c) {
        int first = nodes[node * SLOT + FIRST_CHILD];
        for (int k = first, end = first + nodes[node * SLOT + CHILDREN]; k < end; k++) {
            if (nodes[k * SLOT + KEY] == c) {
                return k;
            }
        }
        return -1;
    }

    /** Lays the trie out: the root in slot 0, each node's children in a block allocated when the node is laid. */
    private static final class Builder {
        private final ExpectedPlates.Entry[] sorted;
        private int[] nodes;
        private int used = 1;
        /** Per node, the first and last index (exclusive) of its own entries in {@link #sorted}. */
        private int[] ownFrom;

        private int[] ownTo;

        Builder(ExpectedPlates.Entry[] sorted) {
            this.sorted = sorted;
            // the exact count of nodes (the root and each distinct prefix), so the arrays are made once, at their
            // size: sized by the plates' characters they were several times larger, and copied (G1 humongous
            // allocations, docs/benchmarks.md "declgc")
            long count = 1;
            for (int i = 0; i < sorted.length; i++) {
                String plate = sorted[i].plate();
                count += plate.length() - (i == 0 ? 0 : sharedPrefix(sorted[i - 1].plate(), plate));
            }
            int capacity = (int) Math.min(Integer.MAX_VALUE / SLOT, count);
            nodes = new int[capacity * SLOT];
            ownFrom = new int[capacity];
            ownTo = new int[capacity];
        }

        FlatPlates build() {
            lay(0, 0, sorted.length, 0);
            int count = used;
            int[] endStart = new int[count + 1];
            ExpectedPlates.Entry[] entries = new ExpectedPlates.Entry[sorted.length];
            int at = 0;
            for (int n = 0; n < count; n++) {
                endStart[n] = at;
                for (int i = ownFrom[n]; i < ownTo[n]; i++) {
                    entries[at++] = sorted[i];
                }
            }
            endStart[count] = at;
            return new FlatPlates(nodes, endStart, entries);
        }

        private static int sharedPrefix(String a, String b) {
            int n = Math.min(a.length(), b.length());
            int i = 0;
            while (i < n && a.charAt(i) == b.charAt(i)) {
                i++;
            }
            return i;
        }

        /** Node {@code node} holds the plates {@code sorted[from, to)}, which share their first {@code depth}. */
        private void lay(int node, int from, int to, int depth) {
            int shortest = Integer.MAX_VALUE;
            int longest = -1;
            for (int i = from; i < to; i++) {
                int length = sorted[i].plate().length();
                shortest = Math.min(shortest, length);
                longest = Math.max(longest, length);
            }
            int own = from;
            while (own < to && sorted[own].plate().length() == depth) {
                own++;
            }
            ownFrom[node] = from;
            ownTo[node] = own;
            int children = 0;
            for (int i = own; i < to; i++) {
                if (i == own
                        || sorted[i].plate().charAt(depth)
                                != sorted[i - 1].plate().charAt(depth)) {
                    children++;
                }
            }
            int first = used;
            used += children;
            int slot = node * SLOT;
            nodes[slot + FIRST_CHILD] = first;
            nodes[slot + CHILDREN] = children;
            nodes[slot + SHORTEST] = shortest;
            nodes[slot + LONGEST] = longest;
            int child = first;
            for (int i = own; i < to; ) {
                char c = sorted[i].plate().charAt(depth);
                int end = i + 1;
                while (end < to && sorted[end].plate().charAt(depth) == c) {
                    end++;
                }
                nodes[child * SLOT + KEY] = c;
                lay(child, i, end, depth + 1);
                child++;
                i = end;
            }
        }
    }
}
