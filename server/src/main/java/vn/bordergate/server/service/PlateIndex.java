package vn.bordergate.server.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
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

    /**
     * {@link PlateDistance#substitution} of every pair of ASCII characters (read × 128 + declared), computed once:
     * each search used to fill a table of its own, and the look-alike lookups behind it were a seventh of the
     * search (JFR, plate-read phase of LoadBenchmark).
     */
    static final double[] ASCII_COSTS = new double[128 * 128];

    static {
        for (char read = 0; read < 128; read++) {
            for (char declared = 0; declared < 128; declared++) {
                ASCII_COSTS[read * 128 + declared] = PlateDistance.substitution(read, declared);
            }
        }
    }

    /** A node's children and the characters leading to them, published together. */
    private record Branches(char[] keys, Node[] children) {}

    private static final Branches NO_BRANCHES = new Branches(new char[0], new Node[0]);

    private static final class Node {
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
        Search search = new Search(read, from, to, want, limit);
        double[] first = new double[read.length() + 1];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        search.visit(root, first, 0);
        Map<Long, Double> within = new HashMap<>();
        search.found.forEach((id, d) -> {
            if (d <= search.bound) {
                within.put(id, d);
            }
        });
        return new Closest(within, search.bound);
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

    private record Hit(double distance, long crossingId) {}

    private static final class Search {
        private final String read;
        private final Instant from;
        private final Instant to;
        private final int want;
        private final Map<Long, Double> found = new HashMap<>();
        /** The {@code want} closest crossings found so far. */
        private final TreeSet<Hit> best =
                new TreeSet<>(Comparator.comparingDouble(Hit::distance).thenComparingLong(Hit::crossingId));

        private final double limit;
        private double bound;
        private double[][] columns = new double[16][];
        /** Per read position, where its row of {@link #ASCII_COSTS} starts; -1 for a character past ASCII. */
        private final int[] rows;

        Search(String read, Instant from, Instant to, int want, double limit) {
            this.read = read;
            this.from = from;
            this.to = to;
            this.want = want;
            this.limit = limit;
            this.bound = limit;
            this.rows = new int[read.length()];
            for (int i = 0; i < rows.length; i++) {
                char c = read.charAt(i);
                rows[i] = c < 128 ? c * 128 : -1;
            }
        }

        void visit(Node node, double[] column, int depth) {
            int n = read.length();
            for (ExpectedPlates.Entry e : node.ends) {
                if (column[n] <= bound
                        && !e.expectedArrival().isBefore(from)
                        && !e.expectedArrival().isAfter(to)) {
                    hit(e.crossingId(), column[n]);
                }
            }
            Branches branches = node.branches;
            char[] keys = branches.keys();
            Node[] children = branches.children();
            // the read's own next character first: close plates are found early and the bound drops soon
            char own = depth < n ? read.charAt(depth) : 0;
            for (int k = 0; k < keys.length; k++) {
                if (keys[k] == own) {
                    descend(children[k], keys[k], column, depth);
                }
            }
            for (int k = 0; k < keys.length; k++) {
                if (keys[k] != own) {
                    descend(children[k], keys[k], column, depth);
                }
            }
        }

        /** The next column of the distance table (declared plate one character longer), as betweenPrepared. */
        private void descend(Node child, char c, double[] column, int depth) {
            int n = read.length();
            if (depth + 1 == columns.length) {
                columns = Arrays.copyOf(columns, columns.length * 2);
            }
            if (columns[depth + 1] == null) {
                columns[depth + 1] = new double[n + 1];
            }
            // one column per depth: a node's column stays untouched while its children are walked
            double[] next = columns[depth + 1];
            // the plates below the child have this many characters more, at least and at most: a cell with i read
            // characters used still needs one insertion or deletion (cost 1) per character of difference
            int fewest = child.shortest - (depth + 1);
            int most = child.longest - (depth + 1);
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= n; i++) {
                double cell;
                if (i == 0) {
                    cell = column[0] + 1;
                } else {
                    double diagonal = column[i - 1];
                    double up = column[i];
                    double left = next[i - 1];
                    if (diagonal > bound && up > bound && left > bound) {
                        // every way into this cell is beyond the bound (costs only add), and the bound only drops:
                        // the cell can lead to no plate within it, so its exact value never matters (JFR, perf10:
                        // this loop was most of the search)
                        next[i] = Double.POSITIVE_INFINITY;
                        continue;
                    }
                    cell = Math.min(diagonal + substitution(i - 1, c), Math.min(up + 1, left + 1));
                }
                int rest = n - i;
                int gap = rest < fewest ? fewest - rest : rest > most ? rest - most : 0;
                if (cell + gap > bound) {
                    // no plate below is within the bound through this cell either: as above. A plate within the
                    // bound is reached only through cells within it, so every such plate keeps its exact distance
                    next[i] = Double.POSITIVE_INFINITY;
                    continue;
                }
                next[i] = cell;
                min = Math.min(min, cell);
            }
            if (min <= bound) { // some plate below may still be within the bound
                visit(child, next, depth + 1);
            }
        }

        /** {@link PlateDistance#substitution}, from the table for two ASCII characters. */
        private double substitution(int at, char declared) {
            int row = rows[at];
            if (declared >= 128 || row < 0) {
                return PlateDistance.substitution(read.charAt(at), declared);
            }
            return ASCII_COSTS[row + declared];
        }

        private void hit(long crossingId, double distance) {
            Double before = found.get(crossingId);
            if (before != null && before <= distance) {
                return;
            }
            found.put(crossingId, distance);
            if (before != null) {
                best.remove(new Hit(before, crossingId));
            }
            best.add(new Hit(distance, crossingId));
            if (best.size() > want) {
                best.pollLast();
            }
            if (best.size() >= want) {
                bound = Math.min(limit, best.last().distance());
            }
        }
    }
}
