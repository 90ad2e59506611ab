package vn.bordergate.server.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.Session;
import vn.bordergate.common.dto.MatchCandidateDto;
import vn.bordergate.common.dto.MatchStatus;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.common.workflow.CrossingStatus;

/**
 * Matches a plate read to the crossings expected around the time of the read. A unique close match
 * is taken without an officer; anything ambiguous or unknown goes to an officer with the closest
 * crossings ranked, because a wrong automatic match would clear the wrong truck.
 */
public final class PlateMatcher {
    /** A read this close (about three look-alike swaps) may be taken without an officer... */
    static final double AUTO_MATCH = 1.0;
    /**
     * ...but only when the next best crossing is clearly further away: a look-alike swap (0.3) beats a
     * plain misread (1.0) of a neighbouring plate, since sequential plates often queue together.
     */
    static final double MARGIN = 0.6;
    /** Candidates further than this are not worth an officer's look. */
    static final double CANDIDATE = 3.0;

    static final List<CrossingStatus> EXPECTED = List.of(
            CrossingStatus.DECLARED,
            CrossingStatus.EN_ROUTE,
            CrossingStatus.IN_PROGRESS,
            CrossingStatus.HELD,
            CrossingStatus.READY_TO_RELEASE);
    private static final Duration WINDOW = Duration.ofHours(36);

    /** The outcome: the crossing when matched, and the ranked candidates (closest first) either way. */
    public record Match(MatchStatus status, Long crossingId, String matchedPlate, List<MatchCandidateDto> candidates) {}

    private record Scored(long crossingId, String plate, double distance) {}

    public Match match(Session session, String read, Instant at) {
        List<Scored> scored = new ArrayList<>();
        for (Object[] row : session.createSelectionQuery(
                        "select id, tractorPlate, trailerPlate from CrossingEntity where status in (:expected)"
                                + " and expectedArrival between :from and :to",
                        Object[].class)
                .setParameter("expected", EXPECTED)
                .setParameter("from", at.minus(WINDOW))
                .setParameter("to", at.plus(WINDOW))
                .getResultList()) {
            long id = (Long) row[0];
            scored.add(new Scored(id, (String) row[1], PlateDistance.between(read, (String) row[1])));
            if (row[2] != null) {
                scored.add(new Scored(id, (String) row[2], PlateDistance.between(read, (String) row[2])));
            }
        }
        List<Scored> ranked = scored.stream()
                .filter(s -> s.distance() <= CANDIDATE)
                .sorted(Comparator.comparingDouble(Scored::distance))
                .collect(Collectors.toList());
        List<MatchCandidateDto> candidates = ranked.stream()
                .limit(5)
                .map(s -> new MatchCandidateDto(s.crossingId(), DtoMapping.plate(s.plate()), s.distance()))
                .toList();
        if (!ranked.isEmpty() && ranked.get(0).distance() <= AUTO_MATCH) {
            Scored best = ranked.get(0);
            boolean clear = ranked.stream()
                    .skip(1)
                    .noneMatch(s -> s.crossingId() != best.crossingId() && s.distance() - best.distance() < MARGIN);
            if (clear) {
                return new Match(MatchStatus.MATCHED, best.crossingId(), best.plate(), candidates);
            }
        }
        return new Match(MatchStatus.NEEDS_OFFICER, null, null, candidates);
    }

    /** Candidates as stored with the read: {@code id|plate|distance} entries joined by ';'. */
    static String encode(List<MatchCandidateDto> candidates) {
        String joined = candidates.stream()
                .map(c -> c.crossingId() + "|" + c.plate() + "|" + c.distance())
                .collect(Collectors.joining(";"));
        return joined.isEmpty()
                ? null
                : joined.length() > 600 ? joined.substring(0, joined.lastIndexOf(';', 600)) : joined;
    }

    static List<MatchCandidateDto> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<MatchCandidateDto> out = new ArrayList<>();
        for (String entry : stored.split(";")) {
            String[] f = entry.split("\\|");
            out.add(new MatchCandidateDto(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2])));
        }
        return out;
    }
}
