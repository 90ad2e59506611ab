package vn.bordergate.server.anpr.synthetic;

import java.awt.Color;

/**
 * The paint of a plate: background and character colours. {@link #GREEN} is the small new-energy plate (white to
 * green gradient), {@link #YELLOW_GREEN} the large new-energy plate (yellow under the province, green
 * under the serial).
 */
public enum PlatePaint {
    /** Vietnamese private vehicles: white, black characters. */
    WHITE(new Color(236, 238, 234), new Color(20, 20, 22)),
    /** Vietnamese transport businesses; Chinese trucks, trailers and driving schools: yellow, black. */
    YELLOW(new Color(246, 196, 18), new Color(20, 20, 22)),
    /** Chinese small vehicles: blue, white characters. */
    BLUE(new Color(14, 62, 178), new Color(244, 246, 248)),
    /** Chinese small new-energy vehicles: white-to-green gradient, black characters. */
    GREEN(new Color(92, 190, 110), new Color(20, 20, 22)),
    /** Chinese large new-energy vehicles: yellow province part, green serial part, black characters. */
    YELLOW_GREEN(new Color(92, 190, 110), new Color(20, 20, 22)),
    /** Chinese cross-border (Hong Kong, Macau) and consular plates: black, white characters. */
    BLACK(new Color(22, 22, 26), new Color(244, 246, 248)),
    /** Vietnamese military plates: red, white characters. */
    RED(new Color(196, 30, 38), new Color(244, 246, 248));

    /** The light top of the {@link #GREEN} gradient. */
    static final Color GREEN_LIGHT = new Color(226, 244, 226);

    private final Color background;
    private final Color ink;

    PlatePaint(Color background, Color ink) {
        this.background = background;
        this.ink = ink;
    }

    /** The main background colour (for gradients: the colour behind most of the serial). */
    public Color background() {
        return background;
    }

    /** Characters and border line. */
    public Color ink() {
        return ink;
    }
}
