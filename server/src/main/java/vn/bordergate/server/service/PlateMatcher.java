package vn.bordergate.server.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Reads are scored in memory against the plates of the crossings expected in their window
 * ({@link ExpectedPlates}, through the trie of {@link PlateIndex}: only the plausible plates are scored);
 * only the close ones are checked, by id, for which are really still expected (from rows read before while no write of
 * them was told since: {@link SeenCrossings}). A scan of the crossing table per read made every read wait on rows other requests were
 * committing (measured: LoadBenchmark, docs/benchmarks.md).
 */
public final class PlateMatcher {
    /**
     * A read this close (up to three look-alike swaps, 0.9, or fewer with an unread province character; a Chinese
     * province read as another, 0.7, with nothing else wrong) may be taken without an officer... Below one plain misread (1.0): a read one ordinary character away from a declared
     * plate (42D-… for 22D-…, …24 for …23) is as likely another truck, one not declared, as a misread, and taking it
     * would pass that crossing's arrival and plate check for the wrong truck.
     */
    static final double AUTO_MATCH = 0.95;
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
    /** Close crossings whose status and plates are asked of the database at a time. */
    private static final int VERIFY_BATCH = 32;
    /** Asked first: the closest few usually settle a read. */
    private static final int FIRST_BATCH = 8;

    /** The outcome: the crossing when matched, and the ranked candidates (closest first) either way. */
    public record Match(MatchStatus status, Long crossingId, String matchedPlate, List<MatchCandidateDto> candidates) {}

    private record Scored(long crossingId, String plate, double distance) {}

    private final ExpectedPlates expected = new ExpectedPlates();
    /** The candidates' plates as printed, kept per plate. */
    private final PlateDisplays displays = new PlateDisplays();
    /** The close crossings' status and plates, from memory while no write of them was told since they were read. */
    private final SeenCrossings seen = new SeenCrossings(
            EXPECTED, new StillExpected(EXPECTED, FIRST_BATCH), new StillExpected(EXPECTED, VERIFY_BATCH));

    /** A declaration was committed (new or corrected): its plates (normalised) can be read from now on. */
    public void declared(long crossingId, String tractorPlate, String trailerPlate, Instant expectedArrival) {
        expected.declared(crossingId, tractorPlate, trailerPlate, expectedArrival);
    }

    /**
     * How many close crossings the index is asked for at first, then if those did not settle the ranking
     * (some are no longer expected, say); the last round asks for every crossing within {@link #CANDIDATE}.
     */
    private static final int[] WANT = {8, 64, Integer.MAX_VALUE};

    public Match match(Session session, String read, Instant at) {
        Instant from = at.minus(WINDOW);
        Instant to = at.plus(WINDOW);
        String prepared = PlateDistance.prepareRead(read);
        for (int want : WANT) {
            PlateIndex.Closest close = expected.closest(session, prepared, from, to, want, CANDIDATE);
            if (close == null || !expected.covers(from)) {
                break;
            }
            List<Scored> scored = verified(session, prepared, close.distances(), close.bound(), from, to);
            if (scored != null) {
                return decide(scored);
            }
        }
        // a read older than the table: the database alone
        return matchInDatabase(session, prepared, from, to);
    }

    /** The same decision from the database alone, every crossing of the window scored: what the index must equal. */
    Match matchInDatabase(Session session, String read, Instant at) {
        return matchInDatabase(session, PlateDistance.prepareRead(read), at.minus(WINDOW), at.plus(WINDOW));
    }

    private Match matchInDatabase(Session session, String prepared, Instant from, Instant to) {
        return decide(score(prepared, expectedRows(session, from, to)));
    }

    /**
     * The close crossings as the database has them, asked closest first in small batches until the
     * ranking can no longer change: a crossing's distance in memory is never more than its real one
     * (every plate it has now is in the table), so once the five best and the auto-match margin are
     * all below the next unasked crossing's distance, the rest can't matter. Every crossing not in
     * {@code close} is further than {@code bound} (in memory, so really too); null when that leaves the
     * ranking open: the caller asks the index for more.
     */
    private List<Scored> verified(
            Session session, String prepared, Map<Long, Double> close, double bound, Instant from, Instant to) {
        CloseOrder order = new CloseOrder(close);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < order.size(); ) {
            // a small first batch: the closest few usually settle it (a read of a declared plate)
            int size = i == 0 ? FIRST_BATCH : VERIFY_BATCH;
            List<Long> ids = new ArrayList<>(size);
            for (int k = i; k < Math.min(order.size(), i + size); k++) {
                ids.add(order.id(k));
            }
            while (ids.size() < size) {
                // always as many ids: one statement text, compiled once by Derby (a list of
                // another length is another statement, compiled anew: measured, the writer's main cost)
                ids.add(ids.get(0));
            }
            scored.addAll(score(prepared, seen.rows(session, ids, from, to)));
            i += size;
            if (i < order.size() && settled(ranked(scored), order.distance(i), order.id(i))) {
                return scored;
            }
        }
        return bound >= CANDIDATE || settledBeyond(ranked(scored), bound) ? scored : null;
    }

    /** Whether crossings all further than {@code bound} can still change the five shown or the auto-match. */
    private static boolean settledBeyond(List<Scored> ranked, double bound) {
        if (ranked.size() < 5 || !(ranked.get(4).distance() <= bound)) {
            return false;
        }
        double best = ranked.get(0).distance();
        return best > AUTO_MATCH || bound - best >= MARGIN;
    }

    /**
     * Whether the crossings not asked yet, from the one at memory distance {@code nextDistance} with {@code nextId}
     * on in (memory distance, id) order, can still change the five shown or the auto-match. Each of them really is at
     * least as far as its memory distance, so none can come before a fifth that is closer than {@code nextDistance},
     * or as close with a smaller id (a tie is ranked by id, and every crossing not asked has an id at least {@code
     * nextId} or a larger memory distance).
     */
    private static boolean settled(List<Scored> ranked, double nextDistance, long nextId) {
        if (ranked.size() < 5) {
            return false; // a crossing not asked yet may still be among the five shown
        }
        Scored fifth = ranked.get(4);
        boolean fifthBefore =
                fifth.distance() < nextDistance || (fifth.distance() == nextDistance && fifth.crossingId() < nextId);
        if (!fifthBefore) {
            return false;
        }
        double best = ranked.get(0).distance();
        return best > AUTO_MATCH || nextDistance - best >= MARGIN;
    }

    /** The crossings expected in the window. */
    private static List<CloseCrossing> expectedRows(Session session, Instant from, Instant to) {
        return session
                .createSelectionQuery(
                        "select id, tractorPlate, trailerPlate from CrossingEntity where status in (:expected)"
                                + " and expectedArrival between :from and :to",
                        Object[].class)
                .setParameter("expected", EXPECTED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .stream()
                .map(row -> CloseCrossing.of((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
    }

    private List<Scored> score(String prepared, List<CloseCrossing> crossings) {
        List<Scored> scored = new ArrayList<>();
        for (CloseCrossing crossing : crossings) {
            score(prepared, crossing.id(), crossing.tractor(), crossing.tractorNormalized(), scored);
            score(prepared, crossing.id(), crossing.trailer(), crossing.trailerNormalized(), scored);
        }
        return scored;
    }

    private static void score(String prepared, long id, String plate, String normalized, List<Scored> scored) {
        if (plate != null) {
            scored.add(new Scored(id, plate, PlateDistance.betweenPrepared(prepared, normalized, CANDIDATE)));
        }
    }

    /** Closest first, ties by id: the order candidates are shown in. */
    private static final Comparator<Scored> CLOSEST_FIRST = (a, b) -> {
        int byDistance = Double.compare(a.distance(), b.distance());
        return byDistance != 0 ? byDistance : Long.compare(a.crossingId(), b.crossingId());
    };

    /** Those within {@link #CANDIDATE}, closest first (a loop, not a stream: it runs for every read, JFR). */
    private static List<Scored> ranked(List<Scored> scored) {
        List<Scored> ranked = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            if (s.distance() <= CANDIDATE) {
                ranked.add(s);
            }
        }
        ranked.sort(CLOSEST_FIRST);
        return ranked;
    }

    private Match decide(List<Scored> scored) {
        List<Scored> ranked = ranked(scored);
        List<MatchCandidateDto> candidates = new ArrayList<>(Math.min(5, ranked.size()));
        for (int i = 0; i < ranked.size() && i < 5; i++) {
            Scored s = ranked.get(i);
            candidates.add(new MatchCandidateDto(s.crossingId(), displays.of(s.plate()), s.distance()));
        }
        if (!ranked.isEmpty() && ranked.get(0).distance() <= AUTO_MATCH) {
            Scored best = ranked.get(0);
            boolean clear = true;
            for (int i = 1; i < ranked.size() && clear; i++) {
                Scored s = ranked.get(i);
                clear = s.crossingId() == best.crossingId() || s.distance() - best.distance() >= MARGIN;
            }
            if (clear) {
                return new Match(MatchStatus.MATCHED, best.crossingId(), best.plate(), List.copyOf(candidates));
            }
        }
        return new Match(MatchStatus.NEEDS_OFFICER, null, null, List.copyOf(candidates));
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
