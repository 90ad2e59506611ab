package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.getPerspectiveTransform;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a clean plate render into what a lane camera gives the reader: loose or tight cut on a random
 * surrounding, dirt, glare, shadow, perspective and tilt, down to the final size (15 px high and up), blur,
 * night and infrared (grey, low contrast, sometimes inverted), noise and JPEG. Seeded by the caller.
 */
final class PlateLineDegradation {
    private PlateLineDegradation() {}

    /**
     * A degraded 8-bit BGR crop of {@code plate} (ARGB, transparent corners) scaled by {@code scale}; {@code mild}
     * keeps only the cut, a little tilt and light noise (the first lessons of a model trained from scratch).
     */
    static Mat degrade(BufferedImage plate, double scale, Random r, boolean mild) {
        Mat big = onSurrounding(plate, r, mild);
        Mat warped = perspective(big, r, mild ? 0.3 : 1);
        big.close();
        Mat small = new Mat();
        int w = Math.max(8, (int) Math.round(warped.cols() * scale));
        int h = Math.max(6, (int) Math.round(warped.rows() * scale));
        resize(warped, small, new Size(w, h), 0, 0, INTER_AREA);
        warped.close();
        if (mild) {
            noise(small, r.nextDouble() * 4, r);
            return small;
        }
        if (r.nextDouble() < 0.6) {
            double sigma = 0.3 + r.nextDouble() * 0.9;
            GaussianBlur(small, small, new Size(0, 0), sigma);
        } else if (r.nextDouble() < 0.3) {
            blur(small, small, new Size(2 + r.nextInt(3), 1));
        }
        if (r.nextDouble() < 0.2) {
            // night or infrared: no colour, little contrast
            cvtColor(small, small, COLOR_BGR2GRAY);
            cvtColor(small, small, COLOR_GRAY2BGR);
            small.convertTo(small, -1, 0.35 + r.nextDouble() * 0.4, 20 + r.nextDouble() * 60);
        } else {
            small.convertTo(small, -1, 0.6 + r.nextDouble() * 0.7, -40 + r.nextDouble() * 80);
        }
        if (r.nextDouble() < 0.08) {
            bitwise_not(small, small);
        }
        noise(small, r.nextDouble() * 14, r);
        if (r.nextDouble() < 0.7) {
            Mat jpeg = jpeg(small, 20 + r.nextInt(75));
            small.close();
            small = jpeg;
        }
        return small;
    }

    /** A real crop moved by up to two pixels and cut a little tighter or looser. */
    static Mat shifted(Mat crop, Random r) {
        Mat out = new Mat();
        int w = crop.cols();
        int h = crop.rows();
        float dx = r.nextInt(5) - 2;
        float dy = r.nextInt(3) - 1;
        Point2f from = corners(w, h, 0, 0, 0, 0);
        Point2f to = corners(w, h, dx, dy, r.nextInt(5) - 2, r.nextInt(3) - 1);
        try (Mat m = getPerspectiveTransform(from, to)) {
            warpPerspective(crop, out, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        } finally {
            from.close();
            to.close();
        }
        return out;
    }

    /** The plate drawn over a random surrounding with a margin, dirt, glare and shadow. */
    private static Mat onSurrounding(BufferedImage plate, Random r, boolean mild) {
        int pw = plate.getWidth();
        int ph = plate.getHeight();
        int mx = (int) (pw * r.nextDouble() * 0.1);
        int my = (int) (ph * r.nextDouble() * 0.25);
        BufferedImage canvas = new BufferedImage(pw + 2 * mx, ph + 2 * my, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.drawImage(plate, mx, my, null);
            if (!mild) {
                stains(g, canvas, mx, my, pw, ph, r);
            }
        } finally {
            g.dispose();
        }
        byte[] pixels = ((DataBufferByte) canvas.getRaster().getDataBuffer()).getData();
        try (Mat view = new Mat(canvas.getHeight(), canvas.getWidth(), CV_8UC3, new BytePointer(pixels))) {
            return view.clone();
        }
    }

    /** Dirt, glare and a shadow over the plate at ({@code mx}, {@code my}), each only sometimes. */
    private static void stains(Graphics2D g, BufferedImage canvas, int mx, int my, int pw, int ph, Random r) {
        if (r.nextDouble() < 0.35) {
            for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                g.setColor(new Color(60 + r.nextInt(60), 50 + r.nextInt(40), 30, 40 + r.nextInt(110)));
                double s = ph * (0.03 + r.nextDouble() * 0.15);
                g.fill(new Ellipse2D.Double(mx + r.nextDouble() * pw, my + r.nextDouble() * ph, s * 2, s));
            }
        }
        if (r.nextDouble() < 0.25) {
            float radius = (float) (ph * (0.4 + r.nextDouble()));
            Point2D centre = new Point2D.Double(mx + r.nextDouble() * pw, my + r.nextDouble() * ph);
            g.setPaint(new RadialGradientPaint(centre, radius, new float[] {0f, 1f}, new Color[] {
                new Color(255, 255, 255, 120 + r.nextInt(130)), new Color(255, 255, 255, 0)
            }));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        }
        if (r.nextDouble() < 0.2) {
            g.setColor(new Color(0, 0, 0, 60 + r.nextInt(100)));
            int x = (int) (r.nextDouble() * canvas.getWidth());
            g.fillPolygon(
                    new int[] {x, canvas.getWidth(), canvas.getWidth(), x + (int) (pw * 0.2 * r.nextGaussian())},
                    new int[] {0, 0, canvas.getHeight(), canvas.getHeight()},
                    4);
        }
    }

    /** Tilt and perspective: each corner moved by up to 5 % of the width and 12 % of the height. */
    private static Mat perspective(Mat image, Random r, double strength) {
        int w = image.cols();
        int h = image.rows();
        Point2f from = corners(w, h, 0, 0, 0, 0);
        float[] to = new float[8];
        for (int i = 0; i < 4; i++) {
            to[2 * i] = from.position(i).x() + (float) (r.nextGaussian() * 0.025 * strength * w);
            to[2 * i + 1] = from.position(i).y() + (float) (r.nextGaussian() * 0.05 * strength * h);
        }
        from.position(0);
        Point2f target = new Point2f(4);
        for (int i = 0; i < 4; i++) {
            target.position(i).x(to[2 * i]).y(to[2 * i + 1]);
        }
        target.position(0);
        Mat out = new Mat();
        try (Mat m = getPerspectiveTransform(from, target)) {
            warpPerspective(image, out, m, new Size(w, h), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
        } finally {
            from.close();
            target.close();
        }
        return out;
    }

    private static Point2f corners(int w, int h, float dx, float dy, float dw, float dh) {
        Point2f p = new Point2f(4);
        p.position(0).x(dx).y(dy);
        p.position(1).x(w - 1 + dx + dw).y(dy);
        p.position(2).x(w - 1 + dx + dw).y(h - 1 + dy + dh);
        p.position(3).x(dx).y(h - 1 + dy + dh);
        return p.position(0);
    }

    private static void noise(Mat image, double sigma, Random r) {
        if (sigma < 1) {
            return;
        }
        try (Mat wide = new Mat();
                Mat n = new Mat(image.rows(), image.cols(), CV_16SC3)) {
            image.convertTo(wide, CV_16SC3);
            org.bytedeco.opencv.global.opencv_core.theRNG().state(r.nextLong());
            randn(
                    n,
                    new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, Scalar.all(0)),
                    new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, Scalar.all(sigma)));
            add(wide, n, wide);
            wide.convertTo(image, CV_8UC3);
        }
    }

    private static Mat jpeg(Mat image, int quality) {
        BytePointer buffer = new BytePointer();
        try (IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            imencode(".jpg", image, buffer, params);
            try (Mat bytes = new Mat(1, (int) buffer.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, buffer)) {
                return imdecode(bytes, IMREAD_COLOR);
            }
        } finally {
            buffer.close();
        }
    }
}
