package vn.bordergate.server.anpr.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;

/**
 * The empty approach road as the lane camera sees it: sky, hills, the gate building with its canopy on
 * the horizon, a three-lane concrete-edged road with lane markings and tyre tracks, lamp posts and
 * trees. Static for a camera and seed, so videos paint it once.
 */
final class GateBackdrop {
    private static final double ROAD_HALF_WIDTH = 5.4;
    private static final double FAR = 600;

    private GateBackdrop() {}

    static BufferedImage render(GateCamera cam, Random random) {
        BufferedImage image = new BufferedImage(cam.width(), cam.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            paintSky(g, cam, random);
            paintGround(g, cam, random);
            paintGateBuilding(g, cam, random);
            paintMarkings(g, cam);
            paintRoadside(g, cam, random);
        } finally {
            g.dispose();
        }
        addAsphaltGrain(image, cam, random);
        return image;
    }

    private static void paintSky(Graphics2D g, GateCamera cam, Random random) {
        float h = (float) cam.horizonY();
        int blue = 170 + random.nextInt(60);
        g.setPaint(new GradientPaint(0, 0, new Color(blue - 60, blue - 25, blue), 0, h, new Color(212, 218, 222)));
        g.fillRect(0, 0, cam.width(), (int) Math.ceil(h) + 1);
        // hills on the horizon, a little hazy
        Path2D hills = new Path2D.Double();
        hills.moveTo(0, h);
        double x = 0;
        while (x < cam.width()) {
            x += 40 + random.nextInt(120);
            hills.lineTo(x, h - cam.height() * (0.015 + random.nextDouble() * 0.05));
        }
        hills.lineTo(cam.width(), h + 2);
        hills.lineTo(0, h + 2);
        hills.closePath();
        g.setColor(new Color(104 + random.nextInt(20), 128 + random.nextInt(20), 112));
        g.fill(hills);
    }

    private static void paintGround(Graphics2D g, GateCamera cam, Random random) {
        g.setColor(new Color(96, 124, 78));
        g.fillRect(0, (int) cam.horizonY(), cam.width(), cam.height());
        g.setColor(new Color(168, 166, 158));
        g.fill(groundStrip(cam, -16, 16, 0.5, FAR));
        int tone = 92 + random.nextInt(24);
        g.setColor(new Color(tone, tone, tone + 4));
        g.fill(groundStrip(cam, -ROAD_HALF_WIDTH, ROAD_HALF_WIDTH, 0.5, FAR));
        // tyre tracks: darker bands where the wheels run in each lane
        g.setColor(new Color(0, 0, 0, 26));
        for (double lane = -3.6; lane <= 3.6; lane += 3.6) {
            for (double side = -0.95; side <= 0.95; side += 1.9) {
                g.fill(groundStrip(cam, lane + side - 0.35, lane + side + 0.35, 0.5, FAR));
            }
        }
    }

    private static void paintGateBuilding(Graphics2D g, GateCamera cam, Random random) {
        double z = 210;
        Color wall = new Color(226, 222, 206);
        for (double side = -1; side <= 1; side += 2) {
            Rectangle2D block = box(cam, side * 8, side * 24, 0, 11, z);
            g.setColor(wall);
            g.fill(block);
            g.setColor(new Color(70, 92, 112));
            for (double level = 1.2; level < 10; level += 2.6) {
                for (double wx = 9; wx < 23; wx += 2.2) {
                    g.fill(box(cam, side * wx, side * (wx + 1.3), level, level + 1.4, z));
                }
            }
        }
        // the canopy over the lanes, red band on white pillars
        g.setColor(new Color(236, 236, 232));
        for (double px = -6; px <= 6; px += 4) {
            g.fill(box(cam, px - 0.35, px + 0.35, 0, 6.5, z));
        }
        g.setColor(new Color(176 + random.nextInt(30), 34, 38));
        g.fill(box(cam, -9, 9, 6.5, 8.2, z));
        g.setColor(new Color(240, 206, 64));
        g.fill(box(cam, -5, 5, 7.0, 7.7, z));
    }

    private static void paintMarkings(Graphics2D g, GateCamera cam) {
        g.setColor(new Color(232, 232, 226));
        for (double edge : new double[] {-ROAD_HALF_WIDTH + 0.1, ROAD_HALF_WIDTH - 0.1}) {
            g.fill(groundStrip(cam, edge - 0.08, edge + 0.08, 0.5, FAR));
        }
        for (double lane : new double[] {-1.8, 1.8}) {
            for (double z = 1; z < 260; z += 9) {
                g.fill(groundStrip(cam, lane - 0.07, lane + 0.07, z, z + 3));
            }
        }
        // stop line a little ahead of where trucks halt for the camera
        g.fill(groundStrip(cam, -1.75, 1.75, GateCamera.READING_DISTANCE_M - 2.2, GateCamera.READING_DISTANCE_M - 1.8));
        g.setColor(new Color(150, 148, 140));
        for (double side = -1; side <= 1; side += 2) {
            g.fill(groundStrip(cam, side * ROAD_HALF_WIDTH - 0.12, side * ROAD_HALF_WIDTH + 0.12, 0.5, FAR));
        }
    }

    private static void paintRoadside(Graphics2D g, GateCamera cam, Random random) {
        for (double z = 300; z > 20; z -= 8 + random.nextInt(14)) {
            double x = (random.nextBoolean() ? 1 : -1) * (18 + random.nextDouble() * 14);
            double crown = 2 + random.nextDouble() * 2.5;
            g.setColor(new Color(88, 70, 52));
            g.fill(box(cam, x - 0.15, x + 0.15, 0, 2.5, z));
            Point2D c = cam.project(x, 2.4 + crown * 0.8, z);
            double r = cam.pixelsPerMetre(z) * crown;
            g.setColor(new Color(40 + random.nextInt(30), 90 + random.nextInt(40), 44 + random.nextInt(20)));
            g.fill(new Ellipse2D.Double(c.getX() - r, c.getY() - r * 0.9, 2 * r, 1.8 * r));
        }
        g.setColor(new Color(128, 132, 136));
        for (double z = 200; z >= 25; z -= 25) {
            for (double side = -1; side <= 1; side += 2) {
                Point2D foot = cam.project(side * 6.6, 0, z);
                Point2D top = cam.project(side * 6.6, 9, z);
                Point2D arm = cam.project(side * 4.8, 9, z);
                float w = (float) Math.max(1, cam.pixelsPerMetre(z) * 0.18);
                g.setStroke(new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
                Path2D pole = new Path2D.Double();
                pole.moveTo(foot.getX(), foot.getY());
                pole.lineTo(top.getX(), top.getY());
                pole.lineTo(arm.getX(), arm.getY());
                g.draw(pole);
            }
        }
    }

    /** Grain on the road, fading towards the horizon where it would average out. */
    private static void addAsphaltGrain(BufferedImage image, GateCamera cam, Random random) {
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int w = image.getWidth();
        int h = image.getHeight();
        long state = random.nextLong() | 1;
        for (int y = (int) Math.max(0, cam.horizonY() + 1); y < h; y++) {
            double depth = (y - cam.horizonY()) / (h - cam.horizonY());
            int amplitude = (int) (4 + 14 * depth);
            for (int x = 0; x < w; x++) {
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int d = (int) ((state >>> 33) % (2 * amplitude + 1)) - amplitude;
                int p = px[y * w + x];
                px[y * w + x] =
                        clamp(((p >> 16) & 255) + d) << 16 | clamp(((p >> 8) & 255) + d) << 8 | clamp((p & 255) + d);
            }
        }
    }

    static int clamp(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** A flat strip of road between lateral positions {@code x0..x1} and distances {@code z0..z1}. */
    private static Path2D groundStrip(GateCamera cam, double x0, double x1, double z0, double z1) {
        Path2D p = new Path2D.Double();
        Point2D a = cam.project(x0, 0, z0);
        Point2D b = cam.project(x1, 0, z0);
        Point2D c = cam.project(x1, 0, z1);
        Point2D d = cam.project(x0, 0, z1);
        p.moveTo(a.getX(), a.getY());
        p.lineTo(b.getX(), b.getY());
        p.lineTo(c.getX(), c.getY());
        p.lineTo(d.getX(), d.getY());
        p.closePath();
        return p;
    }

    /** An upright rectangle facing the camera at distance {@code z}. */
    private static Rectangle2D box(GateCamera cam, double x0, double x1, double y0, double y1, double z) {
        Point2D a = cam.project(Math.min(x0, x1), Math.max(y0, y1), z);
        Point2D b = cam.project(Math.max(x0, x1), Math.min(y0, y1), z);
        return new Rectangle2D.Double(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
    }
}
