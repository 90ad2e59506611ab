package vn.bordergate.server.anpr.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.bordergate.common.plate.PlateDistance;
import vn.bordergate.common.plate.PlateParser;

/**
 * The sightings of one plate over consecutive frames. The vote takes the most supported length,
 * then the most supported character at each position, each sighting weighted by its confidence:
 * a character misread in a few frames is outvoted by the frames that read it right.
 */
final class PlateTrack {
    private final String cameraCode;
    private final List<PlateSighting> sightings = new ArrayList<>();
    private String leader;
    private double bestConfidence = -1;
    private PlateEvidence best;

    PlateTrack(PlateSighting first) {
        this.cameraCode = first.cameraCode();
        add(first);
    }

    boolean accepts(PlateSighting sighting, double maxDistance) {
        return PlateDistance.between(sighting.text(), leader) <= maxDistance;
    }

    void add(PlateSighting sighting) {
        sightings.add(sighting);
        leader = vote();
        // the clearest view is kept, not the last: a truck driving off is seen ever smaller
        if (sighting.evidence() != null && sighting.confidence() > bestConfidence) {
            PlateEvidence evidence = sighting.evidence().get();
            if (evidence != null) {
                best = evidence;
                bestConfidence = sighting.confidence();
            }
        }
    }

    Instant lastSeen() {
        return sightings.get(sightings.size() - 1).at();
    }

    int size() {
        return sightings.size();
    }

    VotedPlate result() {
        String text = vote();
        double agreeing = 0;
        double total = 0;
        for (PlateSighting s : sightings) {
            total += 1;
            if (PlateParser.normalize(s.text()).equals(text)) {
                agreeing += s.confidence();
            }
        }
        return new VotedPlate(
                cameraCode, sightings.get(0).at(), lastSeen(), text, agreeing / total, sightings.size(), best);
    }

    private String vote() {
        Map<Integer, Double> lengths = new HashMap<>();
        for (PlateSighting s : sightings) {
            lengths.merge(PlateParser.normalize(s.text()).length(), weight(s), Double::sum);
        }
        int length = lengths.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        StringBuilder voted = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            Map<Character, Double> votes = new HashMap<>();
            for (PlateSighting s : sightings) {
                String text = PlateParser.normalize(s.text());
                if (text.length() == length) {
                    votes.merge(text.charAt(i), weight(s), Double::sum);
                }
            }
            voted.append(votes.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey());
        }
        return voted.toString();
    }

    /** A sighting never counts for nothing, however unsure the reader was. */
    private static double weight(PlateSighting s) {
        return 0.05 + s.confidence();
    }
}
