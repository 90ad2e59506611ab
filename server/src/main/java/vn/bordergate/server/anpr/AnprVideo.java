package vn.bordergate.server.anpr;

import java.util.function.BiConsumer;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Decodes a video file frame by frame for the {@code anpr} command (JavaCV's bundled FFmpeg). */
final class AnprVideo {
    private AnprVideo() {}

    /**
     * Hands every {@code every}-th frame, as its own 8-bit BGR copy named {@code VIDEO#N}, to {@code sink} (which
     * must close it). A video that cannot be opened or breaks off ends quietly with a message on stderr.
     */
    static void frames(AnprInputs.Item video, int every, BiConsumer<String, Mat> sink) {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.path().toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int index = 0;
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                if (index % every == 0) {
                    Mat mat = converter.convert(frame);
                    if (mat != null && !mat.empty()) {
                        sink.accept(video.name() + "#" + index, ImageDecoder.toBgr8(mat.clone()));
                    }
                }
                index++;
            }
            grabber.stop();
        } catch (Exception e) {
            System.err.println("anpr: " + video.name() + ": cannot read video: " + e.getMessage());
        }
    }
}
