package vn.bordergate.server.camera;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Test pictures whose frame number can be read back after lossy encoding: ten large black or white squares
 * along the top carry the number in binary (plus the number in text, for people), over a moving, textured
 * scene so the encoder and decoder do real work.
 */
final class CounterVideo {
    static final int BITS = 10;
    private static final int SQUARE = 28;
    private static final int STEP = 36;
    private static final int TOP = 8;

    private CounterVideo() {}

    /** Frame {@code index} of a {@code width}×{@code height} picture. */
    static Mat picture(int index, int width, int height) {
        Mat mat = new Mat(height, width, CV_8UC3, new Scalar(90, 110, 70, 0));
        for (int y = 70; y < height; y += 40) { // road markings that move, so frames differ everywhere
            int x = (index * 12 + y * 3) % Math.max(1, width);
            rectangle(mat, new Rect(x, y, Math.min(80, width - x), 12), new Scalar(200, 200, 200, 0), -1, 8, 0);
        }
        circle(mat, new Point(width / 2, height / 2), height / 5, new Scalar(30, 160, 230, 0), -1, LINE_AA, 0);
        for (int bit = 0; bit < BITS; bit++) {
            boolean one = ((index >> bit) & 1) == 1;
            Scalar colour = one ? new Scalar(255, 255, 255, 0) : new Scalar(0, 0, 0, 0);
            rectangle(mat, new Rect(TOP + bit * STEP, TOP, SQUARE, SQUARE), colour, -1, 8, 0);
        }
        putText(
                mat,
                "frame " + index,
                new Point(TOP, height - 20),
                FONT_HERSHEY_SIMPLEX,
                1.2,
                new Scalar(255, 255, 255, 0),
                2,
                LINE_AA,
                false);
        return mat;
    }

    /** Reads the frame number back from a decoded BGR picture. */
    static int counter(Mat bgr) {
        int value = 0;
        try (UByteIndexer pixels = bgr.createIndexer()) {
            for (int bit = 0; bit < BITS; bit++) {
                int cx = TOP + bit * STEP + SQUARE / 2;
                int cy = TOP + SQUARE / 2;
                long sum = 0;
                for (int dy = -4; dy <= 4; dy++) {
                    for (int dx = -4; dx <= 4; dx++) {
                        sum += pixels.get(cy + dy, cx + dx, 1); // green channel
                    }
                }
                if (sum / 81 > 128) {
                    value |= 1 << bit;
                }
            }
        }
        return value;
    }

    /** Writes an H.264 video (MP4, MKV or raw {@code .h264} by the file name) of frames 0..frames-1. */
    static Path write(Path file, int width, int height, double fps, int frames, int gop) throws IOException {
        return write(file, width, height, fps, frames, gop, 0);
    }

    /**
     * As {@link #write(Path, int, int, double, int, int)}, with Gaussian noise of this standard deviation
     * added to every frame, like a camera sensor: every block of every frame then changes, which is what
     * makes real footage expensive to decode (a clean synthetic scene decodes several times faster).
     */
    static Path write(Path file, int width, int height, double fps, int frames, int gop, double noise)
            throws IOException {
        Files.createDirectories(file.getParent());
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height)) {
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            if (file.toString().endsWith(".h264")) {
                recorder.setFormat("h264");
            }
            recorder.setFrameRate(fps);
            recorder.setGopSize(gop);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setVideoBitrate(width * height * 3); // about 2.8 Mbit/s at 720p, like a lane camera
            recorder.start();
            try (Mat grain = new Mat(height, width, CV_8UC3);
                    Mat mean = new Mat(1, 3, CV_64F, new Scalar(128));
                    Mat deviation = new Mat(1, 3, CV_64F, new Scalar(noise))) {
                for (int i = 0; i < frames; i++) {
                    try (Mat picture = picture(i, width, height)) {
                        if (noise > 0) {
                            randn(grain, mean, deviation);
                            addWeighted(picture, 1, grain, 1, -128, picture);
                        }
                        recorder.record(converter.convert(picture), AV_PIX_FMT_BGR24);
                    }
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** The pictures as JPEG files' bytes, for an MJPEG stream. */
    static List<byte[]> jpegs(int width, int height, int frames) {
        List<byte[]> jpegs = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            try (Mat picture = picture(i, width, height);
                    BytePointer buffer = new BytePointer()) {
                imencode(".jpg", picture, buffer);
                byte[] bytes = new byte[(int) buffer.limit()];
                buffer.get(bytes);
                jpegs.add(bytes);
            }
        }
        return jpegs;
    }
}
