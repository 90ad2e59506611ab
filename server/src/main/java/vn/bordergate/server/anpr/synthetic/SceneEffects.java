package vn.bordergate.server.anpr.synthetic;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Camera conditions on a rendered scene, in a fixed order: tilt, night, glare, rain, blur, noise. The
 * strength of each comes from a {@code stable} random (the same for every frame of one truck), the
 * per-pixel detail (noise, rain streaks) from a {@code perFrame} random. Plate corners and light
 * positions are moved along when the picture is tilted.
 */
final class SceneEffects {
    private static final float[] GAUSS = gaussTable();

    /** The picture being worked on, with the points that must follow geometric changes. */
    static final class Canvas {
        BufferedImage image;
        final List<List<Point2D>> plates;
        final List<Point2D> lights;
        final double lightRadius;

        Canvas(BufferedImage image, List<List<Point2D>> plates, List<Point2D> lights, double lightRadius) {
            this.image = image;
            this.plates = plates;
            this.lights = lights;
            this.lightRadius = lightRadius;
        }
    }

    private SceneEffects() {}

    static void apply(Canvas canvas, Set<SceneVariant> variants, Random stable, Random perFrame) {
        // draw every parameter whatever the variants, so one seed gives the same tilt with or without rain
        double angle = Math.toRadians((stable.nextBoolean() ? 1 : -1) * (2 + 6 * stable.nextDouble()));
        double[] skew = {stable.nextGaussian(), stable.nextGaussian(), stable.nextGaussian(), stable.nextGaussian()};
        double nightGain = 0.14 + 0.1 * stable.nextDouble();
        double glareDx = stable.nextDouble() * 2 - 1;
        double glareDy = stable.nextDouble() * 2 - 1;
        double glareSize = 0.4 + 0.7 * stable.nextDouble();
        int rainCount = 500 + stable.nextInt(900);
        double rainAngle = Math.toRadians((stable.nextBoolean() ? 1 : -1) * (4 + 16 * stable.nextDouble()));
        boolean motionBlur = stable.nextBoolean();
        double blurAmount = stable.nextDouble();
        double noiseSigma = 4 + 10 * stable.nextDouble();

        if (variants.contains(SceneVariant.TILT)) {
            tilt(canvas, angle, skew);
        }
        if (variants.contains(SceneVariant.NIGHT)) {
            night(canvas, nightGain);
        }
        if (variants.contains(SceneVariant.GLARE)) {
            glare(canvas, glareDx, glareDy, glareSize);
        }
        if (variants.contains(SceneVariant.RAIN)) {
            rain(canvas.image, rainCount, rainAngle, perFrame);
        }
        if (variants.contains(SceneVariant.BLUR)) {
            int[] px = pixels(canvas.image);
            int w = canvas.image.getWidth();
            if (motionBlur) {
                ImageFilters.boxBlur(px, w, canvas.image.getHeight(), 0, 1 + (int) (blurAmount * 2.99));
            } else {
                int r = 1 + (int) (blurAmount * 1.99);
                for (int pass = 0; pass < 3; pass++) {
                    ImageFilters.boxBlur(px, w, canvas.image.getHeight(), r, r);
                }
            }
        }
        if (variants.contains(SceneVariant.NOISE)) {
            noise(canvas.image, noiseSigma, perFrame.nextLong());
        }
    }

    /** Roll by {@code angle} about the image centre plus a little perspective, zoomed to fill the frame. */
    private static void tilt(Canvas canvas, double angle, double[] skew) {
        int w = canvas.image.getWidth();
        int h = canvas.image.getHeight();
        Point2D c = new Point2D.Double(w / 2.0, h / 2.0);
        double half = h * 0.4;
        Point2D[] from = {
            new Point2D.Double(c.getX() - half, c.getY() - half), new Point2D.Double(c.getX() + half, c.getY() - half),
            new Point2D.Double(c.getX() + half, c.getY() + half), new Point2D.Double(c.getX() - half, c.getY() + half)
        };
        Homography warp = null;
        for (double zoom = 1.0; zoom < 2.0; zoom *= 1.04) {
            Point2D[] to = new Point2D[4];
            for (int i = 0; i < 4; i++) {
                double dx = (from[i].getX() - c.getX()) * zoom;
                double dy = (from[i].getY() - c.getY()) * zoom * (1 + 0.05 * skew[i]);
                dx *= 1 + 0.05 * skew[(i + 1) % 4];
                to[i] = new Point2D.Double(
                        c.getX() + dx * Math.cos(angle) - dy * Math.sin(angle),
                        c.getY() + dx * Math.sin(angle) + dy * Math.cos(angle));
            }
            warp = Homography.between(from, to);
            if (covers(warp.inverse(), w, h)) {
                break;
            }
        }
        canvas.image = warp.warp(canvas.image);
        for (List<Point2D> quad : canvas.plates) {
            quad.replaceAll(warp::apply);
        }
        canvas.lights.replaceAll(warp::apply);
    }

    private static boolean covers(Homography toSource, int w, int h) {
        for (Point2D corner : List.of(
                new Point2D.Double(0, 0),
                new Point2D.Double(w, 0),
                new Point2D.Double(w, h),
                new Point2D.Double(0, h))) {
            Point2D s = toSource.apply(corner);
            if (s.getX() < 0 || s.getY() < 0 || s.getX() > w || s.getY() > h) {
                return false;
            }
        }
        return true;
    }

    /** Dark infrared picture: grey, plates bright (retro-reflective under the IR flash), headlight bloom. */
    private static void night(Canvas canvas, double gain) {
        BufferedImage image = canvas.image;
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D mg = mask.createGraphics();
        mg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        mg.setColor(new Color((int) (gain * 255), (int) (gain * 255), (int) (gain * 255)));
        mg.fillRect(0, 0, w, h);
        mg.setColor(new Color(235, 235, 235));
        canvas.plates.forEach(quad -> mg.fill(polygon(quad)));
        mg.dispose();
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        int[] px = pixels(image);
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int lum = (((p >> 16) & 255) * 77 + ((p >> 8) & 255) * 150 + (p & 255) * 29) >> 8;
            int v = lum * (m[i] & 255) / 255;
            px[i] = v << 16 | v << 8 | Math.min(255, v + 3);
        }
        Graphics2D g = image.createGraphics();
        for (Point2D light : canvas.lights) {
            float r = (float) Math.max(4, canvas.lightRadius * 3.2);
            g.setPaint(new RadialGradientPaint(light, r, new float[] {0f, 0.12f, 0.35f, 1f}, new Color[] {
                new Color(255, 255, 255, 255),
                new Color(250, 250, 250, 235),
                new Color(230, 230, 230, 70),
                new Color(200, 200, 200, 0)
            }));
            g.fill(new java.awt.geom.Ellipse2D.Double(light.getX() - r, light.getY() - r, 2 * r, 2 * r));
        }
        g.dispose();
    }

    private static void glare(Canvas canvas, double dx, double dy, double size) {
        if (canvas.plates.isEmpty()) {
            return;
        }
        List<Point2D> quad = canvas.plates.get(0);
        double pw = quad.get(0).distance(quad.get(1));
        double ph = quad.get(0).distance(quad.get(3));
        Point2D c = centre(quad);
        Point2D at = new Point2D.Double(c.getX() + dx * pw * 0.7, c.getY() + dy * ph * 1.2);
        float r = (float) Math.max(6, pw * size);
        Graphics2D g = canvas.image.createGraphics();
        g.setPaint(new RadialGradientPaint(at, r, new float[] {0f, 0.25f, 1f}, new Color[] {
            new Color(255, 255, 250, 245), new Color(255, 255, 245, 170), new Color(255, 255, 240, 0)
        }));
        g.fill(new java.awt.geom.Ellipse2D.Double(at.getX() - r, at.getY() - r, 2 * r, 2 * r));
        g.dispose();
    }

    private static void rain(BufferedImage image, int count, double angle, Random random) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(150, 155, 160, 40));
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        double sin = Math.sin(angle);
        double cos = Math.cos(angle);
        for (int i = 0; i < count; i++) {
            double x = random.nextDouble() * image.getWidth();
            double y = random.nextDouble() * image.getHeight();
            double len = 10 + random.nextDouble() * 34;
            g.setStroke(new BasicStroke(random.nextDouble() < 0.2 ? 2f : 1f));
            g.setColor(new Color(225, 228, 232, 40 + random.nextInt(80)));
            g.draw(new Line2D.Double(x, y, x + sin * len, y + cos * len));
        }
        g.dispose();
    }

    private static void noise(BufferedImage image, double sigma, long seed) {
        int[] px = pixels(image);
        long s = seed | 1;
        for (int i = 0; i < px.length; i++) {
            s ^= s << 13;
            s ^= s >>> 7;
            s ^= s << 17;
            double shared = GAUSS[(int) (s & 0xFFFF)] * sigma * 0.8;
            double nr = shared + GAUSS[(int) ((s >>> 16) & 0xFFFF)] * sigma * 0.45;
            double ng = shared + GAUSS[(int) ((s >>> 32) & 0xFFFF)] * sigma * 0.45;
            double nb = shared + GAUSS[(int) ((s >>> 48) & 0xFFFF)] * sigma * 0.45;
            int p = px[i];
            px[i] = GateBackdrop.clamp((int) (((p >> 16) & 255) + nr)) << 16
                    | GateBackdrop.clamp((int) (((p >> 8) & 255) + ng)) << 8
                    | GateBackdrop.clamp((int) ((p & 255) + nb));
        }
    }

    static Point2D centre(List<Point2D> quad) {
        double x = 0;
        double y = 0;
        for (Point2D p : quad) {
            x += p.getX() / quad.size();
            y += p.getY() / quad.size();
        }
        return new Point2D.Double(x, y);
    }

    static Path2D polygon(List<Point2D> quad) {
        Path2D p = new Path2D.Double();
        p.moveTo(quad.get(0).getX(), quad.get(0).getY());
        for (int i = 1; i < quad.size(); i++) {
            p.lineTo(quad.get(i).getX(), quad.get(i).getY());
        }
        p.closePath();
        return p;
    }

    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static float[] gaussTable() {
        Random r = new Random(0x5EED_6A7EL);
        float[] t = new float[1 << 16];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) r.nextGaussian();
        }
        return t;
    }
}
