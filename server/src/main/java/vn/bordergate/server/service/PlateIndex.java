package vn.bordergate.server.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
 * once), and the entries added since it was built in a small trie of node objects that grows in place. When that one
 * holds more than an eighth of the entries, or an eighth are forgotten, a builder thread makes a new flat trie of the
 * old one and the added entries, and publishes it with a trie of node objects holding the entries added meanwhile, in
 * one volatile write, so a read sees both layers as they were before or after a change. The writer (the declaration
 * writer, through {@link ExpectedPlates}) only adds to the trie of nodes and marks removals: it used to build the
 * flat trie of every entry held itself, some 90 ms of CPU with 100,000 entries held, while declarations waited
 * (docs/benchmarks.md, "idxbuild"). A removal marks the entry gone in the flat trie ({@link FlatPlates#forget}) or
 * takes it out of its node; the next build leaves it out. In the trie of nodes the single writer publishes a node's
 * branches (keys with their children) and entries as new immutable arrays (copy on write), so a reader sees a node
 * before or after a change, never half of one. Removed entries leave nothing behind after the next build (the table
 * is pruned, the gate runs for months).
 */
final class PlateIndex {
    private static final ExpectedPlates.Entry[] NO_ENTRIES = {};
    /** The fewest entries added in node objects (or forgotten) before the flat trie is built again. */
    private static final int LEAST_REBUILT = 64;
    /** The shortest time between two builds asked by reads. */
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

    /**
     * A build under way: the flat trie and the added entries it started from, and what the writer changed since (added
     * to the trie of nodes, or forgotten), applied to the new flat trie before it is published.
     */
    private static final class Build {
        final FlatPlates base;
        final List<ExpectedPlates.Entry> added;
        final List<ExpectedPlates.Entry> addedSince = new ArrayList<>();
        final List<ExpectedPlates.Entry> removedSince = new ArrayList<>();

        Build(FlatPlates base, List<ExpectedPlates.Entry> added) {
            this.base = base;
            this.added = added;
        }
    }

    private final Executor builder;
    private volatile Layers layers = new Layers(FlatPlates.EMPTY, new Node());
    /** Every entry held (the writer's). */
    private final Set<ExpectedPlates.Entry> held = new HashSet<>();
    /** The entries added to {@link Layers#added}, in order (some may have been removed since). */
    private List<ExpectedPlates.Entry> added = new ArrayList<>();
    /** Entries of {@link Layers#flat} forgotten. */
    private int gone;
    /** The build under way, or null. */
    private Build building;
    /** Adds, removals, the start and the end of builds, one at a time. */
    private final ReentrantLock writer = new ReentrantLock();
    /** When (nanoTime) a read may ask for a build again. */
    private volatile long mergeDue;

    PlateIndex() {
        this(builderThread());
    }

    /** An index whose flat tries are built by {@code builder} (a test runs the builds when it wants). */
    PlateIndex(Executor builder) {
        this.builder = builder;
    }

    /** The index's own builder: one thread at most, started by a build and gone after a minute without one. */
    private static Executor builderThread() {
        return new ThreadPoolExecutor(0, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), job -> {
            Thread t = new Thread(job, "plate-index-builder");
            t.setDaemon(true);
            return t;
        });
    }

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
        NodeTrie.insert(layers.added(), entry);
        added.add(entry);
        if (building != null) {
            building.addedSince.add(entry);
        } else if (due()) {
            startBuild();
        }
    }

    /** Forgets an entry. */
    void remove(ExpectedPlates.Entry entry) {
        remove(List.of(entry));
    }

    /** Forgets entries: marked gone where they are, left out of the next flat trie. */
    void remove(Collection<ExpectedPlates.Entry> entries) {
        writer.lock();
        try {
            Layers now = layers;
            boolean removed = false;
            for (ExpectedPlates.Entry e : entries) { // not removeAll: with a list, that may scan it for each entry held
                if (held.remove(e)) {
                    removed = true;
                    if (!NodeTrie.takeOut(now.added(), e) && now.flat().forget(e)) {
                        gone++;
                    }
                    if (building != null) {
                        building.removedSince.add(e);
                    }
                }
            }
            if (removed) {
                // published again: a read that starts after this removal returned sees the flat trie's marks
                layers = new Layers(now.flat(), now.added());
                if (building == null && due()) {
                    startBuild();
                }
            }
        } finally {
            writer.unlock();
        }
    }

    /** Nodes of the trie of every entry held, the root included (builds the flat trie of them all first, here). */
    int nodes() {
        writer.lock();
        try {
            building = null; // a build under way is not published
            layers = new Layers(FlatPlates.of(held), new Node());
            added = new ArrayList<>();
            gone = 0;
            return layers.flat().size();
        } finally {
            writer.unlock();
        }
    }

    /** Entries in the flat trie, forgotten ones included: what the last published build held. */
    int flatEntries() {
        return layers.flat().entries.length;
    }

    private void startBuild() {
        List<ExpectedPlates.Entry> still = new ArrayList<>(added.size());
        for (ExpectedPlates.Entry e : added) {
            if (held.contains(e)) {
                still.add(e);
            }
        }
        added = still;
        Build build = new Build(layers.flat(), List.copyOf(still));
        building = build;
        mergeDue = System.nanoTime() + MERGE_PAUSE;
        builder.execute(() -> build(build));
    }

    /** On the builder: the new flat trie, published unless {@link #nodes} built one meanwhile. */
    private void build(Build build) {
        FlatPlates made = null;
        try {
            made = build.base.with(build.added);
        } finally {
            writer.lock();
            try {
                if (building == build) {
                    building = null;
                    if (made != null) {
                        publish(build, made);
                    }
                }
            } finally {
                writer.unlock();
            }
        }
    }

    private void publish(Build build, FlatPlates made) {
        int forgotten = 0;
        for (ExpectedPlates.Entry e : build.removedSince) {
            if (made.forget(e)) {
                forgotten++;
            }
        }
        Node fresh = new Node();
        List<ExpectedPlates.Entry> since = new ArrayList<>();
        for (ExpectedPlates.Entry e : build.addedSince) {
            if (held.contains(e)) {
                NodeTrie.insert(fresh, e);
                since.add(e);
            }
        }
        layers = new Layers(made, fresh);
        added = since;
        gone = forgotten;
        mergeDue = System.nanoTime() + MERGE_PAUSE;
        if (due()) { // more came meanwhile than a build waits for: the next one at once
            startBuild();
        }
    }

    /** Whether an eighth of the entries (64 at least) are in node objects, or forgotten in the flat trie. */
    private boolean due() {
        int enough = Math.max(LEAST_REBUILT, held.size() / 8);
        return added.size() >= enough || gone >= enough;
    }

    /**
     * The layers to search. When entries were added in node objects and nothing was built for a while, asks for a
     * build first (if no add or removal is under way): walking both layers costs about half as much again as the flat
     * one alone (the top of the trie is walked twice). The read does not wait for it.
     */
    private Layers toSearch() {
        Layers now = layers;
        if (now.added().isEmpty() || System.nanoTime() < mergeDue || !writer.tryLock()) {
            return now;
        }
        try {
            if (building == null && !added.isEmpty() && System.nanoTime() >= mergeDue) {
                startBuild();
            }
            return now;
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
}
