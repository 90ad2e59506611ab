package vn.bordergate.server.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The printed form of the candidates' plates ({@link DtoMapping#plate}), kept per normalised plate: every plate read
 * shows its five closest crossings, the same few thousand expected plates over and over, and parsing each again was
 * a thirtieth of the plate-read writers' samples (JFR, docs/benchmarks.md "readcpu6"). A plate's printed form
 * depends on its text alone, so a kept one is never stale.
 */
final class PlateDisplays {
    /** Plates kept at most; then all are dropped (always safe) and parsed again as they come. */
    static final int MAX_PLATES = 65_536;

    private final Map<String, String> printed = new ConcurrentHashMap<>();

    /** As {@link DtoMapping#plate}: the printed form of a normalised plate, or the text itself if it is none. */
    String of(String normalized) {
        if (normalized == null) {
            return null;
        }
        String kept = printed.get(normalized);
        if (kept != null) {
            return kept;
        }
        String parsed = DtoMapping.plate(normalized);
        if (printed.size() >= MAX_PLATES) {
            printed.clear();
        }
        printed.put(normalized, parsed);
        return parsed;
    }

    /** Plates kept now (tests). */
    int size() {
        return printed.size();
    }
}
