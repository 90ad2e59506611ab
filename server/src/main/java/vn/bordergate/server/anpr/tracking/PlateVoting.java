package vn.bordergate.server.anpr.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.bordergate.common.plate.PlateParser;

/**
 * Turns per-frame plate sightings into one event per vehicle pass: sightings of the same plate on
 * consecutive frames are voted into one plate, a trailer plate seen in the same pass is kept with its
 * tractor, and a vehicle that stays in view (or comes back at once) is not reported twice.
 *
 * <p>Not thread-safe: one instance per camera worker, fed in frame order.
 */
public final class PlateVoting {
    /** Sightings further apart than this (in look-alike-aware edit distance) are different plates. */
    static final double SAME_PLATE = 2.0;

    private final Duration trackGap;
    private final Duration pairWindow;
    private final Duration duplicateWindow;
    private final int minSightings;
    private final Consumer<VehiclePass> passes;
    private final List<PlateTrack> open = new ArrayList<>();
    private final List<VotedPlate> closed = new ArrayList<>();
    private final Map<String, Instant> lastReported = new HashMap<>();

    /**
     * @param trackGap a plate not seen for this long has left the view
     * @param pairWindow a trailer plate within this time of a tractor plate belongs to the same pass
     * @param duplicateWindow the same plate again within this time is the same vehicle, not reported again
     * @param minSightings fewer sightings than this are noise (a sign, a passing reflection)
     */
    public PlateVoting(
            Duration trackGap,
            Duration pairWindow,
            Duration duplicateWindow,
            int minSightings,
            Consumer<VehiclePass> passes) {
        this.trackGap = trackGap;
        this.pairWindow = pairWindow;
        this.duplicateWindow = duplicateWindow;
        this.minSightings = minSightings;
        this.passes = passes;
    }

    public void observe(PlateSighting sighting) {
        if (PlateParser.normalize(sighting.text()).length() < 4) {
            return;
        }
        advanceTo(sighting.at());
        for (PlateTrack track : open) {
            if (track.accepts(sighting, SAME_PLATE)) {
                track.add(sighting);
                return;
            }
        }
        open.add(new PlateTrack(sighting));
    }

    /** Moves time on without a sighting (an empty frame): closes tracks and reports finished passes. */
    public void advanceTo(Instant now) {
        for (Iterator<PlateTrack> it = open.iterator(); it.hasNext(); ) {
            PlateTrack track = it.next();
            if (Duration.between(track.lastSeen(), now).compareTo(trackGap) > 0) {
                it.remove();
                if (track.size() >= minSightings) {
                    closed.add(track.result());
                }
            }
        }
        reportPassesBefore(now.minus(pairWindow));
    }

    /** Closes everything still open and reports it (end of a video, camera stopping). */
    public void flush() {
        open.stream()
                .filter(t -> t.size() >= minSightings)
                .map(PlateTrack::result)
                .forEach(closed::add);
        open.clear();
        reportPassesBefore(Instant.MAX);
    }

    private void reportPassesBefore(Instant settled) {
        closed.sort((a, b) -> a.firstSeen().compareTo(b.firstSeen()));
        while (!closed.isEmpty() && !closed.get(0).lastSeen().isAfter(settled)) {
            VotedPlate first = closed.remove(0);
            VotedPlate partner = partnerOf(first);
            if (partner != null) {
                closed.remove(partner);
            }
            boolean firstIsTrailer = isTrailer(first);
            VotedPlate tractor = partner != null && firstIsTrailer ? partner : first;
            VotedPlate trailer = partner == null ? null : tractor == first ? partner : first;
            if (trailer == null && firstIsTrailer) {
                tractor = first; // a trailer seen alone is still reported, as the vehicle's only plate
            }
            if (!duplicate(tractor)) {
                passes.accept(new VehiclePass(tractor, trailer));
            }
        }
    }

    private VotedPlate partnerOf(VotedPlate plate) {
        for (VotedPlate other : closed) {
            boolean near =
                    Duration.between(plate.lastSeen(), other.firstSeen()).abs().compareTo(pairWindow) <= 0
                            || Duration.between(other.lastSeen(), plate.firstSeen())
                                            .abs()
                                            .compareTo(pairWindow)
                                    <= 0
                            || overlaps(plate, other);
            if (near && isTrailer(plate) != isTrailer(other)) {
                return other;
            }
        }
        return null;
    }

    private static boolean overlaps(VotedPlate a, VotedPlate b) {
        return !a.lastSeen().isBefore(b.firstSeen()) && !b.lastSeen().isBefore(a.firstSeen());
    }

    private boolean duplicate(VotedPlate plate) {
        Instant previous = lastReported.put(plate.text(), plate.lastSeen());
        lastReported
                .values()
                .removeIf(at -> Duration.between(at, plate.lastSeen()).compareTo(duplicateWindow) > 0);
        return previous != null && Duration.between(previous, plate.firstSeen()).compareTo(duplicateWindow) <= 0;
    }

    private static boolean isTrailer(VotedPlate plate) {
        return PlateParser.tryParse(plate.text()).map(p -> p.kind().isTrailer()).orElse(false);
    }
}
