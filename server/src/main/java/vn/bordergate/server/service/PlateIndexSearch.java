package vn.bordergate.server.service;

import java.time.Instant;
import java.util.Arrays;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.server.service.PlateIndex.Branches;
import vn.bordergate.server.service.PlateIndex.Node;

/**
 * One read's branch and bound over the trie of {@link PlateIndex}: one column of {@link
 * PlateDistance#betweenPrepared}'s table per node, branches cut once no plate below can come within the bound, and the
 * bound lowered to the {@code want}-th closest crossing found.
 */
final class PlateIndexSearch {
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

    private final String read;
    private final Instant from;
    private final Instant to;
    private final long fromSecond;
    private final int fromNano;
    private final long toSecond;
    private final int toNano;
    /** The flat trie being walked. */
    private FlatPlates flat;

    private final CloseCrossings found;
    /** {@link CloseCrossings#bound}, as of the last hit. */
    private double bound;

    private double[][] columns = new double[16][];
    /**
     * The least cell of each depth's column, kept when {@link #next} computes it: a node's walk used to scan its column
     * again for it (~9 % of the plate-read writers' samples, JFR, docs/benchmarks.md "readcpu5"). Depth 0 is the first
     * column, whose least cell is 0.
     */
    private double[] leasts = new double[16];
    /**
     * The first and last finite cell of each depth's column, kept when {@link #next} computes it: cells outside are
     * infinite and not even stored (the arrays are reused: what is there is another column's), so {@link
     * #diagonalWithin} and the next column's loop skip them (the two were over half of the search's own samples,
     * JFR, docs/benchmarks.md "readcpu6"). Depth 0 is the first column, finite throughout.
     */
    private int[] firsts = new int[16];

    private int[] lasts = new int[16];
    /** Per read position, where its row of {@link #ASCII_COSTS} starts; -1 for a character past ASCII. */
    private final int[] rows;

    PlateIndexSearch(String read, Instant from, Instant to, int want, double limit) {
        this.read = read;
        this.from = from;
        this.to = to;
        this.fromSecond = from.getEpochSecond();
        this.fromNano = from.getNano();
        this.toSecond = to.getEpochSecond();
        this.toNano = to.getNano();
        this.found = new CloseCrossings(want, limit);
        this.bound = limit;
        this.lasts[0] = read.length();
        this.rows = new int[read.length()];
        for (int i = 0; i < rows.length; i++) {
            char c = read.charAt(i);
            rows[i] = c < 128 ? c * 128 : -1;
        }
    }

    /** A node of the trie of node objects (the entries added since the flat one was built). */
    private void visit(Node node, double[] column, int depth) {
        int n = read.length();
        double whole = whole(column, depth);
        for (ExpectedPlates.Entry e : node.ends) {
            if (whole <= bound
                    && !e.expectedArrival().isBefore(from)
                    && !e.expectedArrival().isAfter(to)) {
                hit(e.crossingId(), whole);
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
        double least = leasts[depth];
        for (int k = 0; k < keys.length; k++) {
            // the bound may have dropped while the children before were walked: checked for each
            if (keys[k] != own && (least + 1 <= bound || diagonalWithin(column, depth, keys[k]))) {
                descend(children[k], keys[k], column, depth);
            }
        }
    }

    private void descend(Node child, char c, double[] column, int depth) {
        double[] next = next(column, c, child.shortest, child.longest, depth);
        if (next != null) {
            visit(child, next, depth + 1);
        }
    }

    /** A node of the flat trie: the same walk as {@link #visit(Node, double[], int)}, on plain arrays. */
    private void visit(int node, double[] column, int depth) {
        int n = read.length();
        double whole = whole(column, depth);
        if (whole <= bound) {
            for (int e = flat.endStart[node], end = flat.endStart[node + 1]; e < end; e++) {
                if (whole <= bound && within(flat.arrivalSecond[e], flat.arrivalNano[e])) {
                    hit(flat.crossing[e], whole);
                }
            }
        }
        int[] nodes = flat.nodes;
        int first = nodes[node * FlatPlates.SLOT + FlatPlates.FIRST_CHILD];
        int end = first + nodes[node * FlatPlates.SLOT + FlatPlates.CHILDREN];
        char own = depth < n ? read.charAt(depth) : 0;
        for (int k = first; k < end; k++) {
            if (nodes[k * FlatPlates.SLOT + FlatPlates.KEY] == own) {
                descend(k, own, column, depth);
            }
        }
        double least = leasts[depth];
        for (int k = first; k < end; k++) {
            char key = (char) nodes[k * FlatPlates.SLOT + FlatPlates.KEY];
            if (key != own && (least + 1 <= bound || diagonalWithin(column, depth, key))) {
                descend(k, key, column, depth);
            }
        }
    }

    private void descend(int child, char c, double[] column, int depth) {
        int slot = child * FlatPlates.SLOT;
        double[] next =
                next(column, c, flat.nodes[slot + FlatPlates.SHORTEST], flat.nodes[slot + FlatPlates.LONGEST], depth);
        if (next != null) {
            visit(child, next, depth + 1);
        }
    }

    /** The distance of the whole read to the plate ending at a node: the column's last cell (infinite if not kept). */
    private double whole(double[] column, int depth) {
        int n = read.length();
        return lasts[depth] == n ? column[n] : Double.POSITIVE_INFINITY;
    }

    /** Whether an arrival (epoch second and nanosecond) is in the window, both ends included. */
    private boolean within(long second, int nano) {
        return (second > fromSecond || second == fromSecond && nano >= fromNano)
                && (second < toSecond || second == toSecond && nano <= toNano);
    }

    /**
     * Whether a diagonal step to {@code c} keeps some cell of the child's column within the bound. Called when
     * every cell of {@code column} plus one (an insertion or deletion) is already beyond it: then only such a step
     * (the same character, a look-alike, an unread one) can, so a child without one has no cell within the bound
     * and {@link #descend} would compute its column only to cut it. Most children of a node near the bound are
     * cut here (readcost: nine in ten of the columns computed in LoadBenchmark's reads were of such children).
     */
    private boolean diagonalWithin(double[] column, int depth, char c) {
        // the cell of the whole read (index n) is no diagonal's start: the range stops before it
        for (int i = firsts[depth], last = Math.min(lasts[depth], read.length() - 1); i <= last; i++) {
            if (column[i] <= bound && column[i] + substitution(i, c) <= bound) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next column of the distance table (declared plate one character longer, {@code c}), as betweenPrepared,
     * for a child whose plates are {@code shortest} to {@code longest} characters long; null when no plate below it
     * can be within the bound.
     */
    private double[] next(double[] column, char c, int shortest, int longest, int depth) {
        int n = read.length();
        if (depth + 1 == columns.length) {
            columns = Arrays.copyOf(columns, columns.length * 2);
            leasts = Arrays.copyOf(leasts, leasts.length * 2);
            firsts = Arrays.copyOf(firsts, firsts.length * 2);
            lasts = Arrays.copyOf(lasts, lasts.length * 2);
        }
        if (columns[depth + 1] == null) {
            columns[depth + 1] = new double[n + 1];
        }
        // one column per depth: a node's column stays untouched while its children are walked
        double[] next = columns[depth + 1];
        // the plates below the child have this many characters more, at least and at most: a cell with i read
        // characters used still needs one insertion or deletion (cost 1) per character of difference
        int fewest = shortest - (depth + 1);
        int most = longest - (depth + 1);
        double min = Double.POSITIVE_INFINITY;
        // Only the cells from the column's first finite one to its last are read (the others are infinite, and
        // not stored: the arrays are reused). Below the first one every way into a cell is infinite (the first
        // cell's only way is the column's own first cell), and past the last one only the way from the left is
        // left: once that is infinite too, so is the rest
        int first = firsts[depth];
        int last = lasts[depth];
        int firstFinite = -1;
        int lastFinite = -1;
        double left = Double.POSITIVE_INFINITY; // the cell above this one in next (none above the first)
        for (int i = first; i <= n; i++) {
            if (i > last + 1 && left == Double.POSITIVE_INFINITY) {
                break;
            }
            double cell;
            if (i == 0) {
                cell = column[0] + 1;
            } else {
                double diagonal = i > first && i <= last + 1 ? column[i - 1] : Double.POSITIVE_INFINITY;
                double up = i <= last ? column[i] : Double.POSITIVE_INFINITY;
                if (diagonal > bound && up > bound && left > bound) {
                    // every way into this cell is beyond the bound (costs only add), and the bound only drops:
                    // the cell can lead to no plate within it, so its exact value never matters (JFR, perf10:
                    // this loop was most of the search)
                    next[i] = left = Double.POSITIVE_INFINITY;
                    continue;
                }
                cell = Math.min(diagonal + substitution(i - 1, c), Math.min(up + 1, left + 1));
            }
            int rest = n - i;
            int gap = rest < fewest ? fewest - rest : rest > most ? rest - most : 0;
            if (cell + gap > bound) {
                // no plate below is within the bound through this cell either: as above. A plate within the
                // bound is reached only through cells within it, so every such plate keeps its exact distance
                next[i] = left = Double.POSITIVE_INFINITY;
                continue;
            }
            next[i] = left = cell;
            min = Math.min(min, cell);
            if (firstFinite < 0) {
                firstFinite = i;
            }
            lastFinite = i;
        }
        // every cell of next is either min's candidate or infinite: min is its least cell
        leasts[depth + 1] = min;
        firsts[depth + 1] = firstFinite < 0 ? n + 1 : firstFinite; // none finite: an empty range
        lasts[depth + 1] = lastFinite;
        return min <= bound ? next : null; // null: no plate below can be within the bound
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
        found.hit(crossingId, distance);
        bound = found.bound();
    }

    /**
     * Walks the flat trie, then the trie of the entries added since it was built, with one bound: the crossings within
     * the final bound of the read, and that bound. The answer does not depend on the order of the walk: the bound never
     * drops below the {@code want}-th closest crossing's true distance, so each crossing within the final bound is
     * found through its closest plate, whichever trie holds it.
     */
    PlateIndex.Closest from(FlatPlates base, PlateIndex.Node added) {
        double[] first = new double[read.length() + 1];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        flat = base;
        visit(0, first, 0);
        if (!added.isEmpty()) {
            visit(added, first, 0); // the first column is never written: the flat walk leaves it as it was
        }
        return new PlateIndex.Closest(found.within(), bound);
    }
}
