package vn.bordergate.server.anpr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateCountry;
import vn.bordergate.common.plate.PlateGrammarMatch;
import vn.bordergate.common.plate.PlateKind;

/**
 * A plate read in an image: its text after grammar repair, how sure the reader is, and where it is.
 *
 * @param text normalised plate text ({@code 29H33578}); a Chinese province character the reader cannot read
 *     yet is {@code ?} ({@code ?A8Y796})
 * @param confidence 0..1, the reader's character probabilities lowered by the repairs the grammar made
 * @param box where the plate is, in the pixels of the image that was read
 * @param colour the plate's background colour as seen
 * @param twoRows whether the plate was read as two rows
 * @param raw what the OCR engine read before repair (rows joined by {@code /}), for diagnostics
 * @param match the grammar's repair (layout, cost, rows)
 */
public record PlateCandidate(
        String text,
        double confidence,
        PlateBox box,
        PlateColour colour,
        boolean twoRows,
        String raw,
        PlateGrammarMatch match) {
    public PlateCandidate {
        Objects.requireNonNull(text);
        Objects.requireNonNull(box);
        Objects.requireNonNull(match);
    }

    /** The plate when every character is known (not for a Chinese plate whose province is {@code ?}). */
    public Optional<Plate> plate() {
        return match.parsed();
    }

    public PlateCountry country() {
        return match.country();
    }

    public PlateKind kind() {
        return match.kind();
    }

    /** One candidate per text and per place, the most confident kept, none below {@code minConfidence}; sorts {@code all}. */
    static List<PlateCandidate> distinct(List<PlateCandidate> all, double minConfidence) {
        all.sort(Comparator.comparingDouble(PlateCandidate::confidence).reversed());
        List<PlateCandidate> kept = new ArrayList<>();
        for (PlateCandidate c : all) {
            boolean dup = kept.stream()
                    .anyMatch(k -> k.text().equals(c.text()) || k.box().overlap(c.box()) > 0.5);
            if (!dup && c.confidence() >= minConfidence) {
                kept.add(c);
            }
        }
        return kept;
    }
}
