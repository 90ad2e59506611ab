package vn.bordergate.server.anpr;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The last look at a frame where neither look read anything: its most plate-like regions are read as a plate crop is
 * ({@link ReadEffort#CROP}: all four binarisations, then flattened against the background), not first by one quick
 * read. A plate under glare or in haze can give the quick read nothing at all (its bold light characters fill most of
 * the middle, so the crop is taken for dark text on light), and a region whose quick read is empty is never read
 * fully; read as a crop, the same cut gives the plate (cn-scenes 021 and 077: nothing read, though the finder's best
 * region lay on the plate). Only a frame with nothing read pays it, at most {@link #MAX_REGIONS} crop reads: about 60 ms
 * of CPU on a busy photo without a plate, so a lane camera's reader ({@link PlateReader#forLaneCamera}) goes without.
 */
final class LastLook {
    /** Whether a frame with nothing read gets the last look; off only to measure it ({@code -Danpr.lastLook=false}). */
    static final boolean WANTED = Boolean.parseBoolean(System.getProperty("anpr.lastLook", "true"));

    /** At most this many regions are read as crops (cn-scenes: 1 won one photo, 2 both): each costs up to five OCR reads. */
    static final int MAX_REGIONS = 2;

    /**
     * A region must be at least this plate-like ({@link PlateFinder}'s score: proportions, level, size, colour) to be
     * read: a frame's text that is no plate (signs, a camera's time stamp) mostly scores below it.
     */
    static final double MIN_SCORE = 0.6;

    /**
     * A last-look plate must be as confident as a whole-image crop's read taken without a search ({@link
     * PlateReader#CROP_ACCEPT}): read this hard, a plate-less region often gives some plate at low confidence. With the
     * labelled plates painted out of the 128 cn-scenes photos, the last look read 7 phantom plates at 0.17–0.34; the
     * two plates it won on the real photos read at 0.84 and 0.97.
     */
    static final double MIN_CONFIDENCE = PlateReader.CROP_ACCEPT;

    private LastLook() {}

    /** The regions to read, most plate-like first, from both looks' regions (each most plate-like first). */
    static List<PlateRegion> regions(List<PlateRegion> first, List<PlateRegion> second) {
        return Stream.concat(first.stream(), second.stream())
                .filter(r -> r.score() >= MIN_SCORE && r.source() != PlateRegion.Source.WHOLE_IMAGE)
                .sorted(Comparator.comparingDouble(PlateRegion::score).reversed())
                .limit(MAX_REGIONS)
                .toList();
    }
}
