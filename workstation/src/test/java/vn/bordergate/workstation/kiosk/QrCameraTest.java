package vn.bordergate.workstation.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.bordergate.workstation.connection.BackgroundWork;
import vn.bordergate.workstation.support.UiThread;

/**
 * The kiosk's QR camera on real pictures: QR codes made with ZXing, drawn tilted into a noisy yard
 * scene, encoded into a real video file by FFmpeg, grabbed back through JavaCV and read by ZXing.
 */
class QrCameraTest {
    private static final String PAYLOAD = "BORDERGATE:CROSSING:4242";
    private final UiThread ui = new UiThread();
    private final BackgroundWork work = new BackgroundWork(ui);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        work.close();
        ui.close();
    }

    /** A QR code made by ZXing, as a picture. */
    static BufferedImage qr(String payload, int size) throws Exception {
        var matrix =
                new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size, Map.of(EncodeHintType.MARGIN, 2));
        return MatrixToImageWriter.toBufferedImage(matrix);
    }

    /** A grey, noisy camera picture; with the code held up in it, tilted, when {@code code} is given. */
    static BufferedImage scene(BufferedImage code, Random random, double tilt) {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(96, 104, 112));
        g.fillRect(0, 0, 640, 480);
        for (int i = 0; i < 3000; i++) {
            int v = 60 + random.nextInt(120);
            g.setColor(new Color(v, v, v));
            g.fillRect(random.nextInt(640), random.nextInt(480), 2, 2);
        }
        if (code != null) {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(tilt, 330, 250);
            g.setColor(new Color(235, 235, 228));
            g.fillRect(200, 120, 260, 260); // the paper around the code
            g.drawImage(code, 215, 135, 230, 230, null);
        }
        g.dispose();
        return frame;
    }

    @Test
    void readsACodeInAStillPictureAndNothingInAPictureWithout() throws Exception {
        Random random = new Random(7);
        QrDecoder decoder = new QrDecoder();

        assertThat(decoder.decode(scene(qr(PAYLOAD, 230), random, 0.12))).contains(PAYLOAD);
        assertThat(decoder.decode(scene(null, random, 0))).isEmpty();
    }

    @Test
    void findsTheCodeInAVideoAfterFramesWithoutOne() throws Exception {
        Path video = dir.resolve("kiosk-camera.mkv");
        Random random = new Random(11);
        BufferedImage code = qr(PAYLOAD, 230);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), 640, 480);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setVideoQuality(2);
            recorder.setFrameRate(15);
            recorder.start();
            for (int i = 0; i < 40; i++) {
                // a driver walks up: 15 frames of the yard, then the code held up and swaying a little
                recorder.record(converter.convert(scene(i < 15 ? null : code, random, 0.05 * Math.sin(i))));
            }
            recorder.stop();
        }
        List<String> found = new CopyOnWriteArrayList<>();
        List<BufferedImage> previews = new CopyOnWriteArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        QrCamera camera = new QrCamera(video.toString(), work);

        ui.run(() -> camera.start(found::add, previews::add, failures::add));
        ui.await(Duration.ofSeconds(60), () -> !found.isEmpty() || !failures.isEmpty());

        assertThat(failures).isEmpty();
        assertThat(found).containsExactly(PAYLOAD);
        assertThat(previews.size()).as("frames shown before the code came").isGreaterThan(15);
        assertThat(camera.isRunning()).isFalse();
    }

    @Test
    void aSourceThatEndsWithoutACodeIsReportedNotHungOn() throws Exception {
        Path video = dir.resolve("empty-yard.mkv");
        Random random = new Random(3);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(video.toFile(), 640, 480);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("matroska");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setFrameRate(15);
            recorder.start();
            for (int i = 0; i < 8; i++) {
                recorder.record(converter.convert(scene(null, random, 0)));
            }
            recorder.stop();
        }
        List<String> found = new CopyOnWriteArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        QrCamera camera = new QrCamera(video.toString(), work);

        ui.run(() -> camera.start(found::add, null, failures::add));
        ui.await(Duration.ofSeconds(60), () -> !failures.isEmpty());

        assertThat(found).isEmpty();
        assertThat(failures.get(0)).hasMessageContaining("no more frames");
    }

    @Test
    void aDeviceNumberOpensALocalCameraAndAnythingElseFfmpeg() {
        assertThat(QrCamera.grabberFor("0")).isInstanceOf(OpenCVFrameGrabber.class);
        assertThat(QrCamera.grabberFor("rtsp://10.0.0.9/stream")).isInstanceOf(FFmpegFrameGrabber.class);
        assertThat(QrCamera.grabberFor("/dev/video0")).isInstanceOf(FFmpegFrameGrabber.class);
    }
}
