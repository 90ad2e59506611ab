package vn.bordergate.server.anpr.synthetic;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import vn.bordergate.common.plate.Plate;

/** The files of a synthetic set: scene images, {@code labels.csv} rows, plate crops, per-frame truth. */
final class SceneFiles implements AutoCloseable {
    static final String LABELS_HEADER =
            "file,plate,plate_norm,kind,variant,style,role,bbox_x,bbox_y,bbox_w,bbox_h,corners\n";
    static final String FRAME_TRUTH_HEADER =
            "frame,time_s,plate,plate_norm,kind,visible,bbox_x,bbox_y,bbox_w,bbox_h,corners\n";
    private static final String CROPS_HEADER = "file,plate,plate_norm,kind,style\n";

    private final Path out;
    private final String format;
    private final Writer cropLabels;
    private int crops;

    SceneFiles(Path out, String format, boolean withCrops) throws IOException {
        this.out = out;
        this.format = format;
        if (withCrops) {
            Files.createDirectories(out.resolve("crops"));
            cropLabels = Files.newBufferedWriter(out.resolve("crops.csv"), StandardCharsets.UTF_8);
            cropLabels.write(CROPS_HEADER);
        } else {
            cropLabels = null;
        }
    }

    /** Writes the picture to {@code file} (relative to the set) and one labels row per plate. */
    void writeScene(GateScene scene, String file, Writer labels) throws IOException {
        writeImage(scene.image(), out.resolve(file));
        String variant = SceneVariant.label(scene.variants());
        for (PlateTruth truth : scene.plates()) {
            Plate p = truth.plate();
            labels.write(String.join(
                            ",",
                            file,
                            p.display(),
                            p.normalized(),
                            p.kind().name(),
                            variant,
                            truth.style().label(),
                            truth.role().name(),
                            box(truth))
                    + "\n");
        }
    }

    /** The plate alone at a random resolution (1.2 to 4 px per cm), for reader tests. */
    void writeCrop(PlateRenderer renderer, Plate plate, PlateStyle style, Random random) throws IOException {
        RenderedPlate rendered = renderer.render(plate, style, 0.12 + random.nextDouble() * 0.28);
        BufferedImage rgb = new BufferedImage(
                rendered.image().getWidth(), rendered.image().getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = rgb.createGraphics();
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(rendered.image(), 0, 0, null);
        g.dispose();
        String file = String.format(Locale.ROOT, "crops/crop_%05d.png", ++crops);
        ImageIO.write(rgb, "png", out.resolve(file).toFile());
        cropLabels.write(String.join(
                        ",",
                        file,
                        plate.display(),
                        plate.normalized(),
                        plate.kind().name(),
                        style.label()) + "\n");
    }

    /** One row per plate in the frame (none when no plate is in the picture). */
    static void writeFrameTruth(int index, double fps, GateScene scene, Writer w) {
        try {
            for (PlateTruth truth : scene.plates()) {
                double visible = truth.visibleFraction(
                        scene.image().getWidth(), scene.image().getHeight());
                if (visible <= 0) {
                    continue;
                }
                w.write(String.format(
                        Locale.ROOT,
                        "%d,%.3f,%s,%s,%s,%.3f,%s%n",
                        index,
                        index / fps,
                        truth.plate().display(),
                        truth.plate().normalized(),
                        truth.plate().kind().name(),
                        visible,
                        box(truth)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code x,y,w,h,"x0 y0 x1 y1 x2 y2 x3 y3"} in pixels. */
    private static String box(PlateTruth truth) {
        Rectangle b = truth.bounds();
        String corners = truth.corners().stream().map(SceneFiles::point).collect(Collectors.joining(" "));
        return b.x + "," + b.y + "," + b.width + "," + b.height + "," + corners;
    }

    private static String point(Point2D p) {
        return String.format(Locale.ROOT, "%.1f %.1f", p.getX(), p.getY());
    }

    private void writeImage(BufferedImage image, Path file) throws IOException {
        if (format.equals("png")) {
            ImageIO.write(image, "png", file.toFile());
            return;
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    @Override
    public void close() throws IOException {
        if (cropLabels != null) {
            cropLabels.close();
        }
    }
}
