package vn.bordergate.workstation.look;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Scale;

/** The BorderGate mark from {@code icons/bordergate.svg} (a lifted barrier over a lane), drawn as shapes. */
public final class GateMark {
    private static final Color TEAL = Color.web("#0f4c5c");
    private static final Color AMBER = Color.web("#f2b134");
    private static final Color RED = Color.web("#d1495b");

    private GateMark() {}

    /** The mark, {@code size} pixels square. */
    public static Node of(double size) {
        Rectangle tile = rect(2, 2, 60, 60, 24, TEAL);
        SVGPath lane = new SVGPath();
        lane.setContent("M20 58 L28 30 L36 30 L44 58 Z");
        lane.setFill(Color.web("#e6eef0", 0.9));
        SVGPath marks = new SVGPath();
        marks.setContent("M31 36 L33 36 L33.5 42 L30.5 42 Z M30 47 L34 47 L34.8 54 L29.2 54 Z");
        marks.setFill(TEAL);
        Rectangle post = rect(10, 22, 6, 36, 4, AMBER);
        Group arm = new Group(
                rect(13, 20, 44, 7, 7, Color.WHITE),
                rect(21, 20, 7, 7, 0, RED),
                rect(35, 20, 7, 7, 0, RED),
                rect(49, 20, 7, 7, 0, RED));
        arm.getTransforms().add(new Rotate(-28, 13, 24));
        Circle pivot = new Circle(13, 24, 4, AMBER);
        pivot.setStroke(TEAL);
        pivot.setStrokeWidth(1.5);
        Group mark = new Group(tile, lane, marks, post, arm, pivot);
        mark.getTransforms().add(new Scale(size / 64, size / 64, 0, 0));
        return new Group(mark);
    }

    /** The mark as an image, for the window's icon (the taskbar shows it). Call on the FX thread. */
    public static Image image(double size) {
        SnapshotParameters transparent = new SnapshotParameters();
        transparent.setFill(Color.TRANSPARENT);
        return of(size).snapshot(transparent, null);
    }

    private static Rectangle rect(double x, double y, double w, double h, double arc, Color fill) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        r.setFill(fill);
        return r;
    }
}
