package vn.bordergate.server.anpr.synthetic;

import java.awt.Rectangle;
import java.awt.geom.Area;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;
import vn.bordergate.common.plate.Plate;

/**
 * Ground truth for one plate in a synthetic picture.
 *
 * @param corners the plate's outline in image pixels: top-left, top-right, bottom-right, bottom-left
 *     of the plate as printed (may lie partly outside the image while a truck leaves)
 */
public record PlateTruth(Plate plate, PlateStyle style, Role role, List<Point2D> corners) {
    /** Which vehicle the plate is on. */
    public enum Role {
        /** The front plate of the truck driving up to the camera. */
        TRACTOR,
        /** The rear plate of a trailer leaving in the next lane. */
        TRAILER
    }

    public PlateTruth {
        Objects.requireNonNull(plate);
        Objects.requireNonNull(style);
        Objects.requireNonNull(role);
        corners = corners.stream()
                .map(p -> (Point2D) new Point2D.Double(p.getX(), p.getY()))
                .toList();
        if (corners.size() != 4) {
            throw new IllegalArgumentException("a plate has 4 corners, not " + corners.size());
        }
    }

    /** The printed form, e.g. {@code 29H-335.78} or {@code 桂A·12345}. */
    public String text() {
        return plate.display();
    }

    /** The smallest pixel rectangle holding the four corners (not clipped to the image). */
    public Rectangle bounds() {
        return SceneEffects.polygon(corners).getBounds();
    }

    /** Share of the plate's area that lies inside a {@code width × height} image, 0 to 1. */
    public double visibleFraction(int width, int height) {
        Area plateArea = new Area(SceneEffects.polygon(corners));
        double total = area(plateArea);
        if (total <= 0) {
            return 0;
        }
        plateArea.intersect(new Area(new Rectangle2D.Double(0, 0, width, height)));
        return area(plateArea) / total;
    }

    /** Plate width in pixels along its top edge. */
    public double widthPx() {
        return corners.get(0).distance(corners.get(1));
    }

    private static double area(Area a) {
        double sum = 0;
        double[] c = new double[6];
        double startX = 0, startY = 0, lastX = 0, lastY = 0;
        for (PathIterator it = a.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                startX = lastX = c[0];
                startY = lastY = c[1];
            } else if (type == PathIterator.SEG_LINETO) {
                sum += lastX * c[1] - c[0] * lastY;
                lastX = c[0];
                lastY = c[1];
            } else if (type == PathIterator.SEG_CLOSE) {
                sum += lastX * startY - startX * lastY;
                lastX = startX;
                lastY = startY;
            }
        }
        return Math.abs(sum) / 2;
    }
}
