package vn.bordergate.server.anpr.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import vn.bordergate.common.plate.PlateDistance;
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
            first = absorbSameVehicle(first);
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

    /**
     * Merges into {@code plate} the other closed tracks of the same pass that read the same vehicle: a truck
     * lost for a moment comes back as a new track, and its province character (or a look-alike) may be read
     * differently there ({@code 桂F00035} then {@code 皖F00035}); the better supported text wins.
     */
    private VotedPlate absorbSameVehicle(VotedPlate plate) {
        for (Iterator<VotedPlate> it = closed.iterator(); it.hasNext(); ) {
            VotedPlate other = it.next();
            if (near(plate, other) && sameVehicle(plate.text(), other.text())) {
                it.remove();
                plate = merged(plate, other);
            }
        }
        return plate;
    }

    private boolean near(VotedPlate a, VotedPlate b) {
        return Duration.between(a.lastSeen(), b.firstSeen()).abs().compareTo(pairWindow) <= 0
                || Duration.between(b.lastSeen(), a.firstSeen()).abs().compareTo(pairWindow) <= 0
                || overlaps(a, b);
    }

    /**
     * Whether two voted texts are one plate read two ways: equal but for the Chinese province character (read
     * differently or not at all), or but for look-alike characters ({@code 8}/{@code B}). Any other difference is another vehicle.
     */
    static boolean sameVehicle(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (a.length() == b.length()
                && a.length() > 1
                && isHan(a.codePointAt(0))
                && isHan(b.codePointAt(0))
                && a.substring(1).equals(b.substring(1))) {
            return true;
        }
        // a province not read at all is voted away ("?F00035" becomes "F00035")
        if (withoutProvince(a, b) || withoutProvince(b, a)) {
            return true;
        }
        return PlateDistance.between(a, b) <= 2 * PlateDistance.LOOK_ALIKE;
    }

    private static boolean withoutProvince(String withProvince, String without) {
        return withProvince.length() == without.length() + 1
                && isHan(withProvince.codePointAt(0))
                && withProvince.substring(1).equals(without);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /** One plate from two tracks: the text with more support (confidence times sightings), both time spans. */
    private static VotedPlate merged(VotedPlate a, VotedPlate b) {
        VotedPlate lead = a.confidence() * a.sightings() >= b.confidence() * b.sightings() ? a : b;
        VotedPlate other = lead == a ? b : a;
        int sightings = a.sightings() + b.sightings();
        double agreeing = lead.confidence() * lead.sightings()
                + (other.text().equals(lead.text()) ? other.confidence() * other.sightings() : 0);
        return new VotedPlate(
                lead.cameraCode(),
                a.firstSeen().isBefore(b.firstSeen()) ? a.firstSeen() : b.firstSeen(),
                a.lastSeen().isAfter(b.lastSeen()) ? a.lastSeen() : b.lastSeen(),
                lead.text(),
                agreeing / sightings,
                sightings,
                lead.evidence() != null ? lead.evidence() : other.evidence());
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
        Instant previous = null;
        for (Map.Entry<String, Instant> reported : lastReported.entrySet()) {
            // the same vehicle read with another province (or a look-alike) within the window is no new pass
            if (sameVehicle(plate.text(), reported.getKey())
                    && (previous == null || reported.getValue().isAfter(previous))) {
                previous = reported.getValue();
            }
        }
        lastReported.put(plate.text(), plate.lastSeen());
        lastReported
                .values()
                .removeIf(at -> Duration.between(at, plate.lastSeen()).compareTo(duplicateWindow) > 0);
        return previous != null && Duration.between(previous, plate.firstSeen()).compareTo(duplicateWindow) <= 0;
    }

    private static boolean isTrailer(VotedPlate plate) {
        return PlateParser.tryParse(plate.text()).map(p -> p.kind().isTrailer()).orElse(false);
    }
}
