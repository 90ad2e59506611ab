package vn.bordergate.server.service;

import vn.bordergate.common.plate.PlateParser;

/**
 * A crossing expected in a plate read's window, as the matcher scores it: its plates as declared and as {@link
 * PlateParser#normalize} gives them (null for none), so that the distance is taken between normalised plates.
 */
record CloseCrossing(long id, String tractor, String trailer, String tractorNormalized, String trailerNormalized) {
    /** A crossing's row as the database holds it, its plates normalised here. */
    static CloseCrossing of(long id, String tractor, String trailer) {
        return new CloseCrossing(id, tractor, trailer, normalized(tractor), normalized(trailer));
    }

    static String normalized(String plate) {
        return plate == null ? null : PlateParser.normalize(plate);
    }
}
