package vn.bordergate.common.plate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The valid plate that a grammar repair made of a read.
 *
 * @param text the normalised plate text; a Chinese province or suffix character the reader could not see is
 *     {@code ?} (for example {@code ?A8Y796})
 * @param plate the parsed plate when every character is known, else {@code null} (see {@link #parsed()})
 * @param layout the layout the read was aligned with
 * @param rows the text of each printed row, top first, in the layout's row split (one element for a layout
 *     without a row break)
 * @param cost how much had to change: 0 when the read was already this plate; look-alike swaps, dropped
 *     characters and unknown province characters each add to it
 * @param confidence 0..1: the mean probability of the characters kept, lowered by the cost
 */
public record PlateGrammarMatch(
        String text, Plate plate, PlateGrammarLayout layout, List<String> rows, double cost, double confidence) {
    public PlateGrammarMatch {
        Objects.requireNonNull(text);
        Objects.requireNonNull(layout);
        rows = List.copyOf(rows);
    }

    public Optional<Plate> parsed() {
        return Optional.ofNullable(plate);
    }

    public PlateKind kind() {
        return plate != null ? plate.kind() : layout.kind();
    }

    public PlateCountry country() {
        return layout.country();
    }

    /** Whether some character (the Chinese province or suffix) is still unknown. */
    public boolean hasUnknown() {
        return text.indexOf(PlateGrammar.UNKNOWN) >= 0;
    }
}
