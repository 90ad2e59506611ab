package vn.bordergate.server.anpr.synthetic;

import java.awt.Color;
import java.util.List;
import java.util.Random;

/**
 * How one truck looks: cab paint and what it carries behind the cab.
 *
 * @param cargoColour colour of the van body, container or tarpaulin
 */
public record TruckLivery(Color cabColour, Cargo cargo, Color cargoColour) {
    /** What rides behind the cab. */
    public enum Cargo {
        /** Box van body. */
        VAN,
        /** A shipping container on a semi-trailer (corrugated). */
        CONTAINER,
        /** Tarpaulin over a flatbed. */
        TARPAULIN
    }

    private static final List<Color> CABS = List.of(
            new Color(178, 32, 34), // red
            new Color(228, 228, 222), // white
            new Color(34, 74, 150), // blue
            new Color(40, 110, 62), // green
            new Color(222, 122, 30), // orange
            new Color(158, 164, 170), // silver
            new Color(218, 182, 40)); // yellow
    private static final List<Color> CONTAINERS = List.of(
            new Color(30, 80, 150),
            new Color(160, 40, 30),
            new Color(60, 120, 70),
            new Color(200, 200, 196),
            new Color(210, 120, 40),
            new Color(110, 110, 116));
    private static final List<Color> TARPAULINS =
            List.of(new Color(46, 96, 64), new Color(40, 70, 130), new Color(170, 160, 120));

    public static TruckLivery random(Random random) {
        Color cab = CABS.get(random.nextInt(CABS.size()));
        Cargo cargo = Cargo.values()[random.nextInt(Cargo.values().length)];
        Color cargoColour =
                switch (cargo) {
                    case VAN -> new Color(226 + random.nextInt(20), 226 + random.nextInt(20), 222);
                    case CONTAINER -> CONTAINERS.get(random.nextInt(CONTAINERS.size()));
                    case TARPAULIN -> TARPAULINS.get(random.nextInt(TARPAULINS.size()));
                };
        return new TruckLivery(cab, cargo, cargoColour);
    }
}
