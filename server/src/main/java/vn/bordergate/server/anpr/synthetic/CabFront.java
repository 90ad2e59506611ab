package vn.bordergate.server.anpr.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/**
 * The front of a truck's cab above the bumper: wheels, cab panel, windscreen, grille, headlights and
 * mirrors, in metres on the truck's front plane (x across from the centre line, y up from the road).
 * {@link TruckPainter} sets the plane's transform and paints the bumper and plate over it.
 */
final class CabFront {
    private CabFront() {}

    static void paint(Graphics2D g, Color cab) {
        // wheels behind the bumper
        for (double s = -1; s <= 1; s += 2) {
            g.setColor(new Color(24, 24, 26));
            g.fill(new RoundRectangle2D.Double(Math.min(s * 0.8, s * 1.2), 0, 0.4, 1.0, 0.22, 0.3));
            g.setColor(new Color(58, 58, 60));
            g.fill(TruckPainter.rect(s * 0.86, s * 1.14, 0.12, 0.2));
        }
        // cab front
        g.setPaint(new GradientPaint(0, 3.0f, brighter(cab, 18), 0, 0.8f, TruckPainter.shade(cab, 0.82)));
        g.fill(new RoundRectangle2D.Double(
                -TruckPainter.HALF_WIDTH, 0.8, 2 * TruckPainter.HALF_WIDTH, 2.2, 0.35, 0.35));
        paintWindscreen(g);
        paintGrilleAndLights(g, cab);
        // mirrors on their arms
        g.setStroke(new BasicStroke(0.04f));
        g.setColor(new Color(40, 40, 44));
        for (double s = -1; s <= 1; s += 2) {
            g.draw(new Line2D.Double(s * 1.2, 2.3, s * 1.5, 2.3));
            g.fill(TruckPainter.rect(s * 1.42, s * 1.6, 1.72, 2.36));
        }
    }

    private static void paintWindscreen(Graphics2D g) {
        Path2D glass = new Path2D.Double();
        glass.moveTo(-1.08, 1.78);
        glass.lineTo(1.08, 1.78);
        glass.lineTo(1.0, 2.72);
        glass.lineTo(-1.0, 2.72);
        glass.closePath();
        g.setPaint(new GradientPaint(0, 2.72f, new Color(70, 84, 96), 0, 1.78f, new Color(28, 34, 42)));
        g.fill(glass);
        Path2D reflection = new Path2D.Double();
        reflection.moveTo(-0.6, 1.78);
        reflection.lineTo(-0.2, 1.78);
        reflection.lineTo(0.3, 2.72);
        reflection.lineTo(-0.1, 2.72);
        reflection.closePath();
        g.setColor(new Color(255, 255, 255, 36));
        g.fill(reflection);
        g.setColor(new Color(20, 20, 22));
        g.setStroke(new BasicStroke(0.035f));
        g.draw(new Line2D.Double(-0.9, 1.84, -0.1, 2.05));
        g.draw(new Line2D.Double(0.1, 1.84, 0.9, 2.05));
        g.fill(TruckPainter.rect(-1.1, 1.1, 2.76, 2.86));
        g.setColor(new Color(250, 160, 30));
        for (double x = -0.3; x <= 0.31; x += 0.3) {
            g.fill(TruckPainter.rect(x - 0.06, x + 0.06, 2.9, 2.95));
        }
    }

    private static void paintGrilleAndLights(Graphics2D g, Color cab) {
        g.setColor(new Color(34, 35, 38));
        g.fill(new RoundRectangle2D.Double(-0.64, 0.94, 1.28, 0.72, 0.06, 0.06));
        g.setColor(brighter(cab, 30));
        for (double y = 1.0; y < 1.6; y += 0.11) {
            g.fill(TruckPainter.rect(-0.6, 0.6, y, y + 0.045));
        }
        g.setColor(new Color(208, 210, 214));
        g.fill(new Ellipse2D.Double(-0.09, 1.48, 0.18, 0.14));
        for (double s = -1; s <= 1; s += 2) {
            Shape lamp = new RoundRectangle2D.Double(Math.min(s * 0.7, s * 1.14), 0.9, 0.44, 0.24, 0.05, 0.05);
            g.setColor(new Color(196, 202, 206));
            g.fill(lamp);
            g.setColor(new Color(248, 248, 240));
            g.fill(new Ellipse2D.Double(s * 0.92 - 0.08, 0.94, 0.16, 0.16));
            g.setColor(new Color(240, 150, 30));
            g.fill(TruckPainter.rect(s * 1.16, s * 1.22, 0.92, 1.12));
        }
    }

    private static Color brighter(Color c, int d) {
        return new Color(
                Math.min(255, c.getRed() + d), Math.min(255, c.getGreen() + d), Math.min(255, c.getBlue() + d));
    }
}
