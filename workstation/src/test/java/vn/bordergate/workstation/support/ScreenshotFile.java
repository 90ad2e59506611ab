package vn.bordergate.workstation.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes what a window or a part of it shows to a PNG (snapshot taken on the FX thread). */
public final class ScreenshotFile {
    private ScreenshotFile() {}

    public static void save(Scene scene, Path file) throws IOException {
        write(FxRunner.call(() -> scene.snapshot(null)), file);
    }

    public static void save(Node node, Path file) throws IOException {
        write(FxRunner.call(() -> node.snapshot(null, null)), file);
    }

    // javafx-swing's SwingFXUtils would do this, but it is one more module to ship for tests only
    private static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getPixelReader().getPixels(0, y, width, 1, PixelFormat.getIntArgbInstance(), row, 0, width);
            png.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageIO.write(png, "png", file.toFile());
    }
}
