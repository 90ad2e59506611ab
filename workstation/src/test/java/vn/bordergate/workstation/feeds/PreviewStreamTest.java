package vn.bordergate.workstation.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bordergate.server.camera.MjpegPreview;

/**
 * The preview reader over real HTTP: a loopback server answers as the gate server's preview servlet does
 * (its own part writer, its content type), then drops the stream or refuses.
 */
class PreviewStreamTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/cameras/preview/CAM-L1", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().add("Content-Type", MjpegPreview.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 1; i <= 3; i++) {
                    MjpegPreview.writePart(out, ("jpeg-" + i).getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } // the camera went away: the stream ends
        });
        server.createContext("/api/cameras/preview/CAM-GONE", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What a sink heard. */
    private static final class Heard implements PreviewStream.Sink {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch ended = new CountDownLatch(1);
        volatile String why;

        @Override
        public void frame(byte[] jpeg) {
            frames.add(new String(jpeg, StandardCharsets.US_ASCII));
        }

        @Override
        public void ended(String reason) {
            why = reason;
            ended.countDown();
        }
    }

    @Test
    void readsEveryFrameWithTheTokenThenHearsTheStreamEnd() throws Exception {
        Heard heard = new Heard();
        try (AutoCloseable stream = PreviewStream.opener().open(uri(), "token-123", "CAM-L1", heard)) {
            assertThat(heard.ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heard.frames).containsExactly("jpeg-1", "jpeg-2", "jpeg-3");
        assertThat(heard.why).isEqualTo("stream ended");
        assertThat(authorizations).containsExactly("Bearer token-123");
    }

    @Test
    void aRefusedPreviewEndsAtOnceSayingWhy() throws Exception {
        Heard heard = new Heard();
        try (AutoCloseable stream = PreviewStream.opener().open(uri(), "t", "CAM-GONE", heard)) {
            assertThat(heard.ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(heard.frames).isEmpty();
        assertThat(heard.why).isEqualTo("HTTP 404");
    }

    @Test
    void aServerThatIsNotThereEndsTheStreamAsNoConnection() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        Heard heard = new Heard();
        PreviewStream.opener().open(URI.create("http://127.0.0.1:" + port), "t", "CAM-L1", heard);
        assertThat(heard.ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(heard.why).isEqualTo("no connection");
    }
}
