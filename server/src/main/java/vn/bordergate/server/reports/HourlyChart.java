package vn.bordergate.server.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import vn.bordergate.common.dto.ReportShift;

/**
 * The hourly throughput chart, drawn with Java 2D: arrivals and releases side by side per hour of day.
 * JasperReports 7 moved its chart component into a separate module (with JFreeChart); a chart this plain
 * does not justify those dependencies.
 */
final class HourlyChart {
    static final int WIDTH = 1030;
    static final int HEIGHT = 360;
    private static final Color ARRIVED = new Color(0x1f77b4);
    private static final Color RELEASED = new Color(0x2ca02c);

    private HourlyChart() {}

    static BufferedImage draw(long[][] hourly, ReportShift shift) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int left = 70;
            int right = WIDTH - 20;
            int top = 40;
            int bottom = HEIGHT - 40;
            long max = 1;
            for (long[] hour : hourly) {
                max = Math.max(max, Math.max(hour[0], hour[1]));
            }
            long step = niceStep(max);
            long axisMax = (max + step - 1) / step * step;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            for (long v = 0; v <= axisMax; v += step) {
                int y = bottom - (int) ((bottom - top) * v / axisMax);
                g.setColor(new Color(0xdddddd));
                g.drawLine(left, y, right, y);
                g.setColor(Color.DARK_GRAY);
                String label = Long.toString(v);
                g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 5);
            }
            double slot = (right - left) / 24.0;
            int bar = (int) Math.max(2, slot * 0.36);
            for (int h = 0; h < 24; h++) {
                int x = left + (int) (slot * h + slot * 0.1);
                boolean inShift = shift.covers(h);
                drawBar(g, x, bar, bottom, top, hourly[h][0], axisMax, inShift ? ARRIVED : ARRIVED.brighter());
                drawBar(g, x + bar, bar, bottom, top, hourly[h][1], axisMax, inShift ? RELEASED : RELEASED.brighter());
                g.setColor(Color.DARK_GRAY);
                String hour = String.format("%02d", h);
                g.drawString(
                        hour,
                        left + (int) (slot * h + slot / 2) - g.getFontMetrics().stringWidth(hour) / 2,
                        bottom + 20);
            }
            g.setStroke(new BasicStroke(1.5f));
            g.drawLine(left, bottom, right, bottom);
            g.drawLine(left, top, left, bottom);
            legend(g, left, 22);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void drawBar(Graphics2D g, int x, int width, int bottom, int top, long value, long max, Color c) {
        int height = (int) ((bottom - top) * value / max);
        g.setColor(c);
        g.fillRect(x, bottom - height, width, height);
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setColor(ARRIVED);
        g.fillRect(x, y - 12, 14, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Xe đến / Arrived", x + 20, y);
        g.setColor(RELEASED);
        g.fillRect(x + 190, y - 12, 14, 14);
        g.setColor(Color.DARK_GRAY);
        g.drawString("Xe qua / Released", x + 210, y);
    }

    /** 1, 2, 5, 10, 20, 50… so the axis has at most about six lines. */
    static long niceStep(long max) {
        long step = 1;
        while (max / step > 6) {
            long next = step * 2;
            if (max / next <= 6) {
                return next;
            }
            next = step * 5;
            if (max / next <= 6) {
                return next;
            }
            step *= 10;
        }
        return step;
    }
}
