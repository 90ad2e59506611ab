package vn.bordergate.server.anpr.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import vn.bordergate.common.plate.Plate;

/**
 * Paints plates: background (solid, or the new-energy gradients), border line, rivet holes and the
 * embossed characters. {@link #paint} draws in millimetres into any {@link Graphics2D} (scenes place a
 * plate with a transform); {@link #render} makes a stand-alone image.
 */
public final class PlateRenderer {
    private final PlateTypesetter typesetter;

    public PlateRenderer() {
        this(new PlateTypesetter());
    }

    /**
     * Plates typeset by {@code typesetter}: a line reader's training renders draw letters and digits in other faces
     * than the bundled one, as real plates' stamping varies.
     */
    public PlateRenderer(PlateTypesetter typesetter) {
        this.typesetter = typesetter;
    }

    public PlateArtwork typeset(Plate plate, PlateStyle style) {
        return typesetter.typeset(plate, style);
    }

    /** A plate image at {@code pxPerMm} pixels per millimetre (2.0 gives a 1040 × 220 Vietnamese plate). */
    public RenderedPlate render(Plate plate, PlateStyle style, double pxPerMm) {
        PlateArtwork art = typeset(plate, style);
        int w = (int) Math.ceil(art.widthMm() * pxPerMm);
        int h = (int) Math.ceil(art.heightMm() * pxPerMm);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(pxPerMm, pxPerMm);
            paint(g, art, style.paint());
        } finally {
            g.dispose();
        }
        return new RenderedPlate(plate, style, image, art, pxPerMm);
    }

    /** Paints {@code art} with its top-left corner at the origin, one unit = one millimetre. */
    public void paint(Graphics2D g, PlateArtwork art, PlatePaint colour) {
        Object antialias = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double w = art.widthMm();
        double h = art.heightMm();
        Shape outline = new RoundRectangle2D.Double(0, 0, w, h, 12, 12);
        paintBackground(g, outline, art, colour);
        // pressed metal: a little light on the top edge, a little shade at the bottom
        g.setPaint(new GradientPaint(0, 0, new Color(255, 255, 255, 40), 0, (float) h, new Color(0, 0, 0, 34)));
        g.fill(outline);

        float line = colour == PlatePaint.WHITE || colour == PlatePaint.YELLOW ? 3.2f : 2.2f;
        double inset = 3.5 + line / 2;
        g.setColor(colour.ink());
        g.setStroke(new BasicStroke(line));
        g.draw(new RoundRectangle2D.Double(inset, inset, w - 2 * inset, h - 2 * inset, 9, 9));

        for (Point2D rivet : art.rivets()) {
            paintRivet(g, rivet, colour.background());
        }
        Area ink = new Area();
        art.glyphs().forEach(glyph -> ink.add(new Area(glyph.outline())));
        art.marks().forEach(mark -> ink.add(new Area(mark)));
        // embossed characters cast a thin shadow down and to the right
        g.setColor(new Color(0, 0, 0, 70));
        g.fill(AffineTransform.getTranslateInstance(0.9, 1.1).createTransformedShape(ink));
        g.setColor(colour.ink());
        g.fill(ink);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialias);
    }

    private static void paintBackground(Graphics2D g, Shape outline, PlateArtwork art, PlatePaint colour) {
        switch (colour) {
            case GREEN -> g.setPaint(
                    new GradientPaint(0, 0, PlatePaint.GREEN_LIGHT, 0, (float) art.heightMm(), colour.background()));
            case YELLOW_GREEN -> {
                g.setColor(colour.background());
                g.fill(outline);
                // yellow under the province character and letter, up to the middle of the separator gap
                double split = art.glyphs().size() > 2
                        ? (art.glyphs().get(1).cell().getMaxX()
                                        + art.glyphs().get(2).cell().getMinX())
                                / 2
                        : art.widthMm() / 3;
                Area left = new Area(outline);
                left.intersect(new Area(new Rectangle2D.Double(0, 0, split, art.heightMm())));
                g.setColor(PlatePaint.YELLOW.background());
                g.fill(left);
                return;
            }
            default -> g.setColor(colour.background());
        }
        g.fill(outline);
    }

    private static void paintRivet(Graphics2D g, Point2D c, Color background) {
        double r = 3.6;
        g.setColor(background.darker().darker());
        g.fill(new Ellipse2D.Double(c.getX() - r, c.getY() - r, 2 * r, 2 * r));
        g.setColor(new Color(210, 210, 205));
        g.fill(new Ellipse2D.Double(c.getX() - r * 0.6, c.getY() - r * 0.6, r * 1.2, r * 1.2));
        g.setColor(new Color(120, 120, 118));
        g.fill(new Ellipse2D.Double(c.getX() - r * 0.2, c.getY() - r * 0.2, r * 0.4, r * 0.4));
    }
}
