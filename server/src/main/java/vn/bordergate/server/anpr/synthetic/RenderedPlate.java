package vn.bordergate.server.anpr.synthetic;

import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import vn.bordergate.common.plate.Plate;

/**
 * A plate drawn on its own (transparent outside the rounded corners), with where each character landed.
 *
 * @param pxPerMm image pixels per plate millimetre
 */
public record RenderedPlate(Plate plate, PlateStyle style, BufferedImage image, PlateArtwork artwork, double pxPerMm) {
    /** The ink bounding box of each character, in image pixels, in reading order. */
    public List<Rectangle> characterBoxes() {
        AffineTransform toPixels = AffineTransform.getScaleInstance(pxPerMm, pxPerMm);
        return artwork.glyphs().stream()
                .map(glyph -> toPixels.createTransformedShape(glyph.outline()).getBounds())
                .toList();
    }
}
