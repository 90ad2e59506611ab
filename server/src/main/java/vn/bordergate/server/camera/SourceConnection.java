package vn.bordergate.server.camera;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;

/**
 * One open connection to a camera source, used only by that camera's thread: FFmpeg for streams and files,
 * OpenCV for capture devices. Files are played at their own frame rate and looped, so a file behaves like
 * a live camera to everything downstream.
 */
final class SourceConnection implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** JavaCV's wording: {@code avformat_open_input() error -111: Could not open input "rtsp://…".} */
    private static final Pattern FFMPEG_ERROR = Pattern.compile("\\w+\\(\\) error (-?\\d+): (.*?)\\.?");

    static {
        // FFmpeg prints stream dumps and every retry to stderr at its default level; status events say it all
        avutil.av_log_set_level(AV_LOG_ERROR);
    }

    /** A decoded frame (BGR, valid until the next call) with its media time and what decoding it cost. */
    record Decoded(Frame frame, long mediaMicros, long decodeNanos, long arrivedNanos) {}

    private final CameraSource source;
    private final FrameGrabber grabber;
    private final double declaredFps;
    private final long frameMicros;
    private long lastMediaMicros = -1;
    private long lastRawMicros = -1;
    private long framesThisPass;
    private boolean paced;
    private long paceStartNanos;

    private SourceConnection(CameraSource source, FrameGrabber grabber) {
        this.source = source;
        this.grabber = grabber;
        // RTSP (opened without probing) declares nothing; MJPEG over HTTP and devices declare a guess
        double declared = source.kind() == CameraSource.Kind.FILE || source.kind() == CameraSource.Kind.RTSP
                ? grabber.getFrameRate()
                : 0;
        this.declaredFps = declared > 0.5 && declared <= 240 ? declared : 0;
        this.frameMicros = Math.round(1e6 / (declaredFps > 0 ? declaredFps : 25)); // 25 fps: the usual camera
    }

    /** Opens the source; blocks up to the I/O timeout for network sources. */
    static SourceConnection open(CameraSource source, CameraSettings settings) throws IOException {
        FrameGrabber grabber = create(source, settings);
        try {
            if (grabber instanceof FFmpegFrameGrabber ffmpeg) {
                // FFmpeg probes a live stream for seconds (to estimate its frame rate) before the first frame
                // and then hands over the probed frames late; an RTSP camera describes itself in its SDP
                ffmpeg.start(source.kind() != CameraSource.Kind.RTSP);
            } else {
                grabber.start();
            }
        } catch (IOException | RuntimeException e) {
            releaseQuietly(grabber);
            throw e;
        }
        return new SourceConnection(source, grabber);
    }

    private static FrameGrabber create(CameraSource source, CameraSettings settings) throws IOException {
        if (source.kind() == CameraSource.Kind.DEVICE) {
            return new OpenCVFrameGrabber(source.deviceIndex());
        }
        if (source.kind() == CameraSource.Kind.FILE && !Files.isReadable(Path.of(source.location()))) {
            throw new NoSuchFileException(source.location(), null, "no readable video file");
        }
        FFmpegFrameGrabber ffmpeg = new FFmpegFrameGrabber(source.location());
        ffmpeg.setPixelFormat(AV_PIX_FMT_BGR24);
        ffmpeg.setVideoOption("threads", String.valueOf(settings.decoderThreads()));
        if (source.isLive()) {
            String micros = String.valueOf(settings.ioTimeout().toNanos() / 1000);
            ffmpeg.setOption("timeout", micros); // RTSP: socket I/O; HTTP: connect and read
            ffmpeg.setOption("rw_timeout", micros); // any protocol's reads
            if (source.kind() == CameraSource.Kind.RTSP && settings.rtspOverTcp()) {
                ffmpeg.setOption("rtsp_transport", "tcp");
            }
            if (source.kind() == CameraSource.Kind.RTSP && settings.lowDelay()) {
                // unprobed, the H.264 decoder holds back three frames in case they are reordered
                ffmpeg.setVideoOption("flags", "low_delay");
            }
        }
        return ffmpeg;
    }

    /** The frame rate the source declares, or 0 when it declares none (RTSP, MJPEG, raw streams). */
    double declaredFps() {
        return declaredFps;
    }

    /** Whether media timestamps can be compared with the wall clock (not for MJPEG over HTTP or devices). */
    boolean hasTimestamps() {
        return source.kind() == CameraSource.Kind.FILE || source.kind() == CameraSource.Kind.RTSP;
    }

    /** Codec and size, once the first frame is decoded (an unprobed stream knows its size only then). */
    String describe(int width, int height) {
        String codec = grabber.getVideoCodecName();
        return String.format("%s %dx%d", codec == null || codec.isBlank() ? "video" : codec, width, height)
                + (declaredFps > 0 ? String.format(" at %.3g fps", declaredFps) : "");
    }

    /**
     * The next frame; for a file, when its media time has come. Returns null when a live stream ended;
     * throws when reading fails. A file that ends starts again from the beginning.
     */
    Decoded next() throws IOException, InterruptedException {
        long startCpu = threadCpuNanos();
        Frame frame = grab();
        if (frame == null && source.kind() == CameraSource.Kind.FILE) {
            rewind();
            frame = grab();
            if (frame == null) {
                throw new IOException("no video frames in " + source.location());
            }
        }
        if (frame == null) {
            return null;
        }
        long decodeNanos = threadCpuNanos() - startCpu;
        long media = mediaMicros();
        framesThisPass++;
        long now = System.nanoTime();
        if (source.isLive()) {
            return new Decoded(frame, media, decodeNanos, now - decodeNanos);
        }
        if (!paced) {
            paced = true;
            paceStartNanos = now - media * 1000;
        }
        long due = paceStartNanos + media * 1000;
        if (due > now) {
            Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
            now = System.nanoTime();
        }
        // a simulated camera captured the frame just in time to have it decoded by its due time
        return new Decoded(frame, media, decodeNanos, now - decodeNanos);
    }

    private Frame grab() throws IOException {
        Frame frame;
        do {
            frame = grabber instanceof FFmpegFrameGrabber ffmpeg ? ffmpeg.grabImage() : grabber.grab();
        } while (frame != null && frame.image == null);
        return frame;
    }

    /**
     * Media time of the frame just grabbed, continuous across loops of a file. Streams without usable
     * timestamps (raw H.264, MJPEG) advance by one frame interval per frame.
     */
    private long mediaMicros() {
        long raw = grabber.getTimestamp();
        long media;
        if (lastRawMicros >= 0 && raw > lastRawMicros) {
            media = lastMediaMicros + (raw - lastRawMicros);
        } else if (lastMediaMicros >= 0) {
            media = lastMediaMicros + frameMicros;
        } else {
            media = 0;
        }
        lastRawMicros = raw;
        lastMediaMicros = media;
        return media;
    }

    private void rewind() throws IOException {
        if (framesThisPass == 0) {
            throw new IOException("no video frames in " + source.location());
        }
        framesThisPass = 0;
        lastRawMicros = -1; // the next frame continues one interval after the last one
        try {
            grabber.setTimestamp(0);
        } catch (IOException | RuntimeException seekFailed) {
            // elementary streams (raw .h264, .mjpeg) cannot seek: reopen instead
            grabber.stop();
            grabber.start();
        }
    }

    /**
     * A failure in words for the status detail: FFmpeg's error number spelled out, JavaCV's hints dropped,
     * and the credentials that FFmpeg repeats from the URL masked.
     */
    static String explain(CameraSource source, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replace(source.location(), source.displayLocation())
                .replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "")
                .replace(" (Has setFormat() been called?)", "");
        Matcher ffmpeg = FFMPEG_ERROR.matcher(message);
        if (ffmpeg.matches()) {
            byte[] text = new byte[128];
            try (BytePointer buffer = new BytePointer(text.length)) {
                avutil.av_strerror(Integer.parseInt(ffmpeg.group(1)), buffer, text.length);
                buffer.get(text);
            }
            int end = 0;
            while (end < text.length && text[end] != 0) {
                end++;
            }
            return ffmpeg.group(2) + ": " + new String(text, 0, end, StandardCharsets.UTF_8);
        }
        return message;
    }

    private static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    @Override
    public void close() {
        releaseQuietly(grabber);
    }

    private static void releaseQuietly(FrameGrabber grabber) {
        try {
            grabber.close(); // stop() and release()
        } catch (IOException | RuntimeException e) {
            // the connection is gone either way; nothing to do about a failing close
        }
    }
}
