package vn.bordergate.server.service;

import java.util.Arrays;
import vn.bordergate.server.service.PlateIndex.Branches;
import vn.bordergate.server.service.PlateIndex.Node;

/**
 * Changes to {@link PlateIndex}'s trie of node objects, made by its one writer at a time while reads walk it: each
 * node's branches and entries are replaced by new arrays (copy on write), never changed in place.
 */
final class NodeTrie {
    private NodeTrie() {}

    /** Links an entry into a trie of nodes: the path's ranges first, then the entry (see {@link Node#shortest}). */
    static void insert(Node root, ExpectedPlates.Entry entry) {
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

    /** Unlinks an entry from a trie of nodes, if there; its path stays (with its ranges) until the next build. */
    static boolean takeOut(Node root, ExpectedPlates.Entry entry) {
        Node node = root;
        String plate = entry.plate();
        for (int i = 0; i < plate.length() && node != null; i++) {
            node = child(node, plate.charAt(i));
        }
        if (node == null) {
            return false;
        }
        ExpectedPlates.Entry[] ends = node.ends;
        for (int i = 0; i < ends.length; i++) {
            if (ends[i].equals(entry)) {
                ExpectedPlates.Entry[] less = new ExpectedPlates.Entry[ends.length - 1];
                System.arraycopy(ends, 0, less, 0, i);
                System.arraycopy(ends, i + 1, less, i, less.length - i);
                node.ends = less;
                return true;
            }
        }
        return false;
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
