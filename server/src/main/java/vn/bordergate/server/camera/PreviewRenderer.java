package vn.bordergate.server.camera;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns a camera frame into a preview JPEG: scaled down for the network, with plate boxes and their labels
 * drawn. Labels go through Java2D because OpenCV's fonts have no Vietnamese or Chinese characters (桂, Đ).
 * Holds no state between calls, so one renderer serves any number of threads.
 */
public final class PreviewRenderer {
    private static final Scalar BOX_BGR = new Scalar(0, 220, 0, 0);
    private static final Color LABEL_BACKGROUND = new Color(0, 220, 0);

    private final int maxWidth;
    private final int quality;

    /**
     * @param maxWidth frames wider than this are scaled down to it (0: full size)
     * @param quality JPEG quality, 1 to 100
     */
    public PreviewRenderer(int maxWidth, int quality) {
        if (maxWidth < 0 || quality < 1 || quality > 100) {
            throw new IllegalArgumentException("need maxWidth >= 0 and quality 1..100");
        }
        this.maxWidth = maxWidth;
        this.quality = quality;
    }

    /** The frame as JPEG with the boxes (in full-frame pixels) drawn on it. */
    @SuppressWarnings("try") // the scope is used only for what closing it does
    public byte[] render(CameraFrame frame, List<PlateBox> boxes) {
        try (PointerScope scope = new PointerScope()) { // frees every temporary native object at the end
            Mat source = frame.image();
            double scale = maxWidth > 0 && source.cols() > maxWidth ? maxWidth / (double) source.cols() : 1;
            Mat out;
            if (scale < 1) {
                out = new Mat();
                resize(source, out, new Size(maxWidth, (int) Math.round(source.rows() * scale)), 0, 0, INTER_AREA);
            } else {
                out = boxes.isEmpty() ? source : source.clone(); // the frame is shared: never draw on it
            }
            int thickness = Math.max(2, out.rows() / 240);
            for (PlateBox box : boxes) {
                Rect rect = new Rect(
                        (int) Math.round(box.x() * scale),
                        (int) Math.round(box.y() * scale),
                        Math.max(1, (int) Math.round(box.width() * scale)),
                        Math.max(1, (int) Math.round(box.height() * scale)));
                rectangle(out, rect, BOX_BGR, thickness, LINE_AA, 0);
                drawLabel(out, box.label(), rect);
            }
            BytePointer jpeg = new BytePointer();
            if (!imencode(".jpg", out, jpeg, new IntPointer(IMWRITE_JPEG_QUALITY, quality))) {
                throw new IllegalStateException("JPEG encoding failed for " + frame);
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }

    /** The label on a filled strip above the box (below it when the box touches the top). */
    private static void drawLabel(Mat out, String label, Rect box) {
        if (label.isBlank()) {
            return;
        }
        int fontPx = Math.max(12, out.rows() / 28);
        BufferedImage strip;
        try {
            strip = textStrip(label, fontPx);
        } catch (RuntimeException | Error noFonts) { // a server without any font: keep the box, label in ASCII
            putText(
                    out,
                    label.replaceAll("[^\\x20-\\x7e]", "?"),
                    new Point(box.x(), Math.max(fontPx, box.y() - 4)),
                    FONT_HERSHEY_SIMPLEX,
                    fontPx / 30.0,
                    BOX_BGR,
                    2,
                    LINE_AA,
                    false);
            return;
        }
        int width = Math.min(strip.getWidth(), out.cols());
        int height = Math.min(strip.getHeight(), out.rows());
        int x = Math.max(0, Math.min(box.x(), out.cols() - width));
        int y = box.y() - height >= 0 ? box.y() - height : Math.min(box.y() + box.height(), out.rows() - height);
        byte[] pixels = ((DataBufferByte) strip.getRaster().getDataBuffer()).getData();
        Mat text = new Mat(strip.getHeight(), strip.getWidth(), out.type(), new BytePointer(pixels));
        text.apply(new Rect(0, 0, width, height)).copyTo(out.apply(new Rect(x, y, width, height)));
    }

    private static BufferedImage textStrip(String label, int fontPx) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontPx);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D measure = probe.createGraphics();
        FontMetrics metrics = measure.getFontMetrics(font);
        int pad = Math.max(2, fontPx / 6);
        int width = metrics.stringWidth(label) + 2 * pad;
        int height = metrics.getAscent() + metrics.getDescent() + 2 * pad;
        measure.dispose();
        BufferedImage strip = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = strip.createGraphics();
        try {
            g.setColor(LABEL_BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(font);
            g.setColor(Color.BLACK);
            g.drawString(label, pad, pad + metrics.getAscent());
        } finally {
            g.dispose();
        }
        return strip;
    }
}
