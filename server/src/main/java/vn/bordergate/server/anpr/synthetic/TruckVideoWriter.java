package vn.bordergate.server.anpr.synthetic;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import vn.bordergate.common.plate.Plate;
import vn.bordergate.common.plate.PlateParser;

/**
 * Encodes a {@link TruckParade} to a video file with the bundled (LGPL) FFmpeg: MPEG-4 part 2 or MJPEG
 * in Matroska, or H.264 (openh264, baseline profile) in MP4.
 */
public final class TruckVideoWriter {
    /** Video codec and container. */
    public enum Codec {
        /** MPEG-4 part 2 in Matroska ({@code .mkv}): small, fast, decodes everywhere FFmpeg does. */
        MPEG4_MKV,
        /** Motion JPEG in Matroska: every frame a key frame, larger files. */
        MJPEG_MKV,
        /** H.264 baseline through openh264 in MP4. */
        H264_MP4;

        /** {@code .mp4} gives H.264, anything else MPEG-4 part 2 in Matroska. */
        public static Codec forFile(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4") ? H264_MP4 : MPEG4_MKV;
        }
    }

    /** Plates of the quick test clip: a Vietnamese, a Chinese and a Chinese new-energy truck. */
    public static final List<String> TEST_CLIP_PLATES = List.of("29C-671.61", "桂A·12345", "粤B·12345D");

    private TruckVideoWriter() {}

    /**
     * A short clip for tests: the three {@link #TEST_CLIP_PLATES} trucks, 2 s each at 10 fps, 1280 ×
     * 720, MPEG-4 in Matroska (60 frames, a few seconds to write).
     */
    public static TruckVideo writeTestClip(Path file) throws IOException {
        List<Plate> plates = TEST_CLIP_PLATES.stream().map(PlateParser::parse).toList();
        return write(new TruckVideoSpec(plates, 1280, 720, 10, 2, Set.of(), 7), file);
    }

    /** The clip a demo lane camera loops: {@link TruckVideoSpec#demo} (25 fps, 6 s per truck). */
    public static TruckVideo writeDemoClip(Path file, List<Plate> plates, long seed) throws IOException {
        return write(TruckVideoSpec.demo(plates, seed), file);
    }

    /** Writes {@code spec} to {@code file}, the codec chosen by the file name ({@link Codec#forFile}). */
    public static TruckVideo write(TruckVideoSpec spec, Path file) throws IOException {
        return write(new TruckParade(spec), file, Codec.forFile(file));
    }

    public static TruckVideo write(TruckParade parade, Path file, Codec codec) throws IOException {
        return write(parade, file, codec, (index, scene) -> {});
    }

    /** Writes every frame of {@code parade}, handing each frame's picture and truth to {@code onFrame} too. */
    public static TruckVideo write(TruckParade parade, Path file, Codec codec, BiConsumer<Integer, GateScene> onFrame)
            throws IOException {
        TruckVideoSpec spec = parade.spec();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        BufferedImage bgr = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_3BYTE_BGR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), spec.width(), spec.height(), 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            configure(recorder, codec, spec.fps());
            recorder.start();
            for (int i = 0; i < parade.frameCount(); i++) {
                GateScene scene = parade.frame(i);
                onFrame.accept(i, scene);
                Graphics2D g = bgr.createGraphics();
                g.drawImage(scene.image(), 0, 0, null);
                g.dispose();
                Frame frame = converter.convert(bgr);
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write video " + file + ": " + e.getMessage(), e);
        }
        return new TruckVideo(file, spec, parade.frameCount(), parade.passes());
    }

    private static void configure(FFmpegFrameRecorder recorder, Codec codec, double fps) {
        recorder.setFrameRate(fps);
        recorder.setGopSize(Math.max(1, (int) Math.round(fps)));
        switch (codec) {
            case MPEG4_MKV -> {
                recorder.setFormat("matroska");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setVideoQuality(3);
            }
            case MJPEG_MKV -> {
                recorder.setFormat("matroska");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
                recorder.setVideoQuality(3);
            }
            case H264_MP4 -> {
                recorder.setFormat("mp4");
                recorder.setVideoCodecName("libopenh264");
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setVideoBitrate(4_000_000);
            }
        }
    }
}
