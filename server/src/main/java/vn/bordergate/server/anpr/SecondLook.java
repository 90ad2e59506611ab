package vn.bordergate.server.anpr;

import java.util.List;

/**
 * The second look at a frame where nothing was read: {@link PlateFinder#findEqualised} searches it again with its
 * contrast equalised, and only the regions the first look did not offer are read. It costs a frame where a plate was
 * read nothing; a frame with no plate pays the equalised search and the new regions' reads.
 */
final class SecondLook {
    /** Whether a frame with nothing read is looked at again; off only to measure it ({@code -Danpr.secondLook=false}). */
    static final boolean WANTED = Boolean.parseBoolean(System.getProperty("anpr.secondLook", "true"));

    /**
     * At most this many of the second look's regions are read (the most plate-like): each costs a frame with no plate
     * a quick read. On cn-scenes 2, 3, 4 and 6 won the same six photos (a measuring set: the smallest was not taken).
     */
    static final int MAX_REGIONS = 3;

    /**
     * The regions of the equalised search ({@code second}, most plate-like first) that no first-look region already
     * covered, as {@link PlateFinder#suppressOverlaps} judges cover: those were read and gave nothing.
     */
    static List<PlateRegion> unseen(List<PlateRegion> second, List<PlateRegion> first) {
        return second.stream()
                .filter(r -> first.stream().noneMatch(f -> PlateFinder.covers(f, r)))
                .limit(MAX_REGIONS)
                .toList();
    }

    private SecondLook() {}
}
