package vn.bordergate.server.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
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
 * <p>Readers walk the trie without locks; the single writer publishes a node's branches (keys with their
 * children) and entries as new immutable arrays (copy on write), so a reader sees a node before or after a
 * change, never half of one. Nodes emptied by {@link #remove} are unlinked, so the trie holds only the
 * plates of the entries it holds (the table is pruned, the gate runs for months).
 */
final class PlateIndex {
    private static final ExpectedPlates.Entry[] NO_ENTRIES = {};

    /** A node's children and the characters leading to them, published together. */
    record Branches(char[] keys, Node[] children) {}

    private static final Branches NO_BRANCHES = new Branches(new char[0], new Node[0]);

    static final class Node {
        volatile Branches branches = NO_BRANCHES;
        /** Entries whose plate ends at this node. */
        volatile ExpectedPlates.Entry[] ends = NO_ENTRIES;
        /**
         * The shortest and longest plate ending at or below this node. Only widened before an entry is linked and
         * narrowed after one is gone, so a reader may see a range too wide, never one that leaves out a plate it
         * can reach (only, during an add, the plate being added: as if it read just before the add).
         */
        volatile int shortest = Integer.MAX_VALUE;

        volatile int longest = -1;

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

    private final Node root = new Node();

    synchronized void add(ExpectedPlates.Entry entry) {
        Node node = root;
        String plate = entry.plate();
        root.widen(plate.length());
        for (int i = 0; i < plate.length(); i++) {
            node = childOrNew(node, plate.charAt(i), plate.length());
        }
        ExpectedPlates.Entry[] ends = node.ends;
        for (ExpectedPlates.Entry e : ends) {
            if (e.equals(entry)) {
                return;
            }
        }
        ExpectedPlates.Entry[] grown = Arrays.copyOf(ends, ends.length + 1);
        grown[ends.length] = entry;
        node.ends = grown;
    }

    /** Forgets an entry, and unlinks the nodes that then lead to no entry. */
    synchronized void remove(ExpectedPlates.Entry entry) {
        String plate = entry.plate();
        Node[] path = new Node[plate.length() + 1];
        path[0] = root;
        for (int i = 0; i < plate.length(); i++) {
            path[i + 1] = child(path[i], plate.charAt(i));
            if (path[i + 1] == null) {
                return;
            }
        }
        Node node = path[plate.length()];
        node.ends = Arrays.stream(node.ends).filter(e -> !e.equals(entry)).toArray(ExpectedPlates.Entry[]::new);
        int depth = plate.length();
        for (; depth > 0; depth--) {
            Node emptied = path[depth];
            if (emptied.ends.length > 0 || emptied.branches.keys().length > 0) {
                break;
            }
            unlink(path[depth - 1], plate.charAt(depth - 1));
        }
        for (; depth >= 0; depth--) { // the nodes still linked, deepest first: their plates' lengths may narrow
            narrow(path[depth], depth);
        }
    }

    /** Sets a node's length range from its own entries (plates of {@code depth} characters) and its children. */
    private static void narrow(Node node, int depth) {
        int shortest = node.ends.length > 0 ? depth : Integer.MAX_VALUE;
        int longest = node.ends.length > 0 ? depth : -1;
        for (Node child : node.branches.children()) {
            shortest = Math.min(shortest, child.shortest);
            longest = Math.max(longest, child.longest);
        }
        node.shortest = shortest;
        node.longest = longest;
    }

    /** Nodes reachable from the root (the root included). */
    synchronized int nodes() {
        return count(root);
    }

    private static int count(Node node) {
        int n = 1;
        for (Node child : node.branches.children()) {
            n += count(child);
        }
        return n;
    }

    /**
     * Every crossing expected between {@code from} and {@code to} whose plate is within the answer's bound
     * of the read (prepared with {@link PlateDistance#prepareRead}): at most {@code limit}, less once
     * {@code want} crossings are found closer.
     */
    Closest closest(String read, Instant from, Instant to, int want, double limit) {
        return new PlateIndexSearch(read, from, to, want, limit).from(root);
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

    private static void unlink(Node node, char c) {
        Branches old = node.branches;
        int n = old.keys().length;
        char[] keys = new char[n - 1];
        Node[] children = new Node[n - 1];
        for (int i = 0, j = 0; i < n; i++) {
            if (old.keys()[i] != c) {
                keys[j] = old.keys()[i];
                children[j++] = old.children()[i];
            }
        }
        node.branches = new Branches(keys, children);
    }
}
