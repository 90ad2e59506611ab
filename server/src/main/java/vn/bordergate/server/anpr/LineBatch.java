package vn.bordergate.server.anpr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Training lines written as one multi-page TIFF ({@code NAME.tif}) with its Tesseract box file
 * ({@code NAME.box}: each character boxed by its whole line, an end-of-line tab, the page number last), the
 * input {@code tesseract NAME.tif NAME --psm 13 lstm.train} turns into one {@code .lstmf} (one call per
 * thousand lines instead of one per line).
 */
final class LineBatch implements AutoCloseable {
    private final Path box;
    private final ImageWriter writer;
    private final ImageOutputStream stream;
    private final ImageWriteParam compressed;
    private final StringBuilder boxes = new StringBuilder();
    private int pages;

    LineBatch(Path dir, String name) throws IOException {
        this.box = dir.resolve(name + ".box");
        this.writer = ImageIO.getImageWritersByFormatName("tiff").next();
        this.stream = ImageIO.createImageOutputStream(dir.resolve(name + ".tif").toFile());
        this.compressed = writer.getDefaultWriteParam();
        compressed.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        compressed.setCompressionType("LZW");
        writer.setOutput(stream);
        writer.prepareWriteSequence(null);
    }

    int pages() {
        return pages;
    }

    /** Adds an 8-bit grey line image and its text. */
    void add(Mat line, String text) throws IOException {
        BufferedImage image = new BufferedImage(line.cols(), line.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Mat packed = line.isContinuous() ? line : line.clone();
        packed.data().get(pixels);
        if (packed != line) {
            packed.close();
        }
        writer.writeToSequence(new IIOImage(image, null, null), compressed);
        String whole = " 0 0 " + line.cols() + " " + line.rows() + " " + pages + "\n";
        text.codePoints().forEach(c -> boxes.appendCodePoint(c).append(whole));
        boxes.append('\t').append(whole);
        pages++;
    }

    @Override
    public void close() throws IOException {
        writer.endWriteSequence();
        stream.close();
        writer.dispose();
        Files.writeString(box, boxes, StandardCharsets.UTF_8);
    }
}
