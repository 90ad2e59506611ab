package vn.bordergate.server.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.common.plate.PlateParser;
import vn.bordergate.common.workflow.CrossingStatus;

/**
 * Finds the one crossing a driver means by the plate typed at a kiosk, forgiving look-alike
 * characters (O/0, B/8), separators and a Chinese plate typed without its province character, among
 * the crossings expected around now. A plain typo is not forgiven: the neighbouring plate is often a
 * real truck queuing with it, and the kiosk would show a stranger's trip. An open
 * trip wins over a finished one of the same plate; two open trips about as close to the typed plate
 * are refused rather than guessed, since the kiosk would then show a stranger's trip.
 */
final class KioskPlateSearch {
    /** Two look-alike swaps, or a missing province character and one swap. */
    static final double CLOSE = 0.6;
    /** The runner-up must be this much further away for the best to be taken. */
    static final double MARGIN = 0.6;

    private record Scored(long crossingId, boolean open, double distance) {}

    /** The crossing meant, empty when none is close; a {@link GateException} conflict when ambiguous. */
    Optional<Long> find(Session session, String typed, Instant from, Instant to) {
        String plate = PlateParser.normalize(typed);
        if (plate.length() < 4) {
            throw GateException.invalidField("plate", "needs at least 4 letters and digits");
        }
        if (Character.isLetter(plate.charAt(0))
                && Character.UnicodeScript.of(plate.charAt(0)) != Character.UnicodeScript.HAN) {
            plate = "?" + plate; // a Chinese plate without its province: an unread province costs little
        }
        List<Scored> scored = new ArrayList<>();
        for (Object[] row : session.createSelectionQuery(
                        "select id, tractorPlate, trailerPlate, status from CrossingEntity"
                                + " where expectedArrival between :from and :to and status <> :cancelled",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("cancelled", CrossingStatus.CANCELLED)
                .getResultList()) {
            long id = (Long) row[0];
            boolean open = ((CrossingStatus) row[3]).isOpen();
            double distance = PlateDistance.between(plate, (String) row[1]);
            if (row[2] != null) {
                distance = Math.min(distance, PlateDistance.between(plate, (String) row[2]));
            }
            if (distance <= CLOSE + MARGIN) {
                scored.add(new Scored(id, open, distance));
            }
        }
        // open trips first: a truck released yesterday and back today is today's trip
        List<Scored> pool = scored.stream().anyMatch(s -> s.open() && s.distance() <= CLOSE)
                ? scored.stream().filter(Scored::open).toList()
                : scored;
        List<Scored> ranked = pool.stream()
                .sorted(Comparator.comparingDouble(Scored::distance))
                .toList();
        if (ranked.isEmpty() || ranked.get(0).distance() > CLOSE) {
            return Optional.empty();
        }
        Scored best = ranked.get(0);
        boolean ambiguous = ranked.stream()
                .skip(1)
                .anyMatch(s -> s.crossingId() != best.crossingId() && s.distance() - best.distance() < MARGIN);
        if (ambiguous) {
            throw GateException.conflict("several vehicles expected today have a plate like " + typed.strip()
                    + ": enter the declaration code or scan the QR code of the declaration instead");
        }
        return Optional.of(best.crossingId());
    }
}
