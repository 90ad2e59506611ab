package vn.bordergate.common.plate;

import java.util.List;
import java.util.Objects;

/**
 * A valid plate: its country, grammar kind and normalised text (letters, digits and the Chinese
 * province or suffix character, no separators). Created by {@link PlateParser}.
 *
 * @param display the one-row printed form ({@code 29H-335.78}, {@code 桂A·12345})
 * @param rows the two-row printed form, top row first (square car plates, motorbikes, rear truck plates)
 */
public record Plate(PlateCountry country, PlateKind kind, String normalized, String display, List<String> rows) {
    public Plate {
        Objects.requireNonNull(country);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(normalized);
        Objects.requireNonNull(display);
        rows = List.copyOf(rows);
    }

    @Override
    public String toString() {
        return display;
    }
}
