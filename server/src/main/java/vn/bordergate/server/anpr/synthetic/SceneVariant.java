package vn.bordergate.server.anpr.synthetic;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

/** A camera condition applied on top of a clean scene; an empty set is the clean scene. */
public enum SceneVariant {
    /** Small roll and perspective skew of the whole picture (up to ±8°). */
    TILT,
    /** Night under infrared: dark, grey, retro-reflective plate, headlight bloom. */
    NIGHT,
    /** A bright glare blob near the plate (sun on the plate, a lamp). */
    GLARE,
    /** Slanted rain streaks and a grey veil. */
    RAIN,
    /** Out of focus or motion blur. */
    BLUR,
    /** Sensor noise. */
    NOISE;

    /** {@code clean}, or the variants joined by {@code +} in a fixed order, e.g. {@code night+noise}. */
    public static String label(Collection<SceneVariant> variants) {
        if (variants.isEmpty()) {
            return "clean";
        }
        return EnumSet.copyOf(variants).stream()
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("+"));
    }

    /** Parses {@link #label}'s output (and names in any case); {@code clean} or blank is no variant. */
    public static EnumSet<SceneVariant> parse(String label) {
        EnumSet<SceneVariant> set = EnumSet.noneOf(SceneVariant.class);
        for (String part : label.split("[+,\\s]+")) {
            if (!part.isBlank() && !part.equalsIgnoreCase("clean")) {
                set.add(valueOf(part.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return set;
    }
}
