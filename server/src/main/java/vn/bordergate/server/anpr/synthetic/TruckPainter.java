package vn.bordergate.server.anpr.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;

/**
 * Paints a truck seen by the lane camera: from the front (cab, windscreen, grille, headlights, bumper
 * with the plate, the cargo body behind the cab) or from behind (container doors, tail lights,
 * underride bar, rear plate). Shapes are laid out in metres on the truck's front or rear plane and
 * projected with {@link GateCamera}; visible flanks are drawn in perspective.
 */
final class TruckPainter {
    static final double HALF_WIDTH = 1.24;
    private static final double CAB_DEPTH = 2.3;
    private static final double BODY_LENGTH = 13;
    private static final double BODY_TOP = 4.0;
    private static final double FRONT_PLATE_CENTRE_Y = 0.57;
    private static final double REAR_PLATE_BOTTOM_Y = 0.64;

    /** Where the truck's plate and lights ended up in the image. */
    record Painted(List<Point2D> plateCorners, List<Point2D> headlights, double lightRadiusPx) {}

    private final PlateRenderer plates;

    TruckPainter(PlateRenderer plates) {
        this.plates = plates;
    }

    Painted paintFront(
            Graphics2D g, GateCamera cam, TruckLivery livery, double x0, double z, PlateArtwork art, PlatePaint pc) {
        paintShadow(g, cam, x0, z, z + BODY_LENGTH + CAB_DEPTH);
        // the cargo body behind the cab shows above the roof and beside it
        double bodyZ = z + CAB_DEPTH + 0.3;
        paintFlank(g, cam, x0, HALF_WIDTH + 0.03, 1.15, BODY_TOP, bodyZ, bodyZ + BODY_LENGTH, livery.cargoColour());
        paintCargoFace(g, cam, livery, x0, bodyZ, false);
        paintFlank(g, cam, x0, HALF_WIDTH, 0.45, 3.0, z, z + CAB_DEPTH, livery.cabColour());

        AffineTransform saved = g.getTransform();
        g.transform(cam.facingPlane(x0, z));
        CabFront.paint(g, livery.cabColour());
        // bumper with fog lamps and the plate
        g.setPaint(new GradientPaint(0, 0.8f, new Color(126, 128, 132), 0, 0.34f, new Color(62, 63, 66)));
        g.fill(new RoundRectangle2D.Double(-1.26, 0.34, 2.52, 0.46, 0.08, 0.08));
        g.setColor(new Color(30, 30, 32));
        g.fill(rect(-1.26, 1.26, 0.34, 0.39));
        g.setColor(new Color(236, 232, 200));
        for (double s = -1; s <= 1; s += 2) {
            g.fill(new Ellipse2D.Double(s * 0.98 - 0.07, 0.5, 0.14, 0.14));
        }
        double pw = art.widthMm() / 1000;
        double ph = art.heightMm() / 1000;
        g.setColor(new Color(18, 18, 20));
        g.fill(rect(
                -pw / 2 - 0.015,
                pw / 2 + 0.015,
                FRONT_PLATE_CENTRE_Y - ph / 2 - 0.015,
                FRONT_PLATE_CENTRE_Y + ph / 2 + 0.015));
        AffineTransform plateToImage = frontPlateTransform(cam, x0, z, art);
        g.setTransform(plateToImage);
        plates.paint(g, art, pc);
        g.setTransform(saved);

        List<Point2D> lights = List.of(cam.project(x0 - 0.92, 1.01, z), cam.project(x0 + 0.92, 1.01, z));
        return new Painted(corners(plateToImage, art), lights, cam.pixelsPerMetre(z) * 0.22);
    }

    Painted paintRear(
            Graphics2D g, GateCamera cam, TruckLivery livery, double x0, double z, PlateArtwork art, PlatePaint pc) {
        paintShadow(g, cam, x0, z, z + BODY_LENGTH + CAB_DEPTH);
        paintFlank(g, cam, x0, HALF_WIDTH + 0.03, 1.15, BODY_TOP, z, z + BODY_LENGTH, livery.cargoColour());
        AffineTransform saved = g.getTransform();
        g.transform(cam.facingPlane(x0, z));
        g.setColor(new Color(22, 22, 24));
        g.fill(rect(-1.24, -0.5, 0, 1.05));
        g.fill(rect(0.5, 1.24, 0, 1.05));
        g.fill(rect(-1.2, 1.2, 0.95, 1.15));
        g.setTransform(saved);
        paintCargoFace(g, cam, livery, x0, z, true);
        g.transform(cam.facingPlane(x0, z));
        // underride bar in red and white, tail lights
        for (int i = 0; i < 8; i++) {
            g.setColor(i % 2 == 0 ? new Color(200, 30, 30) : new Color(230, 230, 226));
            g.fill(rect(-1.1 + i * 0.275, -1.1 + (i + 1) * 0.275, 0.45, 0.6));
        }
        g.setColor(new Color(190, 24, 24));
        g.fill(rect(-1.18, -0.86, 0.72, 0.86));
        g.fill(rect(0.86, 1.18, 0.72, 0.86));
        AffineTransform plateToImage = rearPlateTransform(cam, x0, z, art);
        g.setTransform(plateToImage);
        plates.paint(g, art, pc);
        g.setTransform(saved);
        List<Point2D> lights = List.of(cam.project(x0 - 1.02, 0.79, z), cam.project(x0 + 1.02, 0.79, z));
        return new Painted(corners(plateToImage, art), lights, cam.pixelsPerMetre(z) * 0.12);
    }

    /** The image area a front-facing truck at {@code (x0, z)} covers, cargo body included. */
    static Area frontSilhouette(GateCamera cam, double x0, double z) {
        Area area = new Area(cam.facingPlane(x0, z).createTransformedShape(rect(-1.6, 1.6, 0, 3.0)));
        double bodyZ = z + CAB_DEPTH + 0.3;
        area.add(new Area(cam.facingPlane(x0, bodyZ).createTransformedShape(rect(-1.27, 1.27, 0, BODY_TOP))));
        for (double s = -1; s <= 1; s += 2) {
            area.add(new Area(flank(cam, x0 + s * 1.27, 0, BODY_TOP, z, bodyZ + BODY_LENGTH)));
        }
        return area;
    }

    /** Plate millimetres to image pixels for the front plate of a truck at {@code (x0, z)}. */
    static AffineTransform frontPlateTransform(GateCamera cam, double x0, double z, PlateArtwork art) {
        double pw = art.widthMm() / 1000;
        double ph = art.heightMm() / 1000;
        return plateTransform(cam, x0, z, -pw / 2, FRONT_PLATE_CENTRE_Y + ph / 2);
    }

    /** Plate millimetres to image pixels for the rear plate of a truck whose back is at {@code (x0, z)}. */
    static AffineTransform rearPlateTransform(GateCamera cam, double x0, double z, PlateArtwork art) {
        double pw = art.widthMm() / 1000;
        double ph = art.heightMm() / 1000;
        return plateTransform(cam, x0, z, -pw / 2, REAR_PLATE_BOTTOM_Y + ph);
    }

    /** Corners of the plate, clockwise from top-left, in image pixels. */
    static List<Point2D> corners(AffineTransform plateToImage, PlateArtwork art) {
        double w = art.widthMm();
        double h = art.heightMm();
        return List.of(
                plateToImage.transform(new Point2D.Double(0, 0), null),
                plateToImage.transform(new Point2D.Double(w, 0), null),
                plateToImage.transform(new Point2D.Double(w, h), null),
                plateToImage.transform(new Point2D.Double(0, h), null));
    }

    /** Millimetres on the plate (y down) to image pixels, plate top-left at truck-plane {@code (left, top)}. */
    private static AffineTransform plateTransform(GateCamera cam, double x0, double z, double left, double top) {
        AffineTransform at = cam.facingPlane(x0, z);
        at.translate(left, top);
        at.scale(0.001, -0.001);
        return at;
    }

    private void paintCargoFace(Graphics2D g, GateCamera cam, TruckLivery livery, double x0, double z, boolean rear) {
        AffineTransform saved = g.getTransform();
        g.transform(cam.facingPlane(x0, z));
        Color c = livery.cargoColour();
        g.setColor(c);
        g.fill(rect(-1.27, 1.27, 1.15, BODY_TOP));
        g.setColor(shade(c, 0.7));
        g.setStroke(new BasicStroke(0.03f));
        switch (livery.cargo()) {
            case CONTAINER -> {
                for (double x = -1.15; x < 1.2; x += 0.16) {
                    g.draw(new Line2D.Double(x, 1.2, x, BODY_TOP - 0.05));
                }
            }
            case TARPAULIN -> {
                for (double y = 1.5; y < BODY_TOP; y += 0.55) {
                    g.draw(new Line2D.Double(-1.27, y, 1.27, y - 0.05));
                }
            }
            case VAN -> g.draw(rect(-1.22, 1.22, 1.2, BODY_TOP - 0.05));
        }
        if (rear) {
            g.setColor(shade(c, 0.45));
            g.setStroke(new BasicStroke(0.04f));
            g.draw(new Line2D.Double(0, 1.2, 0, BODY_TOP - 0.05));
            for (double x : new double[] {-0.8, -0.3, 0.3, 0.8}) {
                g.draw(new Line2D.Double(x, 1.3, x, BODY_TOP - 0.15));
            }
        }
        g.setTransform(saved);
    }

    /** The side of a box that faces the camera, if the truck is far enough off-centre to show one. */
    private static void paintFlank(
            Graphics2D g, GateCamera cam, double x0, double half, double y0, double y1, double z0, double z1, Color c) {
        double side = x0 > half ? x0 - half : x0 < -half ? x0 + half : Double.NaN;
        if (Double.isNaN(side)) {
            return;
        }
        g.setColor(shade(c, 0.62));
        g.fill(flank(cam, side, y0, y1, z0, z1));
    }

    private static Path2D flank(GateCamera cam, double x, double y0, double y1, double z0, double z1) {
        Point2D a = cam.project(x, y1, z0);
        Point2D b = cam.project(x, y1, z1);
        Point2D c = cam.project(x, y0, z1);
        Point2D d = cam.project(x, y0, z0);
        Path2D p = new Path2D.Double();
        p.moveTo(a.getX(), a.getY());
        p.lineTo(b.getX(), b.getY());
        p.lineTo(c.getX(), c.getY());
        p.lineTo(d.getX(), d.getY());
        p.closePath();
        return p;
    }

    private static void paintShadow(Graphics2D g, GateCamera cam, double x0, double z0, double z1) {
        Point2D a = cam.project(x0 - 1.45, 0, z0 - 0.2);
        Point2D b = cam.project(x0 + 1.45, 0, z0 - 0.2);
        Point2D c = cam.project(x0 + 1.4, 0, z1);
        Point2D d = cam.project(x0 - 1.4, 0, z1);
        Path2D p = new Path2D.Double();
        p.moveTo(a.getX(), a.getY());
        p.lineTo(b.getX(), b.getY());
        p.lineTo(c.getX(), c.getY());
        p.lineTo(d.getX(), d.getY());
        p.closePath();
        g.setColor(new Color(0, 0, 0, 110));
        g.fill(p);
    }

    static Rectangle2D rect(double x0, double x1, double y0, double y1) {
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }

    static Color shade(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }
}
