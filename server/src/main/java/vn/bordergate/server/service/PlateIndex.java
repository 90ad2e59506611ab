package vn.bordergate.server.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import vn.bordergate.common.plate.PlateDistance;

/**
 * The expected plates as a trie of their characters, so a read's distance to thousands of plates is
 * computed once per shared prefix (one column of {@link PlateDistance#betweenPrepared}'s table per trie
 * node), and branches that can no longer come close are cut: a read is scored against the few plausible
 * plates, not every plate of its window. Sequential plates (the usual case at a gate) share long prefixes.
 *
 * <p>The search is a branch and bound: once {@code want} crossings are found, the limit drops to the
 * distance of the {@code want}-th closest, so only closer plates are looked at. What it answers is
 * complete up to its bound: every crossing of the window within the bound, with the same distance
 * {@link PlateDistance#betweenPrepared} gives (the same table cells, computed in another order).
 *
 * <p>The trie is in two layers: most entries in a {@link FlatPlates} (plain arrays, cheap to walk, built at
 * once), and the entries added since it was built in a small trie of node objects that grows in place. When
 * that one holds more than an eighth of the entries, or an entry is removed, the writer builds a new flat
 * trie of every entry held and publishes it with a new empty trie of nodes in one volatile write, so a read
 * sees both layers as they were before or after a change; a read also builds it when the trie of nodes is not
 * empty and nothing was built for a while (see {@link #toSearch}). In the trie of nodes the single writer
 * publishes a node's branches (keys with their children) and entries as new immutable arrays (copy on write),
 * so a reader sees a node before or after a change, never half of one. Removed entries leave nothing behind
 * (the table is pruned, the gate runs for months).
 */
final class PlateIndex {
    private static final ExpectedPlates.Entry[] NO_ENTRIES = {};
    /** The fewest entries added in node objects before the flat trie is built again. */
    private static final int LEAST_REBUILT = 64;
    /** The shortest time between two rebuilds asked by reads. */
    private static final long MERGE_PAUSE = 1_000_000_000L;

    /** A node's children and the characters leading to them, published together. */
    record Branches(char[] keys, Node[] children) {}

    private static final Branches NO_BRANCHES = new Branches(new char[0], new Node[0]);

    static final class Node {
        volatile Branches branches = NO_BRANCHES;
        /** Entries whose plate ends at this node. */
        volatile ExpectedPlates.Entry[] ends = NO_ENTRIES;
        /**
         * The shortest and longest plate ending at or below this node. Only widened, before an entry is linked, so
         * a reader never sees a range that leaves out a plate it can reach (only, during an add, the plate being
         * added: as if it read just before the add).
         */
        volatile int shortest = Integer.MAX_VALUE;

        volatile int longest = -1;

        boolean isEmpty() {
            return ends.length == 0 && branches.keys().length == 0;
        }

        void widen(int length) {
            if (length < shortest) {
                shortest = length;
            }
            if (length > longest) {
                longest = length;
            }
        }
    }

    /** The crossings within {@code bound} of the read (crossing id → closest distance), and the bound. */
    record Closest(Map<Long, Double> distances, double bound) {}

    /** The flat trie, and the trie of the entries added since it was built. */
    private record Layers(FlatPlates flat, Node added) {}

    private volatile Layers layers = new Layers(FlatPlates.EMPTY, new Node());
    /** Every entry held (the writer's). */
    private final Set<ExpectedPlates.Entry> held = new HashSet<>();
    /** Entries in {@link Layers#added}. */
    private int added;
    /** Adds, removals and rebuilds, one at a time; a read may rebuild when nothing else is under way. */
    private final ReentrantLock writer = new ReentrantLock();
    /** When (nanoTime) a read may build the flat trie again. */
    private volatile long mergeDue;

    void add(ExpectedPlates.Entry entry) {
        writer.lock();
        try {
            if (held.add(entry)) {
                addHeld(entry);
            }
        } finally {
            writer.unlock();
        }
    }

    private void addHeld(ExpectedPlates.Entry entry) {
        if (added >= Math.max(LEAST_REBUILT, held.size() / 8)) {
            rebuild();
            return;
        }
        added++;
        Node root = layers.added();
        Node node = root;
        String plate = entry.plate();
        root.widen(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            node = childOrNew(node, plate.charAt(i), plate.length());
        }
        ExpectedPlates.Entry[] ends = node.ends;
        ExpectedPlates.Entry[] grown = Arrays.copyOf(ends, ends.length + 1);
        grown[ends.length] = entry;
        node.ends = grown;
    }

    /** Forgets an entry. */
    void remove(ExpectedPlates.Entry entry) {
        remove(List.of(entry));
    }

    /** Forgets entries, with one new flat trie for all of them. */
    void remove(Collection<ExpectedPlates.Entry> entries) {
        writer.lock();
        try {
            boolean removed = false;
            for (ExpectedPlates.Entry e : entries) { // not removeAll: with a list, that may scan it for each entry held
                removed |= held.remove(e);
            }
            if (removed) {
                rebuild();
            }
        } finally {
            writer.unlock();
        }
    }

    /** Nodes of the trie of every entry held, the root included (builds the flat trie of them all first). */
    int nodes() {
        writer.lock();
        try {
            if (added > 0) {
                rebuild();
            }
            return layers.flat().size();
        } finally {
            writer.unlock();
        }
    }

    private void rebuild() {
        long start = System.nanoTime();
        layers = new Layers(FlatPlates.of(held), new Node());
        added = 0;
        long end = System.nanoTime();
        mergeDue = end + Math.max(MERGE_PAUSE, 100 * (end - start));
    }

    /**
     * The layers to search: when entries were added in node objects and no flat trie was built for a while, first one
     * of every entry, if no add or removal is under way. Walking both layers costs about half as much again as the
     * flat one alone (the top of the trie is walked twice); a read after a burst of declarations pays for the rebuild
     * instead, at most once a second and at most a hundredth of the time.
     */
    private Layers toSearch() {
        Layers now = layers;
        if (now.added().isEmpty() || System.nanoTime() < mergeDue || !writer.tryLock()) {
            return now;
        }
        try {
            if (added > 0 && System.nanoTime() >= mergeDue) {
                rebuild();
            }
            return layers;
        } finally {
            writer.unlock();
        }
    }

    /**
     * Every crossing expected between {@code from} and {@code to} whose plate is within the answer's bound
     * of the read (prepared with {@link PlateDistance#prepareRead}): at most {@code limit}, less once
     * {@code want} crossings are found closer.
     */
    Closest closest(String read, Instant from, Instant to, int want, double limit) {
        Layers now = toSearch();
        return new PlateIndexSearch(read, from, to, want, limit).from(now.flat(), now.added());
    }

    private static Node child(Node node, char c) {
        Branches branches = node.branches;
        char[] keys = branches.keys();
        Node[] children = branches.children();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == c) {
                return children[i];
            }
        }
        return null;
    }

    /** The child for {@code c}, widened to a plate of {@code length} characters, or a new one made for it. */
    private static Node childOrNew(Node node, char c, int length) {
        Node existing = child(node, c);
        if (existing != null) {
            existing.widen(length);
            return existing;
        }
        Node created = new Node();
        created.widen(length); // before it is published below
        Branches old = node.branches;
        Node[] children = Arrays.copyOf(old.children(), old.children().length + 1);
        children[children.length - 1] = created;
        char[] keys = Arrays.copyOf(old.keys(), old.keys().length + 1);
        keys[keys.length - 1] = c;
        node.branches = new Branches(keys, children);
        return created;
    }
}
