package vn.bordergate.server.anpr;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.NORM_MINMAX;
import static org.bytedeco.opencv.global.opencv_core.normalize;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYCOLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes an image file into the 8-bit BGR frame the reader works on, whatever it holds: grey, 16-bit, with
 * alpha, or a truncated JPEG (decoded as far as it goes). Never throws for bad content; an undecodable file
 * gives an empty result.
 */
public final class ImageDecoder {
    /** Files larger than this are not decoded (no plate photo is this big). */
    static final long MAX_BYTES = 64L << 20;

    private ImageDecoder() {}

    /** The file as an 8-bit BGR image, or empty when it cannot be read or decoded. */
    public static Optional<Mat> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES || Files.size(file) == 0) {
                return Optional.empty();
            }
            return decode(Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Encoded image bytes as an 8-bit BGR image, or empty when they do not decode. */
    public static Optional<Mat> decode(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.empty();
        }
        Mat decoded;
        try (BytePointer data = new BytePointer(bytes);
                Mat buffer = new Mat(1, bytes.length, CV_8U, data)) {
            decoded = imdecode(buffer, IMREAD_ANYDEPTH | IMREAD_ANYCOLOR);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (decoded == null || decoded.empty() || decoded.cols() < 1 || decoded.rows() < 1) {
            return Optional.empty();
        }
        return Optional.of(toBgr8(decoded));
    }

    /** Any depth and channel count to 8-bit, 3-channel BGR; the input is released. */
    public static Mat toBgr8(Mat image) {
        Mat eight = image;
        int depth = image.depth();
        if (depth != CV_8U) {
            eight = new Mat();
            if (depth == CV_16U || depth == CV_16S || depth == CV_32F || depth == CV_64F) {
                // stretch whatever range the image uses (16-bit cameras rarely fill it)
                normalize(image, eight, 0, 255, NORM_MINMAX, CV_8U, null);
            } else {
                image.convertTo(eight, CV_8U);
            }
            image.close();
        }
        Mat bgr = eight;
        if (eight.channels() == 1) {
            bgr = new Mat();
            cvtColor(eight, bgr, COLOR_GRAY2BGR);
            eight.close();
        } else if (eight.channels() == 4) {
            bgr = new Mat();
            cvtColor(eight, bgr, COLOR_BGRA2BGR);
            eight.close();
        } else if (eight.channels() != 3) {
            bgr = new Mat();
            org.bytedeco.opencv.global.opencv_core.extractChannel(eight, bgr, 0);
            eight.close();
            Mat three = new Mat();
            cvtColor(bgr, three, COLOR_GRAY2BGR);
            bgr.close();
            bgr = three;
        }
        return bgr;
    }
}
