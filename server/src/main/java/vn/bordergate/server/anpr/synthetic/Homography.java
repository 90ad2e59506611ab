package vn.bordergate.server.anpr.synthetic;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** A plane-to-plane perspective mapping (3 × 3 matrix), used to tilt and skew whole scenes. */
final class Homography {
    private final double[] m;

    private Homography(double[] m) {
        this.m = m;
    }

    /** The mapping that takes {@code from[i]} to {@code to[i]} for four point pairs. */
    static Homography between(Point2D[] from, Point2D[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i].getX();
            double y = from[i].getY();
            double u = to[i].getX();
            double v = to[i].getY();
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int r = col + 1; r < 8; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[col][col]) < 1e-12) {
                throw new IllegalArgumentException("degenerate point set");
            }
            for (int r = 0; r < 8; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c < 9; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] h = new double[9];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        h[8] = 1;
        return new Homography(h);
    }

    Point2D apply(Point2D p) {
        double x = p.getX();
        double y = p.getY();
        double w = m[6] * x + m[7] * y + m[8];
        return new Point2D.Double((m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w);
    }

    Homography inverse() {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double[] inv = {
            e * i - f * h, c * h - b * i, b * f - c * e,
            f * g - d * i, a * i - c * g, c * d - a * f,
            d * h - e * g, b * g - a * h, a * e - b * d
        };
        return new Homography(inv);
    }

    /** {@code source} seen through this mapping (bilinear sampling, edges clamped), same size. */
    BufferedImage warp(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        int[] src = ((DataBufferInt) source.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        double[] n = inverse().m;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double q = n[6] * x + n[7] * y + n[8];
                double sx = Math.min(w - 1.001, Math.max(0, (n[0] * x + n[1] * y + n[2]) / q));
                double sy = Math.min(h - 1.001, Math.max(0, (n[3] * x + n[4] * y + n[5]) / q));
                int x0 = (int) sx;
                int y0 = (int) sy;
                double fx = sx - x0;
                double fy = sy - y0;
                int i = y0 * w + x0;
                dst[y * w + x] = mix(mix(src[i], src[i + 1], fx), mix(src[i + w], src[i + w + 1], fx), fy);
            }
        }
        return out;
    }

    private static int mix(int p, int q, double f) {
        int r = (int) (((p >> 16) & 255) * (1 - f) + ((q >> 16) & 255) * f + 0.5);
        int g = (int) (((p >> 8) & 255) * (1 - f) + ((q >> 8) & 255) * f + 0.5);
        int b = (int) ((p & 255) * (1 - f) + (q & 255) * f + 0.5);
        return r << 16 | g << 8 | b;
    }
}
