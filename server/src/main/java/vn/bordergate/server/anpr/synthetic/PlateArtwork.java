package vn.bordergate.server.anpr.synthetic;

import java.awt.Shape;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A typeset plate in millimetres, origin at the top-left corner, y down: the character outlines, the
 * separator marks (dash, dot) and the rivet holes. {@link PlateRenderer} paints it.
 *
 * @param glyphs the characters a reader must read, in reading order (top row first)
 * @param marks separators drawn in the character colour
 */
public record PlateArtwork(
        double widthMm, double heightMm, List<Glyph> glyphs, List<Shape> marks, List<Point2D> rivets) {
    public PlateArtwork {
        glyphs = List.copyOf(glyphs);
        marks = List.copyOf(marks);
        rivets = List.copyOf(rivets);
    }

    /**
     * One character on the plate.
     *
     * @param cell the character's cell (the box a plate standard gives it), in millimetres
     */
    public record Glyph(int codePoint, Shape outline, Rectangle2D cell) {
        public String text() {
            return new String(Character.toChars(codePoint));
        }
    }
}
